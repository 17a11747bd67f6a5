# End-to-end cases: hostile inputs are refused or read in bounded time and memory (issue #15).
# Sourced by run_case.sh; the timings themselves are tools/bench/hostile.sh's business.

# /dev/zero never ends: a plan, a rules file or a plan file named .wardplan must be refused at the
# 64 MiB limit with a message naming it, not read until the memory runs out.
case_hostile_dev_zero_plan() {
    wm validate "$TAB2014" --plan /dev/zero
    expect_error 3 /dev/zero "over 64 MiB" "too big for the table"
}
case_hostile_dev_zero_rules() {
    wm allocate "$TAB2014" --plan "$PLAN" --rules /dev/zero -o out/a.gpkg
    expect_error 3 /dev/zero "over 64 MiB" "too big for the officer rules"
}
case_hostile_dev_zero_wardplan() {
    ln -s /dev/zero in/zero.wardplan
    wm dissolve "$TAB2014" --plan in/zero.wardplan -o out/d.gpkg
    expect_error 3 in/zero.wardplan "over 64 MiB" "too big for the plan file"
}

# 20,000 features, each with a property name of its own: every unit would hold 20,000 values
# (4.2 GB for a 782 KB file). Refused, naming the file and what to do.
case_hostile_property_names() {
    awk 'BEGIN {
        printf "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},\"features\":["
        for (i = 0; i < 20000; ++i)
            printf "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"F%d\",\"p%d\":1},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[530000,180000],[530100,180000],[530100,180100],[530000,180000]]]}}", i ? "," : "", i, i
        printf "]}\n" }' >in/names.geojson
    wm info in/names.geojson --code-field code
    expect_error 3 in/names.geojson "field values, the most wardmap holds" "ogr2ogr -select"
}

# The same through GDAL (features with an "id" are GDAL's to read): more than 10,000 fields are
# refused as soon as the file is opened.
case_hostile_property_names_gdal() {
    awk 'BEGIN {
        printf "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},\"features\":["
        printf "{\"type\":\"Feature\",\"id\":1,\"properties\":{\"code\":\"F1\""
        for (i = 0; i < 10001; ++i) printf ",\"p%d\":1", i
        printf "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[530000,180000],[530100,180000],[530100,180100],[530000,180000]]]}}]}\n" }' >in/names.geojson
    wm info in/names.geojson --code-field code
    expect_error 3 in/names.geojson "more than 10,000 fields" "ogr2ogr -select"
}

# A ring of 2,000,001 points is refused before it is parsed, naming the feature and the limit.
case_hostile_feature_points() {
    awk 'BEGIN { n = 2000000
        printf "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"S1\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
        for (i = 0; i < n; ++i) printf "[%.6f,%.6f],", -0.1 + 0.01 * cos(6.283185307179586 * i / n), 51.5 + 0.01 * sin(6.283185307179586 * i / n)
        printf "[-0.09,51.5]]]}}]}\n" }' >in/ring.geojson
    wm info in/ring.geojson --code-field code
    expect_error 3 "in/ring.geojson: feature 0" "more than 2,000,000 vertices in one feature" "ogr2ogr -simplify"
}

# A plan whose unit code for Colville is written as 800 KB of `" "` (quoted blanks, each followed
# by a blank) and then "W": the code is W. Parsing it was quadratic (111 s); now it is immediate.
# The timeout below only stops a run that hangs; it is 1,000 times what the parse takes.
case_hostile_csv_quoted_blanks() {
    {
        echo 'code,unit_code,unit_name'
        printf 'E05009392,'
        awk 'BEGIN { for (i = 0; i < 200000; ++i) printf "\" \" " }'
        echo '"W",West pair'
        echo 'E05009393,W,West pair'
    } >in/plan.csv
    WM_TIMEOUT=60 wm dissolve "$TAB2014" --plan in/plan.csv -o out/d.gpkg
    expect_ok
    expect_layer out/d.gpkg command_units 1 code name
    local code units
    code=$(ogr_sql out/d.gpkg 'SELECT code FROM command_units')
    units=$(ogr_sql out/d.gpkg 'SELECT units AS n FROM command_units')
    [[ $code == W ]] || fail "the command unit's code is '$code', expected W"
    [[ $units == 2 ]] || fail "the command unit holds $units wards, expected 2"
}
