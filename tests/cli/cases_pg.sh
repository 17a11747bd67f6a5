# PostGIS in and out, and the team plan store, against a real PostgreSQL 15 + PostGIS 3 started
# for each case (pg_server.sh: a private socket, stopped and removed at the end). Nothing mocked.
# Each case starts one server (about a second from a copied template) and does all its checks on it.
# Cases named pg_* get the label pg (tests/cli/CMakeLists.txt).
# shellcheck shell=bash disable=SC2154

# shellcheck source=pg_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/pg_server.sh"

# sql QUERY : one psql query against the test database, unaligned, tuples only, '|' between columns.
sql() { "${PSQL[@]}" -c "$1"; }

# The bundled London 2014 wards, loaded into PostGIS as the table wards by GDAL's own ogr2ogr.
load_wards() {
    ogr2ogr -f PostgreSQL "$PG" "$REPO/shapes/london-wards-2014.gpkg" -nln wards -lco GEOMETRY_NAME=geom -lco LAUNDER=NO \
        >log/ogr2ogr 2>&1 || fail "ogr2ogr could not load the wards into PostGIS: $(head -c 300 log/ogr2ogr)"
}

# layer_csv SOURCE LAYER : every attribute of the layer, as GDAL reads it, one line per feature, sorted.
layer_csv() {
    ogr2ogr -f CSV /vsistdout/ "$1" "$2" 2>/dev/null | { IFS= read -r header; echo "$header"; sort; }
}

case_pg_read() {
    pg_start || { fail "could not start PostgreSQL"; return; }
    load_wards
    wm info "$PG tables=wards"
    expect_ok
    expect_stdout "layer wards (PostgreSQL), 654 features" "654 units" "CRS EPSG:27700"
    # Values read from the database are the file's: the same dissolve, the same areas.
    wm dissolve "$PG tables=wards" -o in/from-pg.gpkg
    expect_ok
    wm dissolve -o in/from-file.gpkg
    expect_ok
    local a b
    a=$(layer_csv in/from-pg.gpkg command_units)
    b=$(layer_csv in/from-file.gpkg command_units)
    [[ -n $a && $a == "$b" ]] || fail "command units read from PostGIS differ from those read from the file: $(diff <(echo "$a") <(echo "$b") | head -5)"
    # A database that is not there, a table that is not there, a password never shown.
    wm info "PG:dbname=nosuchdb host=$PG_DIR/socket port=$PG_PORT password=hunter2"
    expect_error 3 "GDAL cannot open this connection" nosuchdb "password=***" "~/.pgpass"
    ! grep -q hunter2 log/stderr || fail "the password is shown in the message"
    ! grep -qi "no such file" log/stderr || fail "a connection string is reported as a missing file"
    wm info "$PG tables=no_such_table"
    [[ $RC == 3 ]] || fail "a missing table: expected exit 3, got $RC"
    expect_wardmap_message
    # GDAL's virtual file systems too: the wards gzipped.
    ogr2ogr -f GeoJSON "/vsigzip/$PWD/in/w.geojson.gz" "$REPO/shapes/london-wards-2014.gpkg" 2>/dev/null
    wm info "/vsigzip/$PWD/in/w.geojson.gz"
    expect_ok
    expect_stdout "654 units"
}

case_pg_round_trip() {
    pg_start || { fail "could not start PostgreSQL"; return; }
    load_wards
    # Read from PostGIS, dissolve, write to PostGIS.
    wm dissolve "$PG tables=wards" -f PostgreSQL -o "$PG"
    expect_ok
    expect_stdout "wrote $PG (PostgreSQL: units 654, parents 33, command_units 12) in EPSG:27700"
    # ogrinfo reads the tables back.
    ogrinfo -ro -so "$PG" command_units >log/ogrinfo 2>&1
    grep -q '^Feature Count: 12$' log/ogrinfo || fail "ogrinfo: command_units is not 12 features: $(head -c 400 log/ogrinfo)"
    grep -q 'Geometry: Multi Polygon' log/ogrinfo || fail "ogrinfo: command_units is not Multi Polygon"
    # The same columns and values as the GeoPackage of the same dissolve.
    wm dissolve "$PG tables=wards" -o in/ref.gpkg
    expect_ok
    local layer a b
    for layer in units parents command_units; do
        a=$(layer_csv "$PG" "$layer")
        b=$(layer_csv in/ref.gpkg "$layer")
        [[ -n $a && $a == "$b" ]] || fail "table $layer differs from the GeoPackage's layer: $(diff <(echo "$a") <(echo "$b") | head -6)"
    done
    # By SQL: valid shapes, areas as the GeoPackage of the bundled file has them (to 0.01%), provenance.
    local invalid
    invalid=$(sql "SELECT (SELECT count(*) FROM units WHERE NOT ST_IsValid(geom)) + (SELECT count(*) FROM parents WHERE NOT ST_IsValid(geom))
                  + (SELECT count(*) FROM command_units WHERE NOT ST_IsValid(geom))")
    [[ $invalid == 0 ]] || fail "$invalid invalid geometries in the tables written"
    sql "SELECT code, ST_Area(geom), ST_SRID(geom) FROM command_units ORDER BY code" >log/pg-areas
    wm dissolve -o in/bundled.gpkg
    ogr2ogr -f CSV /vsistdout/ in/bundled.gpkg -dialect sqlite -sql "SELECT code, ST_Area(geom) AS a FROM command_units ORDER BY code" |
        tail -n +2 | tr -d '"' >log/gpkg-areas
    [[ $(wc -l <log/pg-areas) == 12 ]] || fail "expected 12 areas by SQL, got: $(cat log/pg-areas)"
    paste -d'|' log/pg-areas <(tr ',' '|' <log/gpkg-areas) | awk -F'|' '
        $1 != $4 { print "code " $1 " against " $4; bad = 1 }
        $3 != 27700 { print $1 " has SRID " $3; bad = 1 }
        { d = ($2 - $5) / $5; if (d < 0) d = -d; if (d > 1e-4) { print $1 " area " $2 " against " $5; bad = 1 } }
        END { exit bad }' >log/area-diff || fail "areas by SQL differ from the GeoPackage's: $(head -3 log/area-diff)"
    sql "SELECT obj_description('public.command_units'::regclass)" >log/comment
    grep -q "wardmap" log/comment && grep -q "mps-12-bcu-2018" log/comment && grep -q "dbname=wardmap" log/comment ||
        fail "command_units has no provenance comment naming wardmap, the plan and the source: $(head -c 300 log/comment)"

    # Existing tables are refused without --overwrite; nothing changes.
    wm dissolve "$PG tables=wards" --by LB_GSS_Code -f PostgreSQL -o "$PG"
    expect_error 5 "table units exists" "--overwrite"
    [[ $(sql "SELECT count(*) FROM command_units") == 12 ]] || fail "a refused write changed command_units"
    # --overwrite replaces all three in one transaction...
    wm dissolve "$PG tables=wards" --by LB_GSS_Code -f PostgreSQL -o "$PG" --overwrite
    expect_ok
    [[ $(sql "SELECT count(*) FROM command_units") == 33 ]] || fail "--overwrite did not replace command_units (33 boroughs)"
    # ...so that one that fails halfway leaves all three as they were: here the server refuses to
    # create the third table (an event trigger), after units and parents were replaced.
    sql "CREATE FUNCTION refuse() RETURNS event_trigger LANGUAGE plpgsql AS \$\$ BEGIN
           IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() WHERE object_identity = 'public.command_units')
           THEN RAISE EXCEPTION 'no new command_units today'; END IF; END \$\$"
    sql "CREATE EVENT TRIGGER refuse ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION refuse()"
    wm dissolve "$PG tables=wards" -f PostgreSQL -o "$PG" --overwrite
    expect_error 5 "rolled back" "no new command_units today"
    expect_unchanged() {
        [[ $(sql "SELECT count(*) FROM command_units") == 33 && $(sql "SELECT count(DISTINCT cu_code) FROM units") == 33 &&
            $(sql "SELECT count(*) FROM parents") == 33 ]] ||
            fail "$1 left the tables changed: command_units $(sql "SELECT count(*) FROM command_units"), units grouped in $(sql "SELECT count(DISTINCT cu_code) FROM units")"
    }
    expect_unchanged "a failed --overwrite"
    sql "DROP EVENT TRIGGER refuse"
    # A team's view on a table is not dropped with it (GDAL would drop it WITH CASCADE): refused.
    sql "CREATE VIEW parents_in_use AS SELECT * FROM parents"
    wm dissolve "$PG tables=wards" -f PostgreSQL -o "$PG" --overwrite
    expect_error 5 "table parents is used by view parents_in_use"
    expect_unchanged "a refused --overwrite"
    [[ $(sql "SELECT count(*) FROM parents_in_use") == 33 ]] || fail "the view parents_in_use is gone"

    # A file format aimed at a database is refused, not written to a file named "PG:dbname=...".
    wm dissolve -f GPKG -o "$PG"
    expect_error 3 "is a database connection" "-f PostgreSQL"
    [[ -z $(ls -A . | grep -v '^in$\|^out$\|^log$') ]] || fail "a file was written in the working folder: $(ls -A)"
    wm dissolve -f PostgreSQL -o out/x.gpkg
    expect_error 3 "-f PostgreSQL writes to a database"
}

# A plan file of the 12 BCUs on the bundled wards (as the planner saves it), from the plan table.
write_store_plan() {  # write_store_plan FILE NAME
    make_plan in/plan.csv
    {
        printf 'name = "%s"\nversion = 1\nauthor = "alice"\nstatus = "draft"\n\n[boundaries]\npath = "shapes/london-wards-2014.gpkg"\nwards = 654\nfingerprint = ""\n' "$2"
        tail -n +2 in/plan.csv | awk -F, '$2 != "-" && !seen[$2]++ { printf "\n[[command_units]]\ncode = \"%s\"\nname = \"%s\"\ncolour = \"#%06x\"\nlocked = false\n", $2, $3, NR * 400000 }'
        printf '\n[assignment]\n'
        ogr2ogr -f CSV /vsistdout/ "$REPO/shapes/london-wards-2014.gpkg" -select GSS_Code,LB_GSS_Code 2>/dev/null | tail -n +2 |
            awk -F, 'NR == FNR { unit[$1] = $2; next } { print $1 " = \"" unit[$2] "\"" }' <(tail -n +2 in/plan.csv) - | sort
    } >"$1"
}

case_pg_store() {
    pg_start || { fail "could not start PostgreSQL"; return; }
    write_store_plan in/bcu.wardplan "London BCUs"
    wm plan save in/bcu.wardplan --store "$PG"
    expect_ok
    expect_stdout "saved London BCUs version 1 (12 command units, 654 wards)"
    grep -q '^version = 1$' in/bcu.wardplan || fail "the plan file does not say it is version 1 now"
    # Move Abbey (Barking) into Central North and save again: version 2, parent 1.
    sed -i 's/^E05000026 = "EA"/E05000026 = "CN"/' in/bcu.wardplan
    wm plan save in/bcu.wardplan --store "$PG" --author bob --status proposed
    expect_ok
    expect_stdout "version 2"
    # Two stored versions compared by name: Abbey's move, with the numbers `diff` gives the same plans as files.
    wm diff "London BCUs@1" "London BCUs@2" --store "$PG" -o out/moved-stored.gpkg
    expect_ok
    expect_stdout "1 ward(s) change command unit, in 1 move(s)" "London BCUs, version 1" "London BCUs, version 2"
    head -n -1 log/stdout | tail -n +4 >out/diff-stored.txt
    wm plan load "London BCUs" --version 1 -o out/v1.wardplan --store "$PG"
    expect_ok
    wm diff out/v1.wardplan in/bcu.wardplan -o out/moved-files.gpkg
    expect_ok
    head -n -1 log/stdout | tail -n +4 | diff -u - out/diff-stored.txt >log/diff-of-diffs || fail "diff of stored versions differs from diff of the files: $(head -c 600 log/diff-of-diffs)"
    # The moved wards written, read back by GDAL: the same rows (Abbey, East to Central North, its figures).
    ogr2ogr -f CSV /vsistdout/ out/moved-stored.gpkg >out/moved-stored.csv 2>log/ogr
    ogr2ogr -f CSV /vsistdout/ out/moved-files.gpkg >out/moved-files.csv 2>>log/ogr
    grep -q E05000026 out/moved-stored.csv && cmp -s out/moved-stored.csv out/moved-files.csv ||
        fail "moved wards of the stored versions differ from the files': $(head -c 400 out/moved-stored.csv) / $(head -c 400 out/moved-files.csv)"
    rm -f out/v1.wardplan out/diff-stored.txt out/moved-*
    WARDMAP_STORE="$PG" wm diff "London BCUs@1" "London BCUs" --stored --json
    expect_ok
    expect_json
    grep -q '"wards_moved": 1' log/stdout || fail "diff --stored --json: $(head -c 300 log/stdout)"
    wm diff "London BCUs@9" "London BCUs" --store "$PG"
    expect_error 3 "no such version" "Versions 1 to 2"
    wm plan list --store "$PG"
    expect_ok
    expect_stdout "London BCUs"
    grep -qE '^London BCUs +2 +2 +bob +[0-9-]+ [0-9:]+ UTC +proposed +654$' log/stdout || fail "plan list does not show version 2 of 2 by bob: $(cat log/stdout)"
    wm plan list "London BCUs" --store "$PG" --json
    expect_ok
    expect_json
    grep -q '"schema_version": 1' log/stdout || fail "plan list --json has no schema_version"
    grep -q '"parent": 1' log/stdout && grep -q '"author": "alice"' log/stdout || fail "plan list NAME --json lacks version 1's author or version 2's parent"
    # By plain SQL: the versions, each ward's command unit, and the view QGIS shows.
    [[ $(sql "SELECT version || ':' || coalesce(parent::text, '-') || ':' || author || ':' || status || ':' || wards FROM wardmap.plan_versions ORDER BY version" | tr '\n' ' ') == "1:-:alice:draft:654 2:1:bob:proposed:654 " ]] ||
        fail "plan_versions: $(sql "SELECT version, parent, author, status FROM wardmap.plan_versions")"
    [[ $(sql "SELECT string_agg(version || cu_code, ',' ORDER BY version) FROM wardmap.plan_assignments WHERE ward_code = 'E05000026'") == "1EA,2CN" ]] ||
        fail "plan_assignments of Abbey: $(sql "SELECT version, cu_code FROM wardmap.plan_assignments WHERE ward_code = 'E05000026'")"
    [[ $(sql "SELECT count(*) || ':' || sum(wards) || ':' || min(version) || ':' || count(geom) || ':' || ST_SRID(ST_Collect(geom)) FROM wardmap.current_command_units") == "12:629:2:12:4326" ]] ||
        fail "current_command_units: $(sql "SELECT count(*), sum(wards), min(version), count(geom) FROM wardmap.current_command_units")"
    [[ $(sql "SELECT bool_and(ST_IsValid(geom)) AND bool_and(ST_SRID(geom) = 27700) FROM wardmap.plan_command_units") == t ]] ||
        fail "the command units stored are not valid shapes in EPSG:27700"
    # Their areas are the dissolve's: Central North of version 2 as `wardmap dissolve` makes it.
    local stored
    stored=$(sql "SELECT round(ST_Area(geom)::numeric / 1e6, 4) || ' ' || round(area_km2::numeric, 4) FROM wardmap.plan_command_units WHERE version = 2 AND code = 'CN'")
    [[ ${stored% *} == "${stored#* }" ]] || fail "Central North: area of the shape and area_km2 differ: $stored"
    local cn1 cn2
    cn1=$(sql "SELECT wards FROM wardmap.plan_command_units WHERE version = 1 AND code = 'CN'")
    cn2=$(sql "SELECT wards FROM wardmap.plan_command_units WHERE version = 2 AND code = 'CN'")
    ((cn2 == cn1 + 1)) || fail "Central North has $cn1 wards in version 1 and $cn2 in version 2 (expected one more)"
    ogrinfo -ro -so "$PG" wardmap.current_command_units >log/ogrinfo 2>&1
    grep -q '^Feature Count: 12$' log/ogrinfo && grep -q 'Multi Polygon' log/ogrinfo ||
        fail "GDAL (as QGIS) does not read the view as 12 polygons: $(head -c 400 log/ogrinfo)"
    # show and load give version 1 back as it was saved.
    wm plan show "London BCUs" --version 1 --store "$PG"
    expect_ok
    grep -q '^E05000026 = "EA"' log/stdout && grep -q '^author = "alice"' log/stdout || fail "plan show --version 1 is not version 1"
    wm plan load "London BCUs" -o out/current.wardplan --store "$PG"
    expect_ok
    expect_stdout "London BCUs version 2, current"
    grep -q '^E05000026 = "CN"' out/current.wardplan && grep -q '^version = 2$' out/current.wardplan ||
        fail "plan load wrote no version 2: $(grep -E '^(version|E05000026)' out/current.wardplan)"
    wm dissolve --plan out/current.wardplan -o out/d.gpkg
    expect_ok
    mv out/current.wardplan in/ && rm -f out/d.gpkg
    wm plan load "London BCUs" --version 7 -o out/seven.wardplan --store "$PG"
    expect_error 3 "no such version" "Versions 1 to 2"
    wm plan show "Nobody's plan" --store "$PG"
    expect_error 3 "no such plan" "London BCUs"
    # A plan made on other boundaries is refused before anything is stored.
    sed -i 's/^fingerprint = ""/fingerprint = "fnv1a64:0123456789abcdef"/' in/current.wardplan
    wm plan save in/current.wardplan --store "$PG"
    expect_exit 3
    [[ $(sql "SELECT count(*) FROM wardmap.plan_versions") == 2 ]] || fail "a refused save stored a version"
    # No store given anywhere (no settings file either); a store that is not there.
    XDG_CONFIG_HOME=$PWD/in/config WARDMAP_STORE= wm plan list
    expect_error 3 "no plan store given" WARDMAP_STORE "$PWD/in/config/wardmap/settings.toml" "[store]"
    # The user's settings file names the store; $WARDMAP_STORE and --store win over it.
    mkdir -p in/config/wardmap && printf '# mine\n[store]\nconnection = "%s"\n' "$PG" >in/config/wardmap/settings.toml
    XDG_CONFIG_HOME=$PWD/in/config WARDMAP_STORE= wm plan list
    expect_ok
    grep -qE '^London BCUs +2 +2 +bob ' log/stdout || fail "plan list with the store from settings.toml: $(cat log/stdout)"
    XDG_CONFIG_HOME=$PWD/in/config WARDMAP_STORE="PG:dbname=fromenv host=$PG_DIR/socket port=$PG_PORT" wm plan list
    expect_error 3 "cannot connect to the plan store" fromenv
    XDG_CONFIG_HOME=$PWD/in/config WARDMAP_STORE= wm plan list --store "PG:dbname=fromoption host=$PG_DIR/socket port=$PG_PORT"
    expect_error 3 "cannot connect to the plan store" fromoption
    printf '[store]\nconection = "%s"\n' "$PG" >in/config/wardmap/settings.toml
    XDG_CONFIG_HOME=$PWD/in/config WARDMAP_STORE= wm plan list
    expect_error 3 "settings.toml" "[store] conection (line 2)" "not a setting wardmap knows"
    wm plan list --store "PG:dbname=nosuchdb host=$PG_DIR/socket port=$PG_PORT password=hunter2"
    expect_error 3 "cannot connect to the plan store" nosuchdb
    ! grep -q hunter2 log/stderr || fail "the password is shown in the message"
}

# save_both FILE1 FILE2 OPTIONS... : two saves at once, each holding the plan's lock for a second
# once it has it (WARDMAP_STORE_TEST_PAUSE), so that the second certainly arrives while the first
# is in its transaction. Their exit codes in RC1 RC2, output in log/one.* and log/two.*.
save_both() {
    local one=$1 two=$2
    shift 2
    WARDMAP_STORE_TEST_PAUSE=1 "$WARDMAP" plan save "$one" --store "$PG" "$@" >log/one.out 2>log/one.err &
    local first=$!
    WARDMAP_STORE_TEST_PAUSE=1 "$WARDMAP" plan save "$two" --store "$PG" "$@" >log/two.out 2>log/two.err &
    local second=$!
    wait $first
    RC1=$?
    wait $second
    RC2=$?
}

# A server with version 1 of the 12 BCUs saved, and two planners' copies of it: alice moves Abbey
# into Central North (in/alice.wardplan), bob Chessington South into West (in/bob.wardplan).
two_planners() {
    pg_start || { fail "could not start PostgreSQL"; return 1; }
    write_store_plan in/bcu.wardplan "London BCUs"
    wm plan save in/bcu.wardplan --store "$PG"
    expect_ok
    cp in/bcu.wardplan in/alice.wardplan
    sed 's/^author = "alice"/author = "bob"/' in/bcu.wardplan >in/bob.wardplan
    sed -i 's/^E05000026 = "EA"/E05000026 = "CN"/' in/alice.wardplan
    sed -i 's/^E05000405 = "SW"/E05000405 = "WA"/' in/bob.wardplan
}

# Two planners save the same plan from the same version at once: both edits are kept, the second is told.
case_pg_store_concurrent() {
    two_planners || return
    save_both in/alice.wardplan in/bob.wardplan
    local rc_alice=$RC1 rc_bob=$RC2
    mv log/one.err log/alice.err && mv log/two.err log/bob.err
    # One became version 2 (current), the other version 3 beside it, told so (exit 6).
    [[ "$rc_alice $rc_bob" == "0 6" || "$rc_alice $rc_bob" == "6 0" ]] ||
        fail "expected exits 0 and 6, got alice $rc_alice ($(head -c 300 log/alice.err)), bob $rc_bob ($(head -c 300 log/bob.err))"
    local second=bob first=alice
    [[ $rc_alice == 6 ]] && second=alice first=bob
    grep -q "was saved as version 2 by $first" "log/$second.err" && grep -q "kept as version 3" "log/$second.err" ||
        fail "$second is not told what happened: $(cat "log/$second.err")"
    [[ $(sql "SELECT string_agg(version || ':' || coalesce(parent::text, '-') || ':' || author || ':' || coalesce(saved_over::text, '-'), ' ' ORDER BY version) FROM wardmap.plan_versions") == "1:-:alice:- 2:1:$first:- 3:1:$second:2" ]] ||
        fail "versions: $(sql "SELECT version, parent, author, saved_over FROM wardmap.plan_versions ORDER BY version" | tr '\n' ' ')"
    [[ $(sql "SELECT current_version FROM wardmap.plans") == 2 ]] || fail "version 2 is not current"
    # Both edits are in the store.
    # The second saves again, as told, with --merge: a version 4 on top of 2 holding both moves.
    "$WARDMAP" plan save "in/$second.wardplan" --store "$PG" --merge >log/again.out 2>&1 ||
        fail "saving again with --merge failed: $(cat log/again.out)"
    [[ $(sql "SELECT parent || ':' || (SELECT current_version FROM wardmap.plans) FROM wardmap.plan_versions WHERE version = 4") == "2:4" &&
        $(sql "SELECT string_agg(cu_code, ',' ORDER BY ward_code) FROM wardmap.plan_assignments WHERE version = 4 AND ward_code IN ('E05000026', 'E05000405')") == "CN,WA" ]] ||
        fail "saved again with --merge, version 4 is not both moves on top of 2: $(sql "SELECT version, parent, ward_code, cu_code FROM wardmap.plan_assignments JOIN wardmap.plan_versions USING (plan, version) WHERE ward_code IN ('E05000026', 'E05000405') ORDER BY version" | tr '\n' ' ')"
    [[ $(sql "SELECT count(*) FROM wardmap.plan_assignments WHERE (ward_code, cu_code) IN (('E05000026', 'CN'), ('E05000405', 'WA'))") == 4 ]] ||
        fail "an edit is missing: $(sql "SELECT version, ward_code, cu_code FROM wardmap.plan_assignments WHERE ward_code IN ('E05000026', 'E05000405') ORDER BY version" | tr '\n' ' ')"
}

# The same with --merge: moves of different wards are put together on top of the current version;
# a ward moved by both is not merged, and that edit is kept beside as before.
case_pg_store_merge() {
    two_planners || return
    save_both in/alice.wardplan in/bob.wardplan --merge
    [[ "$RC1 $RC2" == "0 0" ]] || fail "two --merge saves of different wards: exits $RC1 ($(head -c 300 log/one.err)) and $RC2 ($(head -c 300 log/two.err))"
    cat log/one.out log/two.out | grep -q "saved London BCUs version 3: your moves merged with version 2" ||
        fail "neither save says it merged: $(cat log/one.out log/two.out)"
    [[ $(sql "SELECT string_agg(version || ':' || coalesce(parent::text, '-'), ' ' ORDER BY version) FROM wardmap.plan_versions") == "1:- 2:1 3:2" &&
        $(sql "SELECT current_version FROM wardmap.plans") == 3 ]] ||
        fail "versions after the merge: $(sql "SELECT version, parent FROM wardmap.plan_versions ORDER BY version" | tr '\n' ' ')"
    [[ $(sql "SELECT string_agg(ward_code || '=' || cu_code, ' ' ORDER BY ward_code) FROM wardmap.plan_assignments WHERE version = 3 AND ward_code IN ('E05000026', 'E05000405', 'E05000027')") == "E05000026=CN E05000027=EA E05000405=WA" ]] ||
        fail "the merged version lacks a move: $(sql "SELECT ward_code, cu_code FROM wardmap.plan_assignments WHERE version = 3 AND ward_code IN ('E05000026', 'E05000405', 'E05000027')" | tr '\n' ' ')"
    [[ $(sql "SELECT wards FROM wardmap.plan_command_units WHERE version = 3 AND code = 'WA'") == \
        $(($(sql "SELECT wards FROM wardmap.plan_command_units WHERE version = 1 AND code = 'WA'") + 1)) ]] ||
        fail "West of the merged version was not dissolved with Chessington South in it"
    # The file of the save that merged now is version 3, both moves in it.
    local merged=in/alice.wardplan
    grep -q merged log/two.out && merged=in/bob.wardplan
    grep -q '^version = 3$' $merged && grep -q '^E05000405 = "WA"' $merged && grep -q '^E05000026 = "CN"' $merged ||
        fail "$merged is not the merged version 3: $(grep -E '^(version|E05000026|E05000405)' $merged | tr '\n' ' ')"
    # A ward moved by both, differently: not merged, kept beside, told which ward.
    wm plan load "London BCUs" -o in/carol.wardplan --store "$PG"
    expect_ok
    cp in/carol.wardplan in/dave.wardplan
    sed -i 's/^E05000027 = "EA"/E05000027 = "CN"/' in/carol.wardplan
    sed -i 's/^E05000027 = "EA"/E05000027 = "NE"/' in/dave.wardplan
    save_both in/carol.wardplan in/dave.wardplan --merge
    [[ "$RC1 $RC2" == "0 6" || "$RC1 $RC2" == "6 0" ]] || fail "two --merge saves of one ward: exits $RC1 and $RC2, expected 0 and 6"
    cat log/one.err log/two.err | grep -q "Not merged: E05000027 moved by both (from EA to" ||
        fail "the conflict is not named: $(cat log/one.err log/two.err)"
    [[ $(sql "SELECT string_agg(version || ':' || parent || ':' || coalesce(saved_over::text, '-'), ' ' ORDER BY version) FROM wardmap.plan_versions WHERE version > 3") == "4:3:- 5:3:4" ]] ||
        fail "versions after the conflict: $(sql "SELECT version, parent, saved_over FROM wardmap.plan_versions WHERE version > 3" | tr '\n' ' ')"
}
