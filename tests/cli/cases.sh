# End-to-end cases of the wardmap command line, one function per case (case_NAME).
# Sourced by run_case.sh, which provides WARDMAP, DATA, REPO, PLAN, TAB2014, TAB2018, ... and the
# helpers (wm, expect_*). tests/cli/CMakeLists.txt registers every case_* function here as the
# CTest test cli.NAME; names starting gb_ also get the label gb (the slow England and Wales runs).
# Every broken input is made here at run time from the real data: no fixtures are committed.
# shellcheck shell=bash disable=SC2154

# make_plan FILE [DELIMITER] : the 12-BCU plan of 2018, one row per borough sorted by code, so
# that line N+1 holds borough E090000NN (line 2 the City, left out with "-", line 34 Westminster).
make_plan() {
    local file=$1 d=${2:-,} code unit name
    {
        echo "code${d}unit_code${d}unit_name"
        while read -r code unit name; do
            printf '%s%s%s%s%s\n' "$code" "$d" "$unit" "$d" "$name"
        done <<'EOF'
E09000001 - City of London Police
E09000002 EA East
E09000003 NW North West
E09000004 SE South East
E09000005 NW North West
E09000006 SN South
E09000007 CN Central North
E09000008 SN South
E09000009 WA West
E09000010 NA North
E09000011 SE South East
E09000012 CE Central East
E09000013 AW Central West
E09000014 NA North
E09000015 NW North West
E09000016 EA East
E09000017 WA West
E09000018 WA West
E09000019 CN Central North
E09000020 AW Central West
E09000021 SW South West
E09000022 AS Central South
E09000023 SE South East
E09000024 SW South West
E09000025 NE North East
E09000026 EA East
E09000027 SW South West
E09000028 AS Central South
E09000029 SN South
E09000030 CE Central East
E09000031 NE North East
E09000032 SW South West
E09000033 AW Central West
EOF
    } >"$file"
}

# ======================================================================= usage and help

case_help() {
    wm --help
    expect_exit 0
    grep -qi 'usage' log/stdout || fail "--help prints no usage on stdout"
    local sub
    for sub in info dissolve validate export; do
        grep -qw "$sub" log/stdout || fail "--help does not list the subcommand '$sub'"
    done
}

help_of() {  # help_of SUB OPTION... : `wardmap SUB --help` prints usage naming the options
    local sub=$1 option
    shift
    wm "$sub" --help
    expect_exit 0
    grep -qi 'usage' log/stdout || fail "'$sub --help' prints no usage on stdout"
    for option in "$@"; do
        grep -qF -- "$option" log/stdout || fail "'$sub --help' does not mention $option"
    done
    expect_no_output
}
case_help_info() { help_of info --json --code-field -s_srs; }
case_help_dissolve() { help_of dissolve --by --plan --overwrite -t_srs --agg --json -q; }
case_help_validate() { help_of validate --plan --balance --max-deviation --json; }
case_help_export() { help_of export --plan --by --layer -t_srs --overwrite; }

case_usage_unknown_subcommand() {
    wm frobnicate
    expect_exit 2
    expect_wardmap_message
    expect_stderr frobnicate
    expect_no_output
}

case_usage_unknown_option() {
    wm info "$TAB2014" --frobnicate
    expect_exit 2
    expect_wardmap_message
    expect_stderr --frobnicate
    expect_no_output
}

case_usage_missing_output() {  # -o is required by dissolve
    wm dissolve "$TAB2014" --plan "$PLAN"
    expect_exit 2
    expect_wardmap_message
    expect_stderr -o
    expect_no_output
}

case_usage_no_subcommand() {
    wm
    expect_exit 2
    expect_wardmap_message
    grep -qi 'usage\|subcommand\|--help' log/stderr || fail "no hint at the usage on stderr"
}

# ======================================================================= bad sources (exit 3)

case_missing_file() {
    wm info in/no-such-wards.gpkg
    expect_error 3 no-such-wards.gpkg
    expect_stderr_i "no such file"
}

case_missing_file_dissolve() {
    wm dissolve in/no-such-wards.gpkg --plan "$PLAN" -o out/d.gpkg
    expect_error 3 no-such-wards.gpkg
}

case_folder_without_boundaries() {
    mkdir in/empty-folder
    echo "not a boundary file" >in/empty-folder/readme.txt
    wm dissolve in/empty-folder --plan "$PLAN" -o out/d.gpkg
    expect_error 3 empty-folder
    expect_stderr_i "boundary"
}

case_raster_pgm() {
    printf 'P5\n2 2\n255\n\001\002\003\004' >in/tiny.pgm
    wm info in/tiny.pgm
    expect_error 3 tiny.pgm
    expect_stderr_i raster
}

case_raster_geotiff() {
    printf 'P5\n2 2\n255\n\001\002\003\004' >in/tiny.pgm
    gdal_translate -q -of GTiff -a_srs EPSG:27700 -a_ullr 530000 180002 530002 180000 in/tiny.pgm in/tiny.tif ||
        fail "gdal_translate could not make the GeoTIFF fixture"
    wm dissolve in/tiny.tif --plan "$PLAN" -o out/d.gpkg
    expect_error 3 tiny.tif
    expect_stderr_i raster
}

case_truncated_geojson() {
    head -c 5000 "$GB_LSOA/england/E06000001.json" >in/E06000001.json
    wm dissolve in/E06000001.json --by LSOA11CD -o out/d.gpkg
    expect_error 3 E06000001.json
}

case_truncated_geojson_in_folder() {  # one bad file among good ones: the bad one is named
    mkdir in/lads
    cp "$GB_LSOA/england/E06000002.json" "$GB_LSOA/england/E06000003.json" in/lads/
    head -c 5000 "$GB_LSOA/england/E06000001.json" >in/lads/E06000001.json
    wm dissolve in/lads --stem-field LAD --parent-field LAD --by LAD -o out/d.gpkg
    expect_error 3 E06000001.json
}

case_empty_feature_collection() {
    printf '{"type": "FeatureCollection", "features": []}\n' >in/nothing.geojson
    wm info in/nothing.geojson
    expect_error 3 nothing.geojson "no features"
}

case_points_only() {
    printf '%s\n' '{"type": "FeatureCollection", "features": [' \
        '{"type": "Feature", "properties": {"code": "P1", "name": "Scotland Yard"}, "geometry": {"type": "Point", "coordinates": [-0.1246, 51.5031]}},' \
        '{"type": "Feature", "properties": {"code": "P2", "name": "Hendon"}, "geometry": {"type": "Point", "coordinates": [-0.2334, 51.5946]}}' \
        ']}' >in/stations.geojson
    wm dissolve in/stations.geojson --by code -o out/d.gpkg
    expect_error 3 stations.geojson polygon
}

case_bng_without_crs() {
    wm info "$BNG_NO_CRS"
    expect_error 3 wards-2018-bng-no-crs.geojson "-s_srs EPSG:27700"
}

case_bng_without_crs_dissolve() {
    wm dissolve "$BNG_NO_CRS" --plan "$PLAN" -o out/d.gpkg
    expect_error 3 wards-2018-bng-no-crs.geojson "-s_srs EPSG:27700"
}

case_bng_with_s_srs() {
    wm info "$BNG_NO_CRS" -s_srs EPSG:27700
    expect_ok
    expect_stdout 657
}

case_bng_with_s_srs_dissolve() {
    wm dissolve "$BNG_NO_CRS" --s_srs EPSG:27700 --plan "$PLAN" -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 code name area_km2
    expect_crs_bng out/d.gpkg
}

# ======================================================================= CRS and fields (exit 3)

case_unknown_t_srs() {
    wm dissolve "$TAB2014" --plan "$PLAN" -t_srs EPSG:999999 -o out/d.gpkg
    expect_error 3 999999
}

case_unknown_s_srs() {
    wm info "$TAB2014" -s_srs NOPE
    expect_error 3 NOPE
}

case_unknown_field_by() {
    wm dissolve "$TAB2014" --by NoSuchField -o out/d.gpkg
    expect_error 3 NoSuchField GSS_Code LB_GSS_Code
}

case_unknown_code_field() {
    wm dissolve "$TAB2014" --code-field Nope --plan "$PLAN" -o out/d.gpkg
    expect_error 3 Nope GSS_Code
}

case_unknown_parent_field() {
    wm validate "$TAB2018" --parent-field LB_GSS_Code
    expect_error 3 LB_GSS_Code LAGSSCODE
}

case_unknown_balance_field() {
    wm validate "$TAB2014" --plan "$PLAN" --balance NoSuchField
    expect_error 3 NoSuchField Hectares
}

# ======================================================================= formats

case_unknown_format() {
    wm export "$TAB2014" --plan "$PLAN" -f XYZ -o out/e.xyz
    [[ $RC == 3 || $RC == 2 ]] || fail "expected exit code 3 (or 2), got $RC"
    expect_wardmap_message
    expect_stderr XYZ GPKG FlatGeobuf GeoJSON
    expect_no_output
}

case_unknown_extension() {  # no -f and an extension that names no format
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/e.xyz
    [[ $RC == 3 || $RC == 2 ]] || fail "expected exit code 3 (or 2), got $RC"
    expect_wardmap_message
    expect_stderr xyz
    expect_no_output
}

# ======================================================================= plan tables

# A plan file as the planner saves it (TOML) is a plan for every command; on another ward set it is
# refused before any work is done.
write_plan_file() {  # write_plan_file FILE [FINGERPRINT]
    cat >"$1" <<EOF
name = "Two wards"
version = 2
[boundaries]
path = "London_Ward.tab"
wards = 654
fingerprint = "${2:-}"
[[command_units]]
code = "W"
name = "West pair"
colour = "#1f78b4"
[assignment]
E05009392 = "W"  # Colville
E05009393 = "W"  # Courtfield
EOF
}
case_plan_file_dissolve() {
    write_plan_file in/two.wardplan
    wm dissolve "$TAB2014" --plan in/two.wardplan -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 1 code name
    local n
    n=$(ogr_sql out/d.gpkg 'SELECT units AS n FROM command_units')
    [[ $n == 2 ]] || fail "the command unit holds $n wards, expected 2"
    expect_either "plan Two wards: 2 units assigned"
    expect_either "652 unassigned"
}
case_plan_file_other_ward_set() {
    write_plan_file in/two.wardplan "fnv1a64:0123456789abcdef"
    wm dissolve "$TAB2014" --plan in/two.wardplan -o out/d.gpkg
    expect_error 3 in/two.wardplan "made on another ward set (654 wards from London_Ward.tab)"
    expect_no_output out/d.gpkg
}
case_plan_file_syntax_error() {
    write_plan_file in/two.wardplan
    sed -i 's/^version = 2/version = = 2/' in/two.wardplan
    wm validate "$TAB2014" --plan in/two.wardplan
    expect_error 3 "in/two.wardplan: line 2"
}

case_plan_missing_file() {
    wm dissolve "$TAB2014" --plan in/no-such-plan.csv -o out/d.gpkg
    expect_error 3 no-such-plan.csv
}

case_plan_unknown_code_dissolve() {  # dissolve goes on but says what did not match
    make_plan in/plan.csv
    echo 'E09999999,XX,Nowhere' >>in/plan.csv
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_ok
    expect_either E09999999
    expect_layer out/d.gpkg units 654
}

case_plan_unknown_code_validate() {
    make_plan in/plan.csv
    echo 'E09999999,XX,Nowhere' >>in/plan.csv
    wm validate "$TAB2014" --plan in/plan.csv
    expect_exit 4
    expect_either E09999999
    expect_either "line 35"
    expect_no_output
}

case_plan_duplicate_row() {  # E09000007 on line 8 and again on line 35
    make_plan in/plan.csv
    echo 'E09000007,CN,Central North' >>in/plan.csv
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv E09000007 35
    grep -qw 8 log/stderr || fail "stderr does not name line 8, the first row of E09000007"
}

case_plan_missing_columns() {
    printf 'area,team,team_name\nE09000002,EA,East\n' >in/plan.csv
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv area team team_name
}

case_plan_semicolons() {
    make_plan in/plan.csv ';'
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 code name
}

case_plan_tabs() {
    make_plan in/plan.tsv $'\t'
    wm dissolve "$TAB2014" --plan in/plan.tsv -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 code name
}

case_plan_not_utf8() {  # a Latin-1 é on line 5
    make_plan in/plan.csv
    sed -i '5s/South East/South \xe9ast/' in/plan.csv
    grep -q $'\xe9' in/plan.csv || fail "fixture: no 0xE9 byte in the plan"
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv UTF-8 "line 5"
}

case_plan_unterminated_quote() {  # line 7 opens a quote that is never closed
    make_plan in/plan.csv
    sed -i '7s/,South$/,"South/' in/plan.csv
    grep -q '^E09000006,SN,"South$' in/plan.csv || fail "fixture: line 7 not as expected"
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv "line 7"
    expect_stderr_i quote
}

case_plan_wrong_field_count() {  # line 10 has four fields where the header has three
    make_plan in/plan.csv
    sed -i '10s/$/,extra/' in/plan.csv
    wm validate "$TAB2014" --plan in/plan.csv
    expect_error 3 plan.csv "line 10"
}

case_plan_header_only() {
    printf 'code,unit_code,unit_name\n' >in/plan.csv
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv
}

case_plan_bad_colour() {
    make_plan in/plan.csv
    sed -i '1s/$/,colour/; 2,$s/$/,#a6cee3/; 4s/#a6cee3$/blue/' in/plan.csv
    wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_error 3 plan.csv "line 4" blue
}

case_plan_fixture_is_valid() {  # the plan the broken variants above start from is itself fine
    make_plan in/plan.csv
    wm validate "$TAB2014" --plan in/plan.csv
    expect_ok
    expect_no_output
}

# ======================================================================= output errors (exit 5)

case_output_exists() {
    printf 'a file that must survive\n' >out/d.gpkg
    cp out/d.gpkg in/original
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg
    expect_exit 5
    expect_wardmap_message
    expect_stderr d.gpkg --overwrite
    cmp -s out/d.gpkg in/original || fail "the existing output was changed"
    [[ $(ls -A out) == d.gpkg ]] || fail "other files left in out/: $(ls -A out | tr '\n' ' ')"
    expect_no_partial
}

case_output_exists_export_shapefile() {  # a sidecar (.dbf) of the output exists already
    printf 'keep me\n' >out/cu.dbf
    cp out/cu.dbf in/original
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/cu.shp
    expect_exit 5
    expect_wardmap_message
    expect_stderr cu.dbf
    cmp -s out/cu.dbf in/original || fail "the existing cu.dbf was changed"
    [[ $(ls -A out) == cu.dbf ]] || fail "files left in out/ besides cu.dbf: $(ls -A out | tr '\n' ' ')"
    expect_no_partial
}

case_output_overwrite() {
    printf 'an old file\n' >out/d.gpkg
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg --overwrite
    expect_ok
    expect_layer out/d.gpkg command_units 12
    [[ $(ls -A out) == d.gpkg ]] || fail "files left in out/ besides d.gpkg: $(ls -A out | tr '\n' ' ')"
}

case_output_folder_missing() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/no-such-folder/d.gpkg
    expect_error 5 no-such-folder
}

case_output_folder_missing_export() {
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/no-such-folder/cu.geojson
    expect_error 5 no-such-folder
}

# ======================================================================= Ctrl-C (exit 130)

# interrupt SECONDS ARGS... : run wardmap, send SIGINT after SECONDS (as Ctrl-C would).
interrupt() {
    local after=$1
    shift
    LAST_CMD="timeout -s INT $after wardmap $(printf '%q ' "$@")"
    timeout --preserve-status -k 30 -s INT "$after" "$WARDMAP" "$@" </dev/null >log/stdout 2>log/stderr
    RC=$?
}

case_ctrl_c_dissolve() {
    interrupt 1 dissolve "$GB_LSOA/england" "$GB_LSOA/wales" --stem-field LAD --parent-field LAD --by LAD \
        -o out/gb.gpkg
    expect_exit 130
    expect_no_output
    expect_stderr_i cancel
}

case_ctrl_c_while_writing() {  # SIGINT once the hidden .OUT.partial-* folder exists: mid-write
    LAST_CMD="wardmap export <GB LSOAs> --by LAD -f GPKG -o out/gb.gpkg, SIGINT once out/.gb.gpkg.partial-* exists"
    local pid waited=0
    set -m  # job control: a background job of a script would otherwise ignore SIGINT
    "$WARDMAP" export "$GB_LSOA/england" "$GB_LSOA/wales" --stem-field LAD --parent-field LAD --by LAD \
        -f GPKG -o out/gb.gpkg </dev/null >log/stdout 2>log/stderr &
    pid=$!
    set +m
    while kill -0 "$pid" 2>/dev/null && ! compgen -G 'out/.gb.gpkg.partial-*' >/dev/null && ((waited < 6000)); do
        sleep 0.05
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null && compgen -G 'out/.gb.gpkg.partial-*' >/dev/null; then
        kill -INT "$pid"
        wait "$pid"
        RC=$?
    else
        wait "$pid"
        RC=$?
        kill -KILL "$pid" 2>/dev/null
        fail "wardmap ended (or took over 300 s) before it began writing: no Ctrl-C could be sent while writing"
        return
    fi
    expect_exit 130
    expect_no_output
    expect_stderr_i cancel
}

# ======================================================================= info

case_info_2014() {
    wm info "$TAB2014"
    expect_ok
    expect_stdout 654 EPSG:27700 Colville
}

case_info_2014_json() {
    wm info "$TAB2014" --json
    expect_ok
    expect_json
    grep -qE '"(units|features|count)"[[:space:]]*:[[:space:]]*654' log/stdout ||
        fail "the JSON has no \"units\": 654"
    grep -qF 'EPSG:27700' log/stdout || fail "the JSON does not say EPSG:27700"
}

case_info_2018() {
    wm info "$TAB2018"
    expect_ok
    expect_stdout 657 EPSG:27700
}

case_info_default_source() {  # no SOURCE: the bundled shapes/london-wards-2014.gpkg
    wm info
    expect_ok
    expect_stdout 654 london-wards-2014
}

case_info_gb_folder() {
    wm info "$GB_LSOA/wales" --stem-field LAD
    expect_ok
    expect_stdout 1909
}

# ======================================================================= dissolve

case_dissolve_2014() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 code name colour phase units parents parent_cds area_km2 perim_km \
        parts holes compact
    expect_crs_bng out/d.gpkg
    expect_layer out/d.gpkg parents 33 code name area_km2
    expect_layer out/d.gpkg units 654 code name parent parent_nm cu_code cu_name phase GSS_Code
    local sum
    sum=$(ogr_sql out/d.gpkg 'SELECT SUM(units) AS n FROM command_units')
    [[ $sum == 629 ]] || fail "command_units hold $sum wards in all, expected 629 (654 less the 25 City wards)"
    sum=$(ogr_sql out/d.gpkg 'SELECT SUM(parents) AS n FROM command_units')
    [[ $sum == 32 ]] || fail "command_units hold $sum boroughs in all, expected 32"
    [[ $(ls -A out) == d.gpkg ]] || fail "files in out/ besides d.gpkg: $(ls -A out | tr '\n' ' ')"
}

case_dissolve_2018() {
    wm dissolve "$TAB2018" --plan "$PLAN" -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 code name area_km2
    expect_layer out/d.gpkg parents 33
    expect_layer out/d.gpkg units 657 GSS_CODE
    local sum
    sum=$(ogr_sql out/d.gpkg 'SELECT SUM(units) AS n FROM command_units')
    [[ $sum == 632 ]] || fail "command_units hold $sum wards in all, expected 632 (657 less the 25 City wards)"
}

case_dissolve_zipped_shapefile() {  # a zip made here by GDAL itself (zip may not be installed)
    ogr2ogr -f "ESRI Shapefile" in/wards.shp.zip "$TAB2018" 2>/dev/null || fail "could not make the zip"
    wm info in/wards.shp.zip
    expect_ok
    expect_stdout vsizip 657
    wm dissolve in/wards.shp.zip --plan "$PLAN" -o out/z.gpkg
    expect_ok
    expect_layer out/z.gpkg command_units 12 code name area_km2
    expect_layer out/z.gpkg units 657
}

case_dissolve_by_borough() {
    wm dissolve "$TAB2014" --by LB_GSS_Code -o out/boroughs.gpkg
    expect_ok
    expect_grouped_layer out/boroughs.gpkg 33 code name area_km2
}

case_dissolve_json() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg --json
    expect_ok
    expect_json
    grep -qF 'AW' log/stdout || fail "the JSON summary does not name the command unit AW"
}

case_dissolve_quiet() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg -q
    expect_ok
    [[ ! -s log/stderr ]] || fail "stderr is not empty with -q"
}

case_dissolve_agg() {
    wm dissolve "$TAB2014" --plan "$PLAN" --agg Hectares=sum --agg Non_Inland_Area=max -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12 Hectares Non_Inland_Area
    local got want
    got=$(ogr_sql out/d.gpkg 'SELECT SUM(Hectares) AS n FROM command_units')
    want=$(ogr_sql "$TAB2014" "SELECT SUM(Hectares) AS n FROM London_Ward WHERE LB_GSS_Code <> 'E09000001'")
    got=${got%%.*} want=${want%%.*}
    [[ $got =~ ^[0-9]+$ && $want =~ ^[0-9]+$ ]] && ((got - want <= 1 && want - got <= 1)) ||
        fail "sum of Hectares over command_units is '$got', expected $want (the wards outside the City)"
    got=$(ogr_sql out/d.gpkg 'SELECT MAX(Non_Inland_Area) AS n FROM command_units')
    want=$(ogr_sql "$TAB2014" "SELECT MAX(Non_Inland_Area) AS n FROM London_Ward WHERE LB_GSS_Code <> 'E09000001'")
    [[ ${got%%.*} == "${want%%.*}" && -n $want ]] || fail "max of Non_Inland_Area over command_units is '$got', expected $want"
}

case_dissolve_t_srs_wgs84() {
    wm dissolve "$TAB2014" --plan "$PLAN" -t_srs EPSG:4326 -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 12
    expect_crs_wgs84 out/d.gpkg
}

# ======================================================================= validate

case_validate_2014() {
    wm validate "$TAB2014"
    expect_ok
    expect_no_output
}

case_validate_defaults() {  # no SOURCE, no plan: bundled 2014 wards and the bundled 12-BCU plan
    wm validate
    expect_ok
}

case_validate_json() {
    wm validate "$TAB2014" --plan "$PLAN" --json
    expect_ok
    expect_json
}

case_validate_moved_ward() {  # Chessington South (Kingston, South West) moved into East
    make_plan in/plan.csv
    echo 'E05000405,EA,East' >>in/plan.csv
    wm validate "$TAB2014" --plan in/plan.csv
    expect_exit 4
    expect_either_re 'not_contiguous|split'
    expect_either E05000405
    expect_no_output
}

case_validate_max_deviation() {  # BCU ward counts differ far more than 1%
    wm validate "$TAB2014" --plan "$PLAN" --max-deviation 1
    expect_exit 4
    expect_either_re 'imbalance|deviation'
}

case_validate_balance() {
    wm validate "$TAB2014" --plan "$PLAN" --balance Hectares --json
    expect_ok
    expect_json
    grep -qE '"Hectares"' log/stdout || fail "the JSON has no balance of Hectares"
    wm validate "$TAB2014" --plan "$PLAN" --balance Hectares --max-deviation 50
    expect_exit 4
    expect_stdout Hectares
}

# ======================================================================= export

case_export_gpkg() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -o out/e.gpkg
    expect_ok
    expect_layer out/e.gpkg command_units 12 code name area_km2
    expect_crs_bng out/e.gpkg
    expect_layer out/e.gpkg parents 33
    expect_layer out/e.gpkg units 654 code cu_code
}

case_export_gpkg_wgs84() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -t_srs EPSG:4326 -o out/e.gpkg
    expect_ok
    expect_layer out/e.gpkg command_units 12 code name area_km2
    expect_crs_wgs84 out/e.gpkg
}

case_export_shapefile() {
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/cu.shp
    expect_ok
    local ext
    for ext in shp shx dbf prj; do
        [[ -f out/cu.$ext ]] || fail "no out/cu.$ext"
    done
    expect_layer out/cu.shp - 12 code name area_km2
    expect_crs_bng out/cu.shp
}

case_export_geojson() {
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson
    expect_ok
    expect_layer out/cu.geojson - 12 code name area_km2
    expect_crs_wgs84 out/cu.geojson
    grep -q '"crs"' out/cu.geojson && fail "RFC 7946 GeoJSON should carry no \"crs\" member"
    return 0
}

case_export_geojson_units() {
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON --layer units -o out/units.geojson
    expect_ok
    expect_layer out/units.geojson - 654 code name parent cu_code cu_name
}

case_export_flatgeobuf() {
    wm export "$TAB2014" --plan "$PLAN" -f FlatGeobuf -o out/cu.fgb
    expect_ok
    expect_layer out/cu.fgb - 12 code name area_km2
    expect_crs_bng out/cu.fgb
}

case_export_kml() {  # KML may hold one layer or all three: command_units is checked
    wm export "$TAB2014" --plan "$PLAN" -f KML -o out/cu.kml
    expect_ok
    [[ -s out/cu.kml ]] || { fail "no out/cu.kml"; return; }
    if ogrinfo -ro -q out/cu.kml 2>/dev/null | grep -q '^[0-9]*: command_units'; then
        expect_layer out/cu.kml command_units 12
    else
        expect_layer out/cu.kml - 12
    fi
    expect_crs_wgs84 out/cu.kml
    grep -q 'South West' out/cu.kml || fail "the KML does not name the command unit South West"
}

case_export_csv() {
    wm export "$TAB2014" --plan "$PLAN" -f CSV -o out/lookup.csv
    expect_ok
    [[ -s out/lookup.csv ]] || { fail "no out/lookup.csv"; return; }
    local header lines kingston row
    header=$(head -n 1 out/lookup.csv | tr -d '\r\357\273\277')
    [[ $header == code,name,parent,parent_nm,cu_code,cu_name,phase* ]] ||
        fail "CSV header is '$header', expected code,name,parent,parent_nm,cu_code,cu_name,phase"
    lines=$(wc -l <out/lookup.csv)
    ((lines == 655)) || fail "CSV has $lines lines, expected 655 (a header and 654 wards)"
    kingston=$(grep '^E09000021,' "$PLAN" | cut -d, -f3)
    row=$(grep '^E05000405,' out/lookup.csv)
    [[ $row == *E09000021* && $row == *",$kingston,"* ]] ||
        fail "Chessington South row is '$row', expected borough E09000021 in command unit $kingston"
    expect_layer out/lookup.csv - 654
}

case_dissolve_format_from_extension() {  # no -f: FlatGeobuf guessed from .fgb
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/cu.fgb
    expect_ok
    ogrinfo -ro -so -al out/cu.fgb 2>/dev/null | grep -q 'using driver .FlatGeobuf' ||
        fail "out/cu.fgb is not FlatGeobuf: $(ogrinfo -ro -so out/cu.fgb 2>&1 | head -n 3 | tr '\n' ' ')"
    expect_layer out/cu.fgb - 12
}

case_export_by_field() {
    wm export "$TAB2018" --by LAGSSCODE -f GeoJSON -o out/boroughs.geojson
    expect_ok
    expect_layer out/boroughs.geojson - 33 code area_km2
}

# ======================================================================= England and Wales (label gb)

case_gb_dissolve_by_lad() {
    wm dissolve "$GB_LSOA/england" "$GB_LSOA/wales" --stem-field LAD --parent-field LAD --by LAD -o out/d.gpkg
    expect_ok
    expect_grouped_layer out/d.gpkg 348 code area_km2
    expect_crs_bng out/d.gpkg
}

case_gb_dissolve_police_force_areas() {
    wm dissolve "$GB_LSOA/england" "$GB_LSOA/wales" --stem-field LAD --parent-field LAD \
        --plan "$GB_LOOKUP" --plan-key LAD17CD --plan-unit PFA17CD --plan-unit-name PFA17NM \
        --code-changes "$GB_CHANGES" -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 43 code name area_km2
    local met
    met=$(ogr_sql out/d.gpkg "SELECT name FROM command_units WHERE code = 'E23000001'")
    [[ $met == Metropolitan* ]] || fail "E23000001 is named '$met', expected Metropolitan Police"
}
