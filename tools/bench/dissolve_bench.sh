#!/usr/bin/env bash
# Dissolve benchmark: `wardmap dissolve` against the GDAL anchor
#   ogr2ogr -dialect sqlite -sql "SELECT key, ST_Union(geometry) ... GROUP BY key"
# side by side, same run, same input. Run by hand; the figures go into notes (tools/bench/README.md).
# Not a test: it exits 0 whatever the ratios are; 1 when a command failed or the feature counts of
# wardmap and the anchor differ; 2 on bad usage.
#
#   tools/bench/dissolve_bench.sh WARDMAP MEASURE [--repeat N] [--anchor-repeat-gb N]
#                                 [--only london|gb|a|b|c|d] [--skip-ew-anchor] [--rebuild] [--workdir DIR]
#
# Plain bash + coreutils + awk + GDAL's ogr2ogr/ogrinfo (with SpatiaLite, as in Debian's gdal-bin).
set -euo pipefail

usage() {
    cat <<'EOF'
usage: dissolve_bench.sh WARDMAP MEASURE [options]
  WARDMAP                path of the wardmap binary (e.g. build-bench/tools/wardmap)
  MEASURE                path of the measure binary (tools/bench/measure.cpp)
  --repeat N             timed runs per side, the median is reported (default 5)
  --anchor-repeat-gb N   timed runs of the anchor on the LSOA cases (default 1: it takes 20-30 s)
  --only WHAT            london (cases a, b), gb (cases c, d), or one case: a, b, c, d
  --skip-ew-anchor       case d: time wardmap only, do not build the E&W GeoPackage nor run its anchor
  --rebuild              rebuild the cached LSOA GeoPackages
  --workdir DIR          cache and outputs (default ${TMPDIR:-/tmp}/wardmap-bench)
env: WARDMAP_BENCH_DATA  the real data folder (default: <repo>/../shared/data)
EOF
}

die() { echo "dissolve_bench: $*" >&2; exit 2; }
say() { echo "$*" >&2; }

# ---------------------------------------------------------------- arguments
repeat=5
anchor_repeat_gb=1
only=all
skip_ew_anchor=0
rebuild=0
workdir="${TMPDIR:-/tmp}/wardmap-bench"
positional=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --repeat) [[ $# -ge 2 ]] || die "--repeat needs a number"; repeat=$2; shift 2 ;;
        --repeat=*) repeat=${1#*=}; shift ;;
        --anchor-repeat-gb) [[ $# -ge 2 ]] || die "--anchor-repeat-gb needs a number"; anchor_repeat_gb=$2; shift 2 ;;
        --anchor-repeat-gb=*) anchor_repeat_gb=${1#*=}; shift ;;
        --only) [[ $# -ge 2 ]] || die "--only needs london, gb, a, b, c or d"; only=$2; shift 2 ;;
        --only=*) only=${1#*=}; shift ;;
        --skip-ew-anchor) skip_ew_anchor=1; shift ;;
        --rebuild) rebuild=1; shift ;;
        --workdir) [[ $# -ge 2 ]] || die "--workdir needs a folder"; workdir=$2; shift 2 ;;
        --workdir=*) workdir=${1#*=}; shift ;;
        -*) usage >&2; die "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -eq 2 ]] || { usage >&2; die "give the wardmap binary and the measure binary"; }
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "--repeat wants a positive whole number, not '$repeat'"
[[ $anchor_repeat_gb =~ ^[1-9][0-9]*$ ]] || die "--anchor-repeat-gb wants a positive whole number, not '$anchor_repeat_gb'"
case "$only" in all|london|gb|a|b|c|d) ;; *) die "--only wants london, gb, a, b, c or d, not '$only'" ;; esac

absolute() {  # an executable given as a path or a name on PATH -> absolute path
    local p=$1
    if [[ $p != */* ]]; then p=$(command -v -- "$p") || return 1; fi
    [[ -x $p && -f $p ]] || return 1
    (cd "$(dirname -- "$p")" && echo "$PWD/$(basename -- "$p")")
}
wardmap=$(absolute "${positional[0]}") || die "wardmap binary not found or not executable: ${positional[0]}"
measure=$(absolute "${positional[1]}") || die "measure binary not found or not executable: ${positional[1]}"
{ command -v ogr2ogr && command -v ogrinfo; } >/dev/null || die "needs GDAL's ogr2ogr and ogrinfo (apt install gdal-bin)"

repo=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
data=${WARDMAP_BENCH_DATA:-$repo/../shared/data}
[[ -d $data ]] || die "no data folder $data (set WARDMAP_BENCH_DATA)"
data=$(cd "$data" && pwd)
london_tab=$data/london/wards-2014-mapinfo/London_Ward.tab
lsoa_england=$data/gb/lsoa-2011-by-lad/england
lsoa_wales=$data/gb/lsoa-2011-by-lad/wales
plan_csv=$repo/datasets/plans/mps-12-bcu-2018.csv

wants() {  # wants CASE: is this case selected by --only?
    case "$only" in
        all) return 0 ;;
        london) [[ $1 == a || $1 == b ]] ;;
        gb) [[ $1 == c || $1 == d ]] ;;
        *) [[ $1 == "$only" ]] ;;
    esac
}
if wants a || wants b; then [[ -f $london_tab ]] || die "missing $london_tab"; fi
if wants b; then [[ -f $plan_csv ]] || die "missing $plan_csv"; fi
if wants c || wants d; then [[ -d $lsoa_england ]] || die "missing $lsoa_england"; fi
if wants d; then [[ -d $lsoa_wales ]] || die "missing $lsoa_wales"; fi

mkdir -p "$workdir/out"
workdir=$(cd "$workdir" && pwd)
out=$workdir/out
failed=0
notes=()

# ---------------------------------------------------------------- helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }

# timed LABEL OUTFILE N CMD...: runs CMD N times under measure, removing OUTFILE before each run (untimed).
# Sets T_WALL (median seconds), T_RSS_MB (largest max RSS of the N runs, MiB), T_OK (1/0).
timed() {
    local label=$1 outfile=$2 n=$3; shift 3
    local walls=() rss=() line wall kb code i
    T_OK=1
    for ((i = 1; i <= n; i++)); do
        rm -f -- "$outfile"
        line=$("$measure" -- "$@" | tail -n 1) || true
        if [[ ! $line =~ ^wall_s=([0-9.]+)\ maxrss_kb=([0-9]+)\ exit=([0-9]+)$ ]]; then
            say "  measure printed '$line' for: $*"; T_OK=0; break
        fi
        wall=${BASH_REMATCH[1]} kb=${BASH_REMATCH[2]} code=${BASH_REMATCH[3]}
        if [[ $code != 0 ]]; then
            say "  FAILED (exit $code): $*"
            say "  see why with: $measure --verbose -- $*"
            T_OK=0; break
        fi
        walls+=("$wall"); rss+=("$kb")
        say "    $label run $i/$n: ${wall} s, $((kb / 1024)) MB"
    done
    if [[ $T_OK == 1 ]]; then
        T_WALL=$(printf '%s\n' "${walls[@]}" | median)
        T_RSS_MB=$(printf '%s\n' "${rss[@]}" | maximum | awk '{ printf "%.0f", $1 / 1024 }')
    else
        T_WALL=fail T_RSS_MB=-
        failed=1
    fi
}

# layer_stats FILE LAYER -> "features area_m2 parts" (area in m² of EPSG:27700: lon/lat layers are projected first)
layer_stats() {
    local file=$1 layer=$2 geom
    [[ -f $file ]] || { echo "- - -"; return; }
    geom=$(ogrinfo -so "$file" "$layer" 2>/dev/null | sed -n 's/^Geometry Column = //p' | head -n 1)
    [[ -n $geom ]] || { echo "- - -"; return; }
    ogrinfo -q -dialect sqlite -sql "SELECT COUNT(*) AS n, SUM(CASE WHEN ST_SRID(\"$geom\") = 4326 THEN ST_Area(ST_Transform(\"$geom\", 27700)) ELSE ST_Area(\"$geom\") END) AS area, SUM(ST_NumGeometries(\"$geom\")) AS parts FROM \"$layer\"" "$file" 2>/dev/null |
        awk -F' = ' '/^  n \(/ { n = $2 } /^  area \(/ { a = $2 } /^  parts \(/ { p = $2 } END { if (n == "") print "- - -"; else printf "%s %.1f %s\n", n, a, p }'
}

# inputs_stamp FILE...: changes when any input file changes (name, size, mtime)
inputs_stamp() { stat -c '%n %s %Y' -- "$@" | cksum | cut -d' ' -f1; }

warm_cache() { cat -- "$@" >/dev/null 2>&1 || true; }  # page cache: every side reads warm files

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e "s/'/\&apos;/g" -e 's/"/\&quot;/g' <<<"$1"; }

# lsoa_vrt FOLDER: an OGR VRT union layer "lsoa" of every *.json of FOLDER with a column lad = file stem
lsoa_vrt() {
    local folder=$1 f stem
    echo '<OGRVRTDataSource><OGRVRTUnionLayer name="lsoa">'
    for f in "$folder"/*.json; do
        stem=$(basename -- "$f" .json)
        [[ $stem =~ ^[A-Za-z0-9_]+$ ]] || { say "skipping $f: unexpected file name"; continue; }
        printf '<OGRVRTLayer name="%s"><SrcDataSource>%s</SrcDataSource><SrcSQL dialect="sqlite">SELECT *, %s AS lad FROM "%s"</SrcSQL></OGRVRTLayer>\n' \
            "$stem" "$(xml_escape "$f")" "&apos;$stem&apos;" "$stem"
    done
    echo '</OGRVRTUnionLayer></OGRVRTDataSource>'
}

# build_lsoa_gpkg TARGET FOLDER...: one GeoPackage, layer lsoa (geometry column geom, lon/lat as the
# sources), all LSOAs of the folders plus lad = file stem. Cached: rebuilt only when the inputs change.
build_lsoa_gpkg() {
    local target=$1; shift
    local files=() folder stamp tmp
    for folder in "$@"; do files+=("$folder"/*.json); done
    stamp=$(inputs_stamp "${files[@]}")
    if [[ $rebuild == 0 && -f $target && -f $target.stamp && $(cat "$target.stamp") == "$stamp" ]]; then
        say "  reusing $target"
        return
    fi
    say "  building $target from ${#files[@]} files (untimed, once; a few minutes)"
    tmp=$target.partial.gpkg
    rm -f -- "$tmp" "$target" "$target.stamp"
    local first=1 vrt
    for folder in "$@"; do
        vrt=$workdir/$(basename -- "$folder").vrt
        lsoa_vrt "$folder" >"$vrt"
        if [[ $first == 1 ]]; then
            ogr2ogr -f GPKG "$tmp" "$vrt" lsoa -nln lsoa -nlt MULTIPOLYGON -lco GEOMETRY_NAME=geom 2>"$workdir/build.log" ||
                { cat "$workdir/build.log" >&2; die "could not build $target"; }
            first=0
        else
            ogr2ogr -update -append -f GPKG "$tmp" "$vrt" lsoa -nln lsoa -nlt MULTIPOLYGON 2>"$workdir/build.log" ||
                { cat "$workdir/build.log" >&2; die "could not build $target"; }
        fi
    done
    mv -- "$tmp" "$target"
    echo "$stamp" >"$target.stamp"
}

# ---------------------------------------------------------------- results
rows=()    # case|what|anchor s|wardmap s|anchor MB|wardmap MB|min ratio
checks=()  # case|anchor features|wardmap features|anchor km²|wardmap km²|anchor parts|wardmap parts
record() {  # record CASE WHAT MIN_RATIO ANCHOR_WALL ANCHOR_MB WM_WALL WM_MB ANCHOR_OUT ANCHOR_LAYER WM_OUT WM_LAYER
    local id=$1 what=$2 min=$3 aw=$4 am=$5 ww=$6 wm=$7 aout=$8 alayer=$9 wout=${10} wlayer=${11}
    rows+=("$id|$what|$aw|$ww|$am|$wm|$min")
    local as ws
    as=$(layer_stats "$aout" "$alayer")
    ws=$(layer_stats "$wout" "$wlayer")
    checks+=("$id|$as|$ws")
}

# ---------------------------------------------------------------- wardmap's --layer
# Both sides write only the dissolved layer (wardmap's is command_units, for --by and --plan alike).
layer_by=(--layer command_units)
layer_plan=(--layer command_units)

# ---------------------------------------------------------------- header
load=$(uptime | sed 's/.*load average: //')
say "wardmap dissolve benchmark: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cpu(s), load $load"
say "  wardmap $("$wardmap" --version 2>/dev/null || echo '?') ($wardmap)"
say "  $(ogr2ogr --version)"
say "  repeat $repeat (median), LSOA anchor repeat $anchor_repeat_gb; work folder $workdir"

# ---------------------------------------------------------------- a. London wards -> 33 boroughs
if wants a; then
    say "a. London 2014 wards -> boroughs ($london_tab)"
    warm_cache "${london_tab%.tab}".*
    timed anchor "$out/a-anchor.gpkg" "$repeat" ogr2ogr -f GPKG "$out/a-anchor.gpkg" "$london_tab" -dialect sqlite \
        -sql "SELECT LB_GSS_Code, ST_Union(geometry) AS geometry FROM London_Ward GROUP BY LB_GSS_Code" -nln boroughs
    aw=$T_WALL am=$T_RSS_MB
    timed wardmap "$out/a-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$london_tab" --by LB_GSS_Code -o "$out/a-wardmap.gpkg" "${layer_by[@]}" -q --overwrite
    record a "London wards -> 33 boroughs (.tab)" 3 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$out/a-anchor.gpkg" boroughs "$out/a-wardmap.gpkg" command_units
fi

# ---------------------------------------------------------------- b. London wards -> 12 BCUs
if wants b; then
    say "b. London 2014 wards -> 12 BCUs ($plan_csv)"
    bcu_gpkg=$workdir/wards_bcu.gpkg
    say "  building $bcu_gpkg: wards + plan column bcu (untimed; City left out as the plan says)"
    rm -f -- "$bcu_gpkg"
    plan_layer=$(basename -- "$plan_csv" .csv)
    ogr2ogr -f GPKG "$bcu_gpkg" "$london_tab" -dialect sqlite -nln wards -lco GEOMETRY_NAME=geom \
        -sql "SELECT w.*, p.unit_code AS bcu FROM London_Ward w JOIN \"$plan_csv\".\"$plan_layer\" p ON w.LB_GSS_Code = p.code WHERE p.unit_code <> '-' AND p.unit_code <> ''" \
        2>"$workdir/build.log" || { cat "$workdir/build.log" >&2; die "could not build $bcu_gpkg"; }
    warm_cache "$bcu_gpkg" "${london_tab%.tab}".*
    timed anchor "$out/b-anchor.gpkg" "$repeat" ogr2ogr -f GPKG "$out/b-anchor.gpkg" "$bcu_gpkg" -dialect sqlite \
        -sql "SELECT bcu, ST_Union(geom) AS geometry FROM wards GROUP BY bcu" -nln bcus
    aw=$T_WALL am=$T_RSS_MB
    timed wardmap "$out/b-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$bcu_gpkg" --by bcu -o "$out/b-wardmap.gpkg" "${layer_by[@]}" -q --overwrite
    record b "London wards -> 12 BCUs (wards_bcu.gpkg, --by bcu)" 3 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$out/b-anchor.gpkg" bcus "$out/b-wardmap.gpkg" command_units
    say "b+ wardmap only: the plan itself on the .tab (--plan), against the anchor of b"
    timed wardmap "$out/b-plan-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$london_tab" --plan "$plan_csv" -o "$out/b-plan-wardmap.gpkg" "${layer_plan[@]}" -q --overwrite
    record b+ "London wards -> 12 BCUs (.tab, --plan) vs b anchor" 3 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$out/b-anchor.gpkg" bcus "$out/b-plan-wardmap.gpkg" command_units
fi

# ---------------------------------------------------------------- c. England LSOAs -> 326 districts
if wants c || wants d; then
    england_gpkg=$workdir/lsoa_england.gpkg
fi
if wants c; then
    say "c. England LSOAs -> districts"
    build_lsoa_gpkg "$england_gpkg" "$lsoa_england"
    warm_cache "$england_gpkg" "$lsoa_england"/*.json
    timed anchor "$out/c-anchor.gpkg" "$anchor_repeat_gb" ogr2ogr -f GPKG "$out/c-anchor.gpkg" "$england_gpkg" -dialect sqlite \
        -sql "SELECT lad, ST_Union(geom) AS geometry FROM lsoa GROUP BY lad" -nln districts
    aw=$T_WALL am=$T_RSS_MB
    timed wardmap "$out/c-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$england_gpkg" --by lad -o "$out/c-wardmap.gpkg" "${layer_by[@]}" -q --overwrite
    record c "England LSOAs -> 326 districts (lsoa_england.gpkg)" 20 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$out/c-anchor.gpkg" districts "$out/c-wardmap.gpkg" command_units
    say "c+ wardmap only: the folder of GeoJSON, against the anchor of c"
    timed wardmap "$out/c-folder-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$lsoa_england" --stem-field lad --parent-field lad --by lad \
        -o "$out/c-folder-wardmap.gpkg" "${layer_by[@]}" -q --overwrite
    record c+ "England LSOAs -> 326 districts (folder of GeoJSON) vs c anchor" 20 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$out/c-anchor.gpkg" districts "$out/c-folder-wardmap.gpkg" command_units
fi

# ---------------------------------------------------------------- d. England + Wales LSOAs -> 348 districts
if wants d; then
    say "d. England + Wales LSOAs -> districts"
    aw=- am=- aout=-
    if [[ $skip_ew_anchor == 0 ]]; then
        ew_gpkg=$workdir/lsoa_england_wales.gpkg
        build_lsoa_gpkg "$ew_gpkg" "$lsoa_england" "$lsoa_wales"
        warm_cache "$ew_gpkg"
        timed anchor "$out/d-anchor.gpkg" "$anchor_repeat_gb" ogr2ogr -f GPKG "$out/d-anchor.gpkg" "$ew_gpkg" -dialect sqlite \
            -sql "SELECT lad, ST_Union(geom) AS geometry FROM lsoa GROUP BY lad" -nln districts
        aw=$T_WALL am=$T_RSS_MB aout=$out/d-anchor.gpkg
    fi
    warm_cache "$lsoa_england"/*.json "$lsoa_wales"/*.json
    timed wardmap "$out/d-folder-wardmap.gpkg" "$repeat" "$wardmap" dissolve "$lsoa_england" "$lsoa_wales" --stem-field lad --parent-field lad --by lad \
        -o "$out/d-folder-wardmap.gpkg" "${layer_by[@]}" -q --overwrite
    record d "E&W LSOAs -> 348 districts (2 folders of GeoJSON)" 20 "$aw" "$am" "$T_WALL" "$T_RSS_MB" "$aout" districts "$out/d-folder-wardmap.gpkg" command_units
fi

# ---------------------------------------------------------------- report
[[ ${#rows[@]} -gt 0 ]] || { say "no case selected"; exit 0; }
load_after=$(uptime | sed 's/.*load average: //')
echo
echo "wardmap dissolve benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), load before $load, after $load_after"
echo "wardmap $("$wardmap" --version 2>/dev/null || echo '?'), $(ogr2ogr --version | cut -d, -f1); median of $repeat runs (LSOA anchor: $anchor_repeat_gb); maxRSS = largest of the runs"
echo
printf '| %-4s | %-64s | %8s | %9s | %7s | %10s | %10s | %-28s | %-16s |\n' case what "anchor s" "wardmap s" ratio "anchor MB" "wardmap MB" target result
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------ "$(printf -- '-%.0s' {1..66})" ---------- ----------- --------- ------------ ------------ ------------------------------ ------------------
for row in "${rows[@]}"; do
    IFS='|' read -r id what aw ww am wm min <<<"$row"
    ratio=- result=
    if [[ $ww == fail || $aw == fail ]]; then
        result=FAIL
    else
        if [[ $aw != - ]]; then
            ratio=$(awk -v a="$aw" -v w="$ww" 'BEGIN { if (w > 0) printf "%.1fx", a / w; else print "inf" }')
            awk -v a="$aw" -v w="$ww" -v m="$min" 'BEGIN { exit !(w > 0 && a / w >= m) }' || result="ratio"
        fi
        awk -v m="$wm" 'BEGIN { exit !(m < 1024) }' || result="${result:+$result+}rss"
        if [[ -n $result ]]; then result="MISS ($result)"
        elif [[ $aw == - ]]; then result="PASS (rss only)"
        else result=PASS
        fi
    fi
    printf '| %-4s | %-64s | %8s | %9s | %7s | %10s | %10s | %-28s | %-16s |\n' \
        "$id" "$what" "$aw" "$ww" "$ratio" "$am" "$wm" ">= ${min}x, wardmap < 1024 MB" "$result"
done
echo
echo "Outputs (features and summed area in EPSG:27700, km2; parts = polygons in all multipolygons):"
printf '| %-4s | %15s | %16s | %-6s | %16s | %16s | %10s | %12s | %13s |\n' case "anchor features" "wardmap features" count "anchor km2" "wardmap km2" "area diff" "anchor parts" "wardmap parts"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------ ----------------- ------------------ -------- ------------------ ------------------ ------------ -------------- ---------------
for check in "${checks[@]}"; do
    IFS='|' read -r id aset wset <<<"$check"
    read -r an aa ap <<<"$aset"
    read -r wn wa wp <<<"$wset"
    count=-
    if [[ $an != - && $wn != - ]]; then
        if [[ $an == "$wn" ]]; then count=same; else count=DIFF; failed=1; fi
    fi
    akm=- wkm=- diff=-
    [[ $aa != - ]] && akm=$(awk -v a="$aa" 'BEGIN { printf "%.3f", a / 1e6 }')
    [[ $wa != - ]] && wkm=$(awk -v a="$wa" 'BEGIN { printf "%.3f", a / 1e6 }')
    [[ $aa != - && $wa != - ]] && diff=$(awk -v a="$aa" -v w="$wa" 'BEGIN { if (a == 0) print "-"; else printf "%+.1e", (w - a) / a }')
    printf '| %-4s | %15s | %16s | %-6s | %16s | %16s | %10s | %12s | %13s |\n' "$id" "$an" "$wn" "$count" "$akm" "$wkm" "$diff" "$ap" "$wp"
done
for note in ${notes[@]+"${notes[@]}"}; do echo "note: $note"; done
echo "outputs kept in $out"
exit "$failed"
