#!/usr/bin/env bash
# Briefing-map benchmark: `wardmap render` of the London 12-BCU map (A4, 300 dpi PNG, and PDF)
# against the anchor
#   mapshaper wards -join plan -style ... -dissolve ... -o format=svg  then  rsvg-convert to PNG
# at the same pixel size, side by side in the same run from the same wards and plan. Run by hand;
# the figures go into tools/bench/README.md. Not a test: exits 0 whatever the ratios; 1 when a
# command failed or a PNG has the wrong size; 2 on bad usage.
#
#   tools/bench/briefing_bench.sh WARDMAP MEASURE [--repeat N] [--workdir DIR]
#
# mapshaper is installed with npm into WORKDIR/npm on the first run (never into the repository);
# rsvg-convert comes from Debian's librsvg2-bin, ogr2ogr from gdal-bin.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: briefing_bench.sh WARDMAP MEASURE [--repeat N] [--workdir DIR]
  WARDMAP        path of the wardmap binary (e.g. build-bench/tools/wardmap)
  MEASURE        path of the measure binary (tools/bench/measure.cpp)
  --repeat N     timed runs per side, the median is reported (default 5)
  --workdir DIR  npm cache, inputs and outputs (default ${TMPDIR:-/tmp}/wardmap-briefing-bench)
env: WARDMAP_BENCH_DATA  the real data folder (default: <repo>/../shared/data)
EOF
}
die() { echo "briefing_bench: $*" >&2; exit 2; }
say() { echo "$*" >&2; }

repeat=5
workdir="${TMPDIR:-/tmp}/wardmap-briefing-bench"
positional=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --repeat) [[ $# -ge 2 ]] || die "--repeat needs a number"; repeat=$2; shift 2 ;;
        --workdir) [[ $# -ge 2 ]] || die "--workdir needs a folder"; workdir=$2; shift 2 ;;
        -*) usage >&2; die "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -eq 2 ]] || { usage >&2; die "give the wardmap binary and the measure binary"; }
[[ $repeat =~ ^[1-9][0-9]*$ ]] || die "--repeat wants a positive whole number, not '$repeat'"
wardmap=$(realpath -- "${positional[0]}") && [[ -x $wardmap ]] || die "wardmap binary not found: ${positional[0]}"
measure=$(realpath -- "${positional[1]}") && [[ -x $measure ]] || die "measure binary not found: ${positional[1]}"
for tool in ogr2ogr rsvg-convert npm node; do
    command -v "$tool" >/dev/null || die "needs $tool (apt install gdal-bin librsvg2-bin npm)"
done

repo=$(cd "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
data=${WARDMAP_BENCH_DATA:-$repo/../shared/data}
tab=$data/london/wards-2014-mapinfo/London_Ward.tab
plan=$repo/datasets/plans/mps-12-bcu-2018.csv
[[ -f $tab ]] || die "no $tab (set WARDMAP_BENCH_DATA)"
mkdir -p "$workdir/npm" "$workdir/out"
workdir=$(cd "$workdir" && pwd)

# ---------------------------------------------------------------- untimed preparation
mapshaper=$workdir/npm/node_modules/.bin/mapshaper
if [[ ! -x $mapshaper ]]; then
    say "installing mapshaper into $workdir/npm (first run only)"
    npm install --prefix "$workdir/npm" --no-audit --no-fund mapshaper >"$workdir/npm-install.log" 2>&1 ||
        { echo "npm install mapshaper failed: see $workdir/npm-install.log" >&2; exit 1; }
fi
# mapshaper reads no MapInfo: the anchor gets the same wards as a Shapefile (its fastest input).
if [[ ! -f $workdir/wards.shp ]]; then
    ogr2ogr -q -f "ESRI Shapefile" "$workdir/wards.shp" "$tab" 2>/dev/null
fi
cat "$tab" "${tab%.tab}".* "$workdir"/wards.* "$plan" >/dev/null  # warm page cache for both sides

# ---------------------------------------------------------------- timed commands
ours_png=("$wardmap" render "$tab" --plan "$plan" -o "$workdir/out/ours.png" --dpi 300 -q --overwrite)
ours_pdf=("$wardmap" render "$tab" --plan "$plan" -o "$workdir/out/ours.pdf" -q --overwrite)
# The same layers as ours: ward fills by BCU colour with hairlines, borough lines, bold BCU lines
# and BCU labels. Shapefile field names are cut to 10 characters (LB_GSS_Cod).
anchor_svg=("$mapshaper" -i "$workdir/wards.shp" name=wards
    -join "$plan" keys=LB_GSS_Cod,code string-fields=code,unit_code,colour,phase
    -style fill=colour stroke='#999999' stroke-width=0.2
    -dissolve LB_GSS_Cod + name=boroughs
    -style target=boroughs fill=none stroke='#444444' stroke-width=0.6
    -dissolve unit_code target=wards + name=bcu copy-fields=unit_name
    -style target=bcu fill=none stroke='#000000' stroke-width=1.5
    -points target=bcu inner + name=labels
    -style target=labels label-text=unit_name font-size=9 font-weight=bold
    -o target=wards,boroughs,bcu,labels format=svg width=2480 "$workdir/out/anchor.svg")
anchor_png=(rsvg-convert -a -w 2480 --page-width 2480px --page-height 3508px --top 400px -b white
    -o "$workdir/out/anchor.png" "$workdir/out/anchor.svg")

# run NAME CMD... : one measured run; prints "wall maxrss" or fails the bench.
run() {
    local line
    line=$("$measure" -- "$@") || { echo "FAILED: $*" >&2; exit 1; }
    awk '{ split($1, w, "="); split($2, m, "="); print w[2], m[2] }' <<<"$line"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A walls rss
for ((i = 1; i <= repeat; ++i)); do
    say "run $i of $repeat"
    rm -f "$workdir"/out/*
    read -r w m < <(run "${ours_png[@]}"); walls[png]+="$w "; rss[png]=$m
    read -r w m < <(run "${ours_pdf[@]}"); walls[pdf]+="$w "; rss[pdf]=$m
    read -r w1 m1 < <(run "${anchor_svg[@]}")
    read -r w2 m2 < <(run "${anchor_png[@]}")
    walls[anchor]+="$(awk -v a="$w1" -v b="$w2" 'BEGIN { print a + b }') "
    rss[anchor]=$((m1 > m2 ? m1 : m2))
done

png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print ($1*16777216 + $2*65536 + $3*256 + $4) "x" ($5*16777216 + $6*65536 + $7*256 + $8) }'; }
status=0
for png in ours anchor; do
    size=$(png_size "$workdir/out/$png.png")
    [[ $size == 2480x3508 ]] || { echo "$png.png is $size, not 2480x3508" >&2; status=1; }
done

med() { tr ' ' '\n' <<<"${walls[$1]}" | grep . | median; }
anchor=$(med anchor); png=$(med png); pdf=$(med pdf)
echo "London 12-BCU briefing map, A4, $repeat run(s) each, median wall time (peak RSS)"
printf '  %-44s %7.3f s  (%d MB)\n' "wardmap render -> PNG 2480x3508 (300 dpi)" "$png" $((rss[png] / 1024))
printf '  %-44s %7.3f s  (%d MB)\n' "wardmap render -> PDF" "$pdf" $((rss[pdf] / 1024))
printf '  %-44s %7.3f s  (%d MB)\n' "mapshaper $("$mapshaper" -v 2>&1 | head -1) -> SVG + rsvg-convert -> PNG" "$anchor" $((rss[anchor] / 1024))
awk -v a="$anchor" -v p="$png" -v d="$pdf" 'BEGIN { printf "  anchor / wardmap: PNG %.2fx, PDF %.2fx (above 1: wardmap faster)\n", a / p, a / d }'
echo "  outputs in $workdir/out"
exit $status
