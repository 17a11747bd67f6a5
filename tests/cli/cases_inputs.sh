# Inputs that mean nothing (NaN or negative amounts, a CRS whose units do not fit the coordinates,
# sources and plans with nothing in them) and Ctrl-C at any moment of a run. Sourced by run_case.sh.
# shellcheck shell=bash disable=SC2154

# ======================================================================= amounts: finite, 0 or more

# refuse_amount SUB OPTION : NaN, infinities and negative values of OPTION are usage errors (exit 2)
# naming the option and the value, before anything is read or written.
refuse_amount() {
    local sub=$1 option=$2 value
    for value in NaN nan inf -inf Infinity -1 -0.5 1e999; do
        wm "$sub" "$TAB2014" --plan "$PLAN" "$option" "$value" ${3:+-o out/x.gpkg}
        expect_error 2 "$option" "$value"
    done
    wm "$sub" "$TAB2014" --plan "$PLAN" "$option" 0 ${3:+-o out/x.gpkg}  # 0 is allowed
    # validate --max-deviation 0 is a real check, which the 12-BCU plan fails (exit 4)
    [[ $RC == 0 || ($RC == 4 && $option == --max-deviation) ]] || fail "$option 0 is refused (exit $RC)"
    expect_no_partial
}
case_snap_not_a_number() { refuse_amount dissolve --snap with-output; }
case_sliver_area_not_a_number() { refuse_amount dissolve --sliver-area with-output; }
case_max_deviation_not_a_number() { refuse_amount validate --max-deviation; }

# ======================================================================= CRS units that do not fit

# declared_as FORMAT EXT EPSG : the 2022 wards (lon/lat) written with EPSG declared and nothing else
# changed, as a file whose author picked the wrong CRS.
declared_as() {
    ogr2ogr -f "$1" -a_srs "EPSG:$3" "in/wards-$3.$2" "$DATA/london/wards-2022-wgs84.geojson" 2>log/ogr2ogr ||
        fail "ogr2ogr could not make in/wards-$3.$2: $(head -c 300 log/ogr2ogr)"
}

lonlat_declared() {  # lonlat_declared FORMAT EXT EPSG
    declared_as "$@"
    local file="in/wards-$3.$2"
    wm dissolve "$file" --by lad22cd -o out/d.gpkg
    expect_error 3 "$file" "EPSG:$3" "look like lon/lat degrees" "-s_srs EPSG:4326"
    wm info "$file"
    expect_exit 3
    expect_stderr "-s_srs EPSG:4326"
    # The fix the message gives works: the 32 boroughs (no City) cover London's area, not 0 km².
    wm dissolve "$file" -s_srs EPSG:4326 --by lad22cd -o out/d.gpkg --json
    expect_ok
    expect_layer out/d.gpkg command_units 32
    local km2
    km2=$(ogr_sql out/d.gpkg "SELECT CAST(SUM(ST_Area(geom)) / 1e6 AS INTEGER) AS km2 FROM command_units")
    [[ $km2 -ge 1540 && $km2 -le 1600 ]] || fail "London's 32 boroughs cover $km2 km², expected about 1,570"
}
case_lonlat_declared_bng_geojson() { lonlat_declared GeoJSON geojson 27700; }
case_lonlat_declared_bng_gpkg() { lonlat_declared GPKG gpkg 27700; }
case_lonlat_declared_web_mercator_geojson() { lonlat_declared GeoJSON geojson 3857; }
case_lonlat_declared_web_mercator_gpkg() { lonlat_declared GPKG gpkg 3857; }

# ======================================================================= nothing in the input

case_all_geometries_null() {  # every feature of the 2014 wards, attributes kept, geometry null
    ogr2ogr -f GPKG -nlt POLYGON in/null.gpkg "$TAB2014" -sql "SELECT GSS_Code, Name, LB_GSS_Code, Borough FROM London_Ward" \
        -dialect SQLite -nln wards -a_srs EPSG:27700 2>/dev/null
    ogrinfo -q in/null.gpkg -sql "UPDATE wards SET geom = NULL" -dialect SQLite >/dev/null 2>&1
    [[ $(ogr_sql in/null.gpkg "SELECT COUNT(*) AS n FROM wards WHERE geom IS NULL") == 654 ]] ||
        fail "could not make a GeoPackage of 654 null geometries"
    wm dissolve in/null.gpkg --plan "$PLAN" -o out/d.gpkg
    expect_error 3 in/null.gpkg "none of its 654 feature(s) has a geometry"
    # The same as GeoJSON ("geometry": null), read by the fast reader.
    ogr2ogr -f GeoJSON in/null.geojson in/null.gpkg 2>/dev/null
    grep -q '"geometry": null' in/null.geojson || fail "could not make a GeoJSON of null geometries"
    wm export in/null.geojson --plan "$PLAN" -f GeoJSON -o out/d.geojson
    expect_error 3 in/null.geojson "none of its 654 feature(s) has a geometry"
}

case_empty_plan_file() {
    : >in/empty.wardplan
    wm dissolve "$TAB2014" --plan in/empty.wardplan -o out/d.gpkg
    expect_error 3 in/empty.wardplan "the plan file is empty"
    printf '# nothing but a comment\n\n' >in/comment.wardplan
    wm export "$TAB2014" --plan in/comment.wardplan -f GeoJSON -o out/d.geojson
    expect_error 3 in/comment.wardplan "the plan file is empty"
    # Named, with a unit, but no ward given to it: 0 command units again.
    printf 'name = "x"\n\n[[command_units]]\ncode = "A"\nname = "A"\n' >in/none.wardplan
    wm validate "$TAB2014" --plan in/none.wardplan
    expect_error 3 in/none.wardplan "the plan gives no ward to a command unit"
}

# ======================================================================= Ctrl-C at any moment

# Bound on the time from SIGINT to the process gone: the promise is 1 s (wardmap's watchdog ends
# it 0.5 s after the signal, removal and exit take milliseconds); 0.5 s more is allowed for this
# script's own `kill`, `wait` and `date` being scheduled late on two cores shared with ctest -j2.
CTRL_C_BOUND=1.5

# ctrl_c_at_moments OUTPUT ARGS... : runs the command once to the end (it must succeed and write
# OUTPUT, "-" for none), then ten more times, each sent SIGINT at another moment of that run's
# length, from its first milliseconds to 60% through (later runs may be quicker): loading,
# dissolving, drawing, writing. Each must end with 130 within CTRL_C_BOUND s and leave nothing in
# out/, hidden partial folders included. A run that ended, or moved its output into place, before
# the signal reached it is not judged; more than three such runs in ten fail the case, as testing
# too little (and as what ignored signals look like).
ctrl_c_at_moments() {
    local output=$1 start end length k delay pid state sent gone took finished_early=0
    shift
    start=$(date +%s.%N)
    wm "$@"
    end=$(date +%s.%N)
    expect_ok
    [[ $output == - || -s $output ]] || fail "the run to the end wrote no $output"
    length=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
    rm -rf out && mkdir out
    for k in 0 1 2 3 4 5 6 7 8 9; do
        delay=$(awk -v l="$length" -v k="$k" 'BEGIN { printf "%.3f", k == 0 ? 0.02 : l * k / 15 }')
        LAST_CMD="wardmap $(printf '%q ' "$@")  (SIGINT after ${delay}s of a ${length}s run)"
        set -m  # job control: a background job of a script would otherwise ignore SIGINT
        "$WARDMAP" "$@" </dev/null >log/stdout 2>log/stderr &
        pid=$!
        set +m
        sleep "$delay"
        state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)
        if [[ -z $state || $state == Z ]]; then  # already ended by itself: no Ctrl-C to judge
            wait "$pid"
            RC=$?
            expect_ok
            finished_early=$((finished_early + 1))
            rm -rf out && mkdir out
            continue
        fi
        sent=$(date +%s.%N)
        kill -INT "$pid"
        wait "$pid"
        RC=$?
        gone=$(date +%s.%N)
        took=$(awk -v a="$sent" -v b="$gone" 'BEGIN { printf "%.3f", b - a }')
        if ((RC == 0)) && [[ $output == - || -s $output ]]; then
            # The output went into place (or the command made its last check) in the moment
            # before the signal: done, not interrupted. wardmap moves no output into place after one.
            expect_ok
            finished_early=$((finished_early + 1))
            rm -rf out && mkdir out
            continue
        fi
        expect_exit 130
        awk -v t="$took" -v m="$CTRL_C_BOUND" 'BEGIN { exit !(t <= m) }' ||
            fail "SIGINT after ${delay}s: the process took ${took}s to end (bound ${CTRL_C_BOUND}s)"
        expect_no_output
        [[ -n ${CLI_VERBOSE:-} ]] && echo "SIGINT after ${delay}s: exit $RC in ${took}s"
        rm -rf out && mkdir out
    done
    ((finished_early <= 3)) || fail "$finished_early of 10 runs ended before their SIGINT: the moments test too little"
}

case_ctrl_c_render_moments() { ctrl_c_at_moments out/map.pdf render "$TAB2014" --plan "$PLAN" -o out/map.pdf -q; }
case_ctrl_c_render_atlas_moments() {
    ctrl_c_at_moments out/atlas.pdf render "$TAB2014" --plan "$PLAN" --atlas bcu -o out/atlas.pdf -q
}
case_ctrl_c_dissolve_moments() { ctrl_c_at_moments out/d.gpkg dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg -q; }
case_ctrl_c_export_lsoa_moments() {  # the LSOAs of London's 33 districts, read from 33 files
    ctrl_c_at_moments out/lsoa.shp export "$GB_LSOA"/england/E09*.json --stem-field LAD --parent-field LAD --by LAD \
        -f "ESRI Shapefile" -o out/lsoa.shp -q
}
case_ctrl_c_validate_moments() {  # validate writes nothing, but its checks must stop too
    ctrl_c_at_moments - validate "$TAB2014" --plan "$PLAN" -q
}
