# shellcheck shell=bash
# Outputs (issue #15): a failed write leaves nothing and says so (exit 5), every value lands in its
# own column in every format, a multi-file output is replaced as a whole, and odd targets (a folder,
# a long name, a loop of links, a pipe) get a clear message. Helpers of run_case.sh are used.

# ---------------------------------------------------------------- helpers

# wm_small_disk KB ARGS... : wardmap with files limited to KB kilobytes, as on a full disk: writes
# past the limit fail with EFBIG (SIGXFSZ ignored, as a full disk sends no signal).
wm_small_disk() {
    local kb=$1
    shift
    LAST_CMD="(ulimit -f $kb) wardmap $(printf '%q ' "$@")"
    (
        trap '' XFSZ
        ulimit -f "$kb"
        exec timeout -k 10 "$WM_TIMEOUT" "$WARDMAP" "$@" </dev/null >log/stdout 2>log/stderr
    )
    RC=$?
}

# fields FILE LAYER FIELD... : those fields of every feature, '|'-separated, rows sorted. Fields are
# found by name in any case (KML reads "name" back as Name); reals to 6 decimals.
fields() {
    local file=$1 layer=$2
    shift 2
    local select=()
    [[ $layer != - ]] && select=("$layer")
    ogr2ogr -f CSV /vsistdout/ "$file" "${select[@]}" -lco SEPARATOR=TAB 2>>log/ogr2ogr.err | tr -d '\r' |
        awk -F'\t' -v want="$*" '
            NR == 1 { n = split(want, w, " ")
                      for (i = 1; i <= NF; i++) { h = tolower($i); gsub(/"/, "", h); col[h] = i }
                      for (j = 1; j <= n; j++) if (!(tolower(w[j]) in col)) { print "NO FIELD " w[j]; exit }
                      next }
            { line = ""
              for (j = 1; j <= n; j++) { v = $(col[tolower(w[j])]); gsub(/^"|"$/, "", v)
                                         if (w[j] ~ /_km2$|_km$|^compact$/ && v != "") v = sprintf("%.6f", v)
                                         line = line (j > 1 ? "|" : "") v }
              print line }' | sort
}

# The bundled plan's command units as meant: code|name|colour|phase|borough count|boroughs
# (sorted, comma-joined), sorted by code.
plan_command_units() {
    awk -F, 'NR > 1 && $3 != "-" { name[$3] = $4; colour[$3] = $5; if ($6 != "") phase[$3] = $6; n[$3]++; b[$3] = b[$3] " " $1 }
             END { for (c in name) print c "|" name[c] "|" colour[c] "|" phase[c] "|" n[c] "|" b[c] }' "$PLAN" |
        while IFS='|' read -r code name colour phase count boroughs; do
            printf '%s|%s|%s|%s|%s|%s\n' "$code" "$name" "$colour" "$phase" "$count" \
                "$(tr ' ' '\n' <<<"$boroughs" | grep . | sort | paste -sd,)"
        done | sort
}

# expect_command_units_as_planned FILE LAYER : every field of every command unit read back: the
# plan's own (code, name, colour, phase, boroughs) against the plan, the measures against the
# GeoPackage export (out/reference.gpkg).
expect_command_units_as_planned() {
    local file=$1 layer=$2 got meant
    got=$(fields "$file" "$layer" code name colour phase parents parent_cds |
        while IFS='|' read -r code name colour phase count boroughs; do
            printf '%s|%s|%s|%s|%s|%s\n' "$code" "$name" "$colour" "$phase" "$count" "$(tr ',' '\n' <<<"$boroughs" | sort | paste -sd,)"
        done)
    meant=$(plan_command_units)
    [[ $got == "$meant" ]] || fail "$file $layer: the plan's values read back wrong:$(diff <(echo "$meant") <(echo "$got") | head -n 12 | sed 's/^/\n      /')"
    got=$(fields "$file" "$layer" code units parents area_km2 perim_km parts holes compact)
    meant=$(fields out/reference.gpkg command_units code units parents area_km2 perim_km parts holes compact)
    [[ $got == "$meant" && -n $got ]] || fail "$file $layer: measures differ from the GeoPackage's:$(diff <(echo "$meant") <(echo "$got") | head -n 12 | sed 's/^/\n      /')"
}

# expect_units_as_planned FILE LAYER : each ward's command unit is its borough's in the plan.
expect_units_as_planned() {
    local file=$1 layer=$2 wrong
    wrong=$(fields "$file" "$layer" code parent cu_code cu_name |
        awk -F'\t' -v plan="$PLAN" 'BEGIN { FS = ","; while ((getline line < plan) > 0) { split(line, p, ","); cu[p[1]] = p[3]; cn[p[1]] = p[4] }; FS = "|" }
             { want = cu[$2] == "-" ? "" : cu[$2]; wantn = cu[$2] == "-" ? "" : cn[$2]
               if ($3 != want || $4 != wantn) { print $1 " (" $2 "): " $3 "/" $4 " where the plan says " want "/" wantn; bad++ } }
             END { if (NR < 654) print "only " NR " wards" }' | head -n 5)
    [[ -z $wrong ]] || fail "$file $layer: wards in the wrong command unit: $wrong"
}

export_reference() {
    wm export "$TAB2014" --plan "$PLAN" -f GPKG -o out/reference.gpkg
    expect_ok
}

# ======================================================================= full disk (exit 5)

full_disk_case() {  # FORMAT FILE : a write cut short by a full disk is an error and leaves nothing
    wm_small_disk 24 export "$TAB2014" --plan "$PLAN" -f "$1" -o "out/$2"
    expect_error 5 "$2"
    grep -q '^wrote' log/stdout log/stderr && fail "says 'wrote' after a failed write"
    return 0
}
case_outputs_full_disk_geojson() { full_disk_case GeoJSON cu.geojson; }
case_outputs_full_disk_kml() { full_disk_case KML cu.kml; }
case_outputs_full_disk_gpkg() { full_disk_case GPKG cu.gpkg; }
case_outputs_full_disk_shapefile() { full_disk_case "ESRI Shapefile" cu.shp; }
case_outputs_full_disk_flatgeobuf() { full_disk_case FlatGeobuf cu.fgb; }
case_outputs_full_disk_csv() {
    wm_small_disk 8 export "$TAB2014" --plan "$PLAN" -f CSV -o out/lookup.csv
    expect_error 5 lookup.csv
}

# ======================================================================= every value in its column

case_outputs_values_kml() {  # KML wrote by position: code held the borough, cu_code the phase, ...
    export_reference
    wm export "$TAB2014" --plan "$PLAN" -f KML -o out/e.kml
    expect_ok
    expect_command_units_as_planned out/e.kml command_units
    expect_units_as_planned out/e.kml units
    local doubled
    doubled=$(awk '/<Placemark/ { n = 0 } /<name>/ { n++ } /<\/Placemark>/ && n != 1 { bad++ } END { print bad + 0 }' out/e.kml)
    ((doubled == 0)) || fail "$doubled Placemark(s) with other than one <name>"
}

case_outputs_values_gpkg() {
    export_reference
    expect_command_units_as_planned out/reference.gpkg command_units
    expect_units_as_planned out/reference.gpkg units
}

case_outputs_values_shapefile() {
    export_reference
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/cu.shp
    expect_ok
    expect_command_units_as_planned out/cu.shp -
}

case_outputs_values_geojson() {
    export_reference
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson
    expect_ok
    expect_command_units_as_planned out/cu.geojson -
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON --layer units -o out/units.geojson
    expect_ok
    expect_units_as_planned out/units.geojson -
}

case_outputs_values_flatgeobuf() {
    export_reference
    wm export "$TAB2014" --plan "$PLAN" -f FlatGeobuf -o out/cu.fgb
    expect_ok
    expect_command_units_as_planned out/cu.fgb -
}

case_outputs_values_csv() {
    wm export "$TAB2014" --plan "$PLAN" -f CSV -o out/lookup.csv
    expect_ok
    expect_units_as_planned out/lookup.csv -
}

# ======================================================================= a Shapefile is one set

case_outputs_shapefile_stale_dbf() {  # refused before anything is written, not after the .shp moved
    printf 'keep me\n' >out/cu.dbf
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/cu.shp
    expect_exit 5
    expect_stderr cu.dbf --overwrite
    [[ $(ls -A out) == cu.dbf ]] || fail "files left beside the old cu.dbf: $(ls -A out | tr '\n' ' ')"
}

case_outputs_shapefile_overwrite_whole_set() {  # the old parents set (33) and its indexes all go
    export_reference
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" --layer parents -o out/cu.shp
    expect_ok
    local ext
    for ext in qix sbn sbx; do printf 'an index of the old file\n' >"out/cu.$ext"; done
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/cu.shp --overwrite
    expect_ok
    local left
    left=$(cd out && ls -A cu.* | tr '\n' ' ')
    [[ $left == "cu.cpg cu.dbf cu.prj cu.shp cu.shx " ]] || fail "out/ holds $left, expected the new set cu.cpg/dbf/prj/shp/shx"
    expect_layer out/cu.shp - 12
    expect_command_units_as_planned out/cu.shp -
}

case_outputs_shapefile_folder() {  # -f "ESRI Shapefile" -o FOLDER: one Shapefile per layer
    export_reference
    mkdir out/shapes
    wm export "$TAB2014" --plan "$PLAN" -f "ESRI Shapefile" -o out/shapes
    expect_ok
    expect_layer out/shapes/units.shp - 654
    expect_layer out/shapes/parents.shp - 33
    expect_layer out/shapes/command_units.shp - 12
    expect_command_units_as_planned out/shapes/command_units.shp -
    expect_units_as_planned out/shapes/units.shp -
}

# ======================================================================= partial folders, syncs

case_outputs_dead_partial_removed() {  # a killed run's hidden folder goes; a live run's stays
    local dead
    dead=$(bash -c 'echo $$')  # a pid that has ended
    mkdir -p "out/.cu.geojson.partial-$dead" "out/.cu.geojson.partial-$$"
    printf '{"type": "Feat' >"out/.cu.geojson.partial-$dead/cu.geojson"
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson
    expect_exit 0
    [[ -e out/.cu.geojson.partial-$dead ]] && fail "the partial folder of ended run $dead is still there"
    [[ -d out/.cu.geojson.partial-$$ ]] || fail "the partial folder of a live run ($$) was removed"
    rmdir "out/.cu.geojson.partial-$$"
}

case_outputs_synced_after_rename() {  # the file before its rename, the folder after
    command -v strace >/dev/null || { echo "note: no strace, not checked"; return 0; }
    LAST_CMD="strace -f wardmap export ... -f GeoJSON -o out/cu.geojson"
    # LeakSanitizer cannot run under ptrace (it would abort the traced run of the sanitizer build).
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
        strace -f -qq -e trace=fsync,fdatasync,rename,renameat,renameat2,openat -o log/trace \
        "$WARDMAP" export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson </dev/null >log/stdout 2>log/stderr
    RC=$?
    expect_exit 0
    # The descriptors synced after the last rename into out/ must include the folder out/.
    local after
    after=$(awk '/rename.*"out\/cu\.geojson"/ { seen = 1; next } seen' log/trace)
    grep -qE 'openat\(.*"out",.*O_DIRECTORY' <<<"$after" && grep -q 'fsync(' <<<"$after" ||
        fail "no fsync of the folder out/ after the rename: $(grep -cE 'fsync' log/trace) fsync(s) in all"
    grep -B1000 -E 'rename.*"out/cu\.geojson"' log/trace | grep -q 'fsync(' ||
        fail "the file is not synced before it is renamed into place"
}

# ======================================================================= odd targets

case_outputs_folder_without_format() {
    wm dissolve "$TAB2014" --plan "$PLAN" -o out
    expect_error 3 "is a folder" "ESRI Shapefile"
    grep -q "extension ''" log/stderr && fail "still speaks of an empty extension"
    return 0
}

case_outputs_folder_with_gpkg() {
    wm dissolve "$TAB2014" --plan "$PLAN" -f GPKG -o out/
    expect_error 5 "is a folder"
}

case_outputs_long_name() {  # 250 bytes: the file system's limit is 255, the hidden folder's name longer
    local name
    name=$(printf 'w%.0s' {1..246}).fgb
    wm dissolve "$TAB2014" --plan "$PLAN" -o "out/$name"
    expect_ok
    expect_layer "out/$name" - 12
}

case_outputs_name_too_long() {
    local name
    name=$(printf 'w%.0s' {1..300}).gpkg
    wm dissolve "$TAB2014" --plan "$PLAN" -o "out/$name"
    expect_error 5 "bytes long" "at most 255"
    grep -q 'filesystem error' log/stderr && fail "raw 'filesystem error' text"
    return 0
}

case_outputs_symlink_loop() {
    ln -s loop out/loop
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/loop/cu.gpkg
    expect_exit 5
    expect_wardmap_message
    expect_stderr "loop of symbolic links"
    grep -q 'filesystem error' log/stderr && fail "raw 'filesystem error' text"
    wm dissolve "$TAB2014" --plan "$PLAN" -o out/loop --overwrite -f GPKG
    expect_exit 5
    expect_stderr "loop of symbolic links"
    [[ -L out/loop && $(ls -A out) == loop ]] || fail "out/ changed: $(ls -A out | tr '\n' ' ')"
}

case_outputs_overwrite_pipe() {  # a device or pipe is not replaced by a file
    mkfifo out/cu.geojson
    wm export "$TAB2014" --plan "$PLAN" -f GeoJSON -o out/cu.geojson --overwrite
    expect_exit 5
    expect_wardmap_message
    expect_stderr "not a regular file"
    [[ -p out/cu.geojson ]] || fail "out/cu.geojson is no longer the pipe"
}

# A source field named geom or fid (GeoPackage's own column names) reaches the GeoPackage renamed,
# with its values, rather than failing with SQLite's "duplicate column name".
case_outputs_fields_named_geom_and_fid() {
    ogr2ogr -f GeoJSON -t_srs EPSG:4326 in/clash.geojson "$TAB2014" -nln wards \
        -sql "SELECT GSS_Code, Name, Borough, LB_GSS_Code, Name AS geom, Hectares AS fid FROM London_Ward" 2>log/ogr2ogr.err ||
        fail "ogr2ogr could not make the source: $(cat log/ogr2ogr.err)"
    wm export in/clash.geojson --plan "$PLAN" -f GPKG -o out/clash.gpkg
    expect_ok
    local row
    row=$(fields out/clash.gpkg units code src_geom src_fid | grep '^E05000026|')
    [[ $row == "E05000026|Abbey|"* ]] || fail "E05000026's geom and fid fields did not come through as src_geom, src_fid: '$row'"
    [[ ${row##*|} =~ ^[0-9]+(\.[0-9]+)?$ ]] || fail "src_fid of E05000026 is not Abbey's hectares: '$row'"
}
