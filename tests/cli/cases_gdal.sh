# shellcheck shell=bash
# GDAL's habits (issue #19): the spellings a GIS user types (-overwrite, -lco, -dsco, -nln, -where,
# -sql, --config KEY VALUE, -q) do what they do in ogr2ogr, any other one-dash word is refused,
# a Shapefile that renames a field says so, --json is values with a schema_version (and an error
# object when it fails), GeoJSON numbers are rounded. Every output is read back.

# json_value KEY : the first "KEY": value of the pretty-printed JSON on stdout (no jq, no python).
json_value() {
    sed -n "s/^ *\"$1\": \"\{0,1\}\([^\",]*\)\"\{0,1\},\{0,1\}\$/\1/p" log/stdout | head -n 1
}

# put_aside : earlier outputs out of out/, which the error checks that follow expect empty.
put_aside() {
    mkdir -p kept
    mv out/* kept/ 2>/dev/null
    true
}

# cu_area FILE CODE : area_km2 of one command unit, to 6 decimals.
cu_area() {
    ogr_sql "$1" "SELECT area_km2 FROM command_units WHERE code = '$2'" | xargs printf '%.6f'
}

case_gdal_overwrite_one_dash() {  # was read as -o verwrite: a file called verwrite, exit 0
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg
    expect_ok
    wm dissolve "$TAB2014" --by LB_GSS_Code -o out/d.gpkg
    expect_exit 5  # kept without -overwrite
    expect_stderr --overwrite
    wm dissolve "$TAB2014" --by LB_GSS_Code -o out/d.gpkg -overwrite
    expect_ok
    [[ ! -e verwrite && ! -e out/verwrite ]] || fail "-overwrite wrote a file called verwrite"
    [[ -z $(find "$WORK" -mindepth 1 -name 'verwrite*') ]] || fail "a file named after -overwrite: $(find "$WORK" -mindepth 1 -name 'verwrite*')"
    expect_grouped_layer out/d.gpkg 33  # replaced: 33 boroughs, not the 12 BCUs
    local got want
    got=$(ogr_sql out/d.gpkg "SELECT units FROM command_units WHERE code = 'E09000002'")
    want=$(ogr_sql "$TAB2014" "SELECT COUNT(*) AS n FROM London_Ward WHERE LB_GSS_Code = 'E09000002'")
    [[ -n $got && $got == "$want" ]] || fail "Barking and Dagenham has $got wards in the replaced file, the source $want"
}

case_gdal_unknown_one_dash_refused() {
    wm dissolve "$TAB2014" --plan "$PLAN" -out out/d.gpkg
    expect_error 2 "-out is not an option" "--out" "-overwrite"
    [[ ! -e ut && -z $(ls -A out) ]] || fail "-out was read as -o ut"
    wm export "$TAB2014" -f GPKG -o out/d.gpkg -skipfailures
    expect_error 2 "-skipfailures is not an option" "--skipfailures"
    wm dissolve "$TAB2014" --plan "$PLAN" --snap -inf -o out/d.gpkg  # a value, judged by its option
    expect_error 2 "--snap" "-inf"
    grep -q "is not an option" log/stderr && fail "-inf was taken for an option"
}

case_gdal_nln() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units -nln bcus -o out/b.gpkg
    expect_ok
    expect_layer out/b.gpkg bcus 12 code name area_km2
    ogrinfo -ro -q out/b.gpkg | grep -q command_units && fail "the layer was written as command_units too"
    local got
    got=$(ogr_sql out/b.gpkg "SELECT name FROM bcus WHERE code = 'CN'")
    [[ $got == "Central North" ]] || fail "bcus: CN is named '$got'"
    expect_stdout "bcus 12"
    put_aside
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -nln bcus -o out/c.gpkg  # three layers, one name
    expect_error 3 "-nln bcus" "--layer command_units -nln bcus"
}

case_gdal_lco_dsco() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units -lco SPATIAL_INDEX=NO -lco FID=cu_id -dsco VERSION=1.2 -o out/b.gpkg
    expect_ok
    local got
    got=$(ogr_sql out/b.gpkg "SELECT COUNT(*) AS n FROM sqlite_master WHERE name LIKE 'rtree_%'")
    [[ $got == 0 ]] || fail "-lco SPATIAL_INDEX=NO: $got rtree table(s) in the GeoPackage"
    ogrinfo -ro -so out/b.gpkg command_units >log/ogrinfo 2>&1
    grep -q '^FID Column = cu_id' log/ogrinfo || fail "-lco FID=cu_id: $(grep '^FID Column' log/ogrinfo)"
    got=$(ogr_sql out/b.gpkg "PRAGMA user_version")
    [[ $got == 10200 ]] || fail "-dsco VERSION=1.2: user_version is '$got', expected 10200"
    [[ $(cu_area out/b.gpkg CN) == 36.6* ]] || fail "CN's area reads $(cu_area out/b.gpkg CN)"
    # Without them, the defaults: a spatial index.
    wm export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units -o out/c.gpkg
    got=$(ogr_sql out/c.gpkg "SELECT COUNT(*) AS n FROM sqlite_master WHERE name LIKE 'rtree_%'")
    ((got > 0)) || fail "no spatial index by default"
    put_aside
    # An option the driver does not have is refused with its list, not warned about and lost.
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -lco SPATIAL_INDX=NO -o out/d.gpkg
    expect_error 3 "-lco SPATIAL_INDX=NO" "GPKG driver has no option SPATIAL_INDX" "SPATIAL_INDEX"
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -dsco NOTHING -o out/d.gpkg
    expect_error 3 "-dsco NOTHING" "NAME=VALUE"
}

case_gdal_where() {
    wm dissolve "$TAB2014" --plan "$PLAN" -where "LB_GSS_Code = 'E09000002' OR LB_GSS_Code = 'E09000016'" -o out/d.gpkg
    expect_ok
    local want
    want=$(ogr_sql "$TAB2014" "SELECT COUNT(*) AS n FROM London_Ward WHERE LB_GSS_Code IN ('E09000002', 'E09000016')")
    expect_layer out/d.gpkg units "$want"
    expect_layer out/d.gpkg parents 2
    expect_layer out/d.gpkg command_units 1  # Barking and Havering are both in East
    [[ $(ogr_sql out/d.gpkg "SELECT code FROM command_units") == EA ]] || fail "the one command unit is not EA"
    # The same through --where, and the area is the two boroughs'.
    wm dissolve "$TAB2014" --plan "$PLAN" --where "LB_GSS_Code IN ('E09000002', 'E09000016')" -o out/e.gpkg
    expect_ok
    [[ $(cu_area out/d.gpkg EA) == "$(cu_area out/e.gpkg EA)" ]] || fail "-where and --where differ"
    put_aside
    wm dissolve "$TAB2014" --plan "$PLAN" -where "LB_GSS_Code = 'nowhere'" -o out/f.gpkg
    expect_error 3 "-where LB_GSS_Code = 'nowhere'" "no feature is kept"
    wm dissolve "$TAB2014" --plan "$PLAN" -where "no_such_field = 1" -o out/f.gpkg
    expect_error 3 "-where no_such_field = 1"
}

case_gdal_sql() {
    wm dissolve "$TAB2014" --by Borough -sql "SELECT * FROM London_Ward WHERE Borough = 'Camden'" -o out/d.gpkg
    expect_ok
    local want
    want=$(ogr_sql "$TAB2014" "SELECT COUNT(*) AS n FROM London_Ward WHERE Borough = 'Camden'")
    expect_layer out/d.gpkg units "$want"
    expect_grouped_layer out/d.gpkg 1
    [[ $(ogr_sql out/d.gpkg "SELECT units FROM command_units") == "$want" ]] || fail "the Camden group does not hold its $want wards"
    put_aside
    wm info "$TAB2014" -sql "SELECT * FROM no_such_layer"
    expect_error 3 "-sql SELECT * FROM no_such_layer"
}

case_gdal_config() {
    # OGR_CURRENT_DATE is what the GeoPackage driver stamps in gpkg_contents: a visible effect.
    wm export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units --config OGR_CURRENT_DATE 2001-02-03T04:05:06Z -o out/a.gpkg
    expect_ok
    [[ $(ogr_sql out/a.gpkg "SELECT last_change FROM gpkg_contents") == 2001?02?03?04:05:06* ]] ||
        fail "--config KEY VALUE: last_change is $(ogr_sql out/a.gpkg "SELECT last_change FROM gpkg_contents")"
    wm --config OGR_CURRENT_DATE=2002-02-03T04:05:06Z export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units -o out/b.gpkg
    expect_ok
    [[ $(ogr_sql out/b.gpkg "SELECT last_change FROM gpkg_contents") == 2002?02?03?04:05:06* ]] ||
        fail "--config KEY=VALUE before the command: last_change is $(ogr_sql out/b.gpkg "SELECT last_change FROM gpkg_contents")"
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -o out/c.gpkg --config OGR_CURRENT_DATE
    expect_exit 2
    [[ ! -e out/c.gpkg ]] || fail "written after a --config without a value"
}

case_gdal_quiet() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg -q
    expect_ok
    [[ ! -s log/stdout ]] || fail "-q: stdout holds $(wc -l <log/stdout) line(s)"
    expect_layer out/d.gpkg command_units 12
    wm validate "$TAB2014" --plan "$PLAN" -q
    expect_ok
    [[ ! -s log/stdout ]] || fail "validate -q: stdout holds $(wc -l <log/stdout) line(s)"
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/e.gpkg -q --json  # asked for: JSON still comes
    expect_ok
    expect_json
}

case_gdal_shapefile_laundering_said() {
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" --layer units -o out/u.shp
    expect_ok
    expect_stderr "Non_Inland_Area is Non_Inland in units" "Global_Polygon_ID is Global_Pol in units"
    expect_layer out/u.shp - 654 Non_Inland
    local got want
    got=$(ogr_sql out/u.shp "SELECT SUM(Non_Inland) AS s FROM u")
    want=$(ogr_sql "$TAB2014" "SELECT SUM(Non_Inland_Area) AS s FROM London_Ward")
    [[ -n $want && $(printf '%.3f' "$got") == $(printf '%.3f' "$want") ]] || fail "Non_Inland sums to $got, the source's Non_Inland_Area to $want"
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" --layer units -o out/v.shp --json
    expect_ok
    grep -A3 '"from": "Non_Inland_Area"' log/stdout | grep -q '"to": "Non_Inland"' || fail "--json does not list Non_Inland_Area -> Non_Inland under renamed"
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -o out/w.gpkg  # a GeoPackage renames nothing
    expect_ok
    grep -q 'renamed' log/stderr && fail "a GeoPackage said it renamed fields"
}

case_gdal_json_values() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/d.gpkg --json
    expect_ok
    expect_json
    [[ $(json_value schema_version) == 1 ]] || fail "schema_version is '$(json_value schema_version)'"
    [[ $(tr -d ' \n' <log/stdout | head -c 20) == '{"schema_version":1,' ]] || fail "schema_version is not the first key"
    [[ $(json_value path) == out/d.gpkg ]] || fail "output.path is '$(json_value path)'"
    [[ $(json_value format) == GPKG ]] || fail "output.format is '$(json_value format)'"
    [[ $(json_value crs) == EPSG:27700 ]] || fail "output.crs is '$(json_value crs)', not EPSG:27700"
    tr -d ' \n' <log/stdout | grep -qF '"layers":[{"features":654,"name":"units"},{"features":33,"name":"parents"},{"features":12,"name":"command_units"}]' ||
        fail "output.layers are not units 654, parents 33, command_units 12"
    grep -q '"output": "wrote' log/stdout && fail "the output is a sentence"
    local layers
    layers=$(ogrinfo -ro -q out/d.gpkg | grep -c '^[0-9]*: ')
    ((layers >= 3)) || fail "the GeoPackage has $layers layers"
    wm info "$TAB2014" --json
    [[ $(json_value schema_version) == 1 ]] || fail "info: schema_version is '$(json_value schema_version)'"
}

case_gdal_json_error_object() {
    wm dissolve in/no-such-wards.gpkg -o out/d.gpkg --json
    expect_exit 3
    expect_wardmap_message
    expect_no_output
    expect_json
    [[ $(json_value schema_version) == 1 ]] || fail "schema_version is '$(json_value schema_version)'"
    [[ $(json_value exit_code) == 3 ]] || fail "error.exit_code is '$(json_value exit_code)'"
    [[ $(json_value kind) == bad_input ]] || fail "error.kind is '$(json_value kind)'"
    [[ $(json_value file) == in/no-such-wards.gpkg ]] || fail "error.file is '$(json_value file)'"
    grep -q '"message": ".*no-such-wards.gpkg' log/stdout || fail "error.message does not name the file"
    wm dissolve --plan "$PLAN" -o out/d.gpkg --json --frobnicate  # a usage error too
    expect_exit 2
    expect_json
    [[ $(json_value exit_code) == 2 && $(json_value kind) == usage ]] || fail "usage error: exit_code $(json_value exit_code), kind $(json_value kind)"
    wm dissolve in/no-such-wards.gpkg -o out/d.gpkg  # without --json: nothing on stdout
    expect_error 3 no-such-wards.gpkg
}

case_gdal_geojson_rounded() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG --layer command_units -o out/cu.gpkg
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson
    expect_ok
    # Properties only (coordinates are RFC 7946's 7 decimals): no number with 11 or more decimals.
    local long
    long=$(grep -o '"properties": {[^}]*}' out/cu.geojson | grep -oE '[0-9]+\.[0-9]{11,}' | head -n 3 | tr '\n' ' ')
    [[ -z $long ]] || fail "GeoJSON properties with noise digits: $long"
    grep -o '"area_km2": [0-9.]*' out/cu.geojson | grep -qE '"area_km2": [0-9]+\.[0-9]{1,6}$' || fail "area_km2 not to 6 decimals: $(grep -o '"area_km2": [0-9.]*' out/cu.geojson | head -n 2)"
    local coordinate
    coordinate=$(grep -oE '\[ -?[0-9]+\.[0-9]+, [0-9]+\.[0-9]+ \]' out/cu.geojson | head -n 1)
    [[ $coordinate =~ \.[0-9]{4,7},\ [0-9]+\.[0-9]{4,7}\ \] ]] || fail "coordinates not to RFC 7946's 7 decimals: $coordinate"
    # The same values as the GeoPackage's full doubles, to the metre square.
    local code got want
    for code in CE CN EA SW; do
        got=$(grep -o "\"code\": \"$code\"[^}]*\"area_km2\": [0-9.]*" out/cu.geojson | sed 's/.*"area_km2": //')
        want=$(cu_area out/cu.gpkg "$code")
        [[ -n $got && $(printf '%.6f' "$got") == "$want" ]] || fail "$code: area_km2 $got in GeoJSON, $want in GPKG"
    done
}

case_gdal_where_folder() {  # a file of a folder may keep nothing; all of them nothing is an error
    mkdir in/lads
    cp "$GB_LSOA/england/E06000001.json" "$GB_LSOA/england/E06000002.json" in/lads/
    wm dissolve in/lads --by LSOA11CD -where "LSOA11CD IN ('E01011949', 'E01011950')" -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg units 2
    [[ $(ogr_sql out/d.gpkg "SELECT COUNT(*) AS n FROM units WHERE code IN ('E01011949', 'E01011950')") == 2 ]] ||
        fail "the two LSOAs kept are not E01011949 and E01011950"
    put_aside
    wm dissolve in/lads --by LSOA11CD -where "LSOA11CD = 'none'" -o out/e.gpkg
    expect_error 3 "E06000001.json and 1 more file(s)" "-where LSOA11CD = 'none'" "no feature is kept"
}
