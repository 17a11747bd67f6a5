#!/usr/bin/env bash
# Hostile-input benchmark: wardmap on inputs made to exhaust time or memory (issue #15).
# Each case's input is made here, in a temporary folder; wardmap runs once on each under
# /usr/bin/time, and a table says the exit code, the wall time and the peak memory (max RSS) of
# each, PASS when under both limits (10 s, 1 GB) and FAIL otherwise. Whether wardmap accepts or
# refuses the input is not judged here (the CLI tests, tests/cli/cases_hostile.sh, do that): only
# that it answers in bounded time and memory. Run by hand; the figures go into tools/bench/README.md.
#
#   tools/bench/hostile.sh WARDMAP [--only CASE[,CASE...]] [--keep] [--workdir DIR]
#
# bash, coreutils, awk and GNU time (Debian package `time`). Exit code: 0 when every case passes,
# 1 when one fails, 2 on bad usage.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: hostile.sh WARDMAP [options]
  WARDMAP          path of the wardmap binary (e.g. build/tools/wardmap)
  --only CASES     comma-separated case names (default: all; --list shows them)
  --list           print the case names and exit
  --keep           keep the inputs and logs (in --workdir) instead of removing them
  --workdir DIR    where the inputs are made (default: a new folder under ${TMPDIR:-/tmp})
EOF
}

die() { echo "hostile: $*" >&2; exit 2; }
say() { echo "$*" >&2; }

limit_seconds=10
limit_mb=1024
cases=(strip_100k ring_1m ring_10m props_20k_features props_20k_one_feature plan_dev_zero rules_dev_zero
       wardplan_dev_zero csv_quoted_blanks csv_empty_cells csv_wide_header toml_many_keys huge_coordinates deep_json
       features_200k)

only=""
keep=0
workdir=""
positional=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        -h|--help) usage; exit 0 ;;
        --list) printf '%s\n' "${cases[@]}"; exit 0 ;;
        --only) [[ $# -ge 2 ]] || die "--only needs case names"; only=$2; shift 2 ;;
        --only=*) only=${1#*=}; shift ;;
        --keep) keep=1; shift ;;
        --workdir) [[ $# -ge 2 ]] || die "--workdir needs a folder"; workdir=$2; shift 2 ;;
        --workdir=*) workdir=${1#*=}; shift ;;
        -*) usage >&2; die "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done
[[ ${#positional[@]} -eq 1 ]] || { usage >&2; die "give the wardmap binary"; }
wardmap=$(realpath -- "${positional[0]}")
[[ -x $wardmap ]] || die "not an executable: ${positional[0]}"
[[ -x /usr/bin/time ]] || die "GNU time is needed: apt-get install time"
if [[ -n $only ]]; then
    IFS=, read -r -a wanted <<<"$only"
    for name in "${wanted[@]}"; do
        [[ " ${cases[*]} " == *" $name "* ]] || die "no case '$name' (--list shows them)"
    done
    cases=("${wanted[@]}")
fi
if [[ -z $workdir ]]; then
    workdir=$(mktemp -d "${TMPDIR:-/tmp}/wardmap-hostile.XXXXXX")
    ((keep)) || trap 'rm -rf -- "$workdir"' EXIT
else
    mkdir -p "$workdir"
fi
cd "$workdir"

# ---------------------------------------------------------------- inputs

# One polygon feature (code S1) in British National Grid, its ring from awk on stdin: "x y" lines.
polygon_geojson() {  # polygon_geojson < points > file
    awk 'BEGIN { printf "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},"
                 printf "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"S1\",\"name\":\"hostile\"},"
                 printf "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" }
         { printf "%s[%s,%s]", (NR > 1 ? "," : ""), $1, $2 }
         END { printf "]]}}]}\n" }'
}

# A strip 5 m wide and 10 km long, running north (across a sweep in x), N vertices, closed.
strip_points() {  # strip_points N
    awk -v n="$1" 'BEGIN { half = int(n / 2) - 1
        for (i = 0; i <= half; ++i) printf "%.3f %.3f\n", 530000, 170000 + 10000 * i / half
        for (i = half; i >= 0; --i) printf "%.3f %.3f\n", 530005, 170000 + 10000 * i / half
        printf "%.3f %.3f\n", 530000, 170000 }'
}

# A circle of radius 5 km, N vertices, closed.
ring_points() {  # ring_points N
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; ++i) printf "%.3f %.3f\n", 530000 + 5000 * cos(6.283185307179586 * i / n), 180000 + 5000 * sin(6.283185307179586 * i / n)
        printf "%.3f %.3f\n", 535000, 180000 }'
}

# N small squares (features), each with its own code, and with a property of its own when
# `own_property` is 1 (N property names in all).
features_geojson() {  # features_geojson N own_property > file
    awk -v n="$1" -v own="$2" 'BEGIN {
        printf "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},\"features\":["
        for (i = 0; i < n; ++i) {
            x = 500000 + (i % 1000) * 10; y = 170000 + int(i / 1000) * 10
            printf "%s{\"type\":\"Feature\",\"properties\":{\"code\":\"F%d\"", i ? "," : "", i
            if (own) printf ",\"p%d\":1", i
            printf "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%d,%d],[%d,%d],[%d,%d],[%d,%d],[%d,%d]]]}}", x, y, x + 10, y, x + 10, y + 10, x, y + 10, x, y
        }
        printf "]}\n" }'
}

# One square whose feature has N properties.
one_feature_geojson() {  # one_feature_geojson N > file
    awk -v n="$1" 'BEGIN {
        printf "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:27700\"}},\"features\":["
        printf "{\"type\":\"Feature\",\"properties\":{\"code\":\"F1\""
        for (i = 0; i < n; ++i) printf ",\"property_%d\":%d", i, i
        printf "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[530000,180000],[530010,180000],[530010,180010],[530000,180010],[530000,180000]]]}}]}\n" }'
}

make_input() {  # make_input CASE: the input files of a case, in $workdir
    case "$1" in
        strip_100k) [[ -s strip_100k.geojson ]] || strip_points 100000 | polygon_geojson >strip_100k.geojson ;;
        ring_1m) [[ -s ring_1m.geojson ]] || ring_points 1000000 | polygon_geojson >ring_1m.geojson ;;
        ring_10m) [[ -s ring_10m.geojson ]] || ring_points 10000000 | polygon_geojson >ring_10m.geojson ;;
        props_20k_features) [[ -s props_20k_features.geojson ]] || features_geojson 20000 1 >props_20k_features.geojson ;;
        props_20k_one_feature) [[ -s props_20k_one_feature.geojson ]] || one_feature_geojson 20000 >props_20k_one_feature.geojson ;;
        wardplan_dev_zero) ln -sf /dev/zero zero.wardplan ;;
        csv_quoted_blanks)  # the unit code of the first ward: 800 KB of `" " ` then "CE"
            { echo 'code,unit_code,unit_name'
              printf 'E05000026,'; awk 'BEGIN { for (i = 0; i < 200000; ++i) printf "\" \" " }'; echo '"CE",Central East'; } >quoted_blanks.csv ;;
        csv_empty_cells)  # 60 MB of rows of two empty fields: under the size limit, many cells
            { echo 'code,unit_code'; awk 'BEGIN { for (i = 0; i < 30000000; ++i) print "," }'; } >empty_cells.csv ;;
        csv_wide_header)  # a header of 60 million empty column names
            { head -c 60000000 /dev/zero | tr '\0' ','; echo; echo 'E05000026,CE'; } >wide_header.csv ;;
        toml_many_keys)  # 60 MB of officer rules, one key a line
            awk 'BEGIN { for (i = 0; i < 4000000; ++i) printf "k%d = %d\n", i, i }' >many_keys.toml ;;
        huge_coordinates)
            printf '%s\n' '1e300 1e300' '2e300 1e300' '2e300 2e300' '1e300 2e300' '1e300 1e300' | polygon_geojson >huge.geojson ;;
        deep_json)  # properties nested 1,000,000 deep
            { printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":'
              head -c 1000000 /dev/zero | tr '\0' '['; head -c 1000000 /dev/zero | tr '\0' ']'
              printf '},"geometry":null}]}\n'; } >deep.geojson ;;
        features_200k) [[ -s features_200k.geojson ]] || features_geojson 200000 0 >features_200k.geojson ;;
    esac
}

command_of() {  # command_of CASE: the wardmap arguments of a case
    case "$1" in
        strip_100k | ring_1m | ring_10m) echo "info $1.geojson --code-field code" ;;
        props_20k_features | props_20k_one_feature | features_200k) echo "info $1.geojson --code-field code" ;;
        plan_dev_zero) echo "validate --plan /dev/zero" ;;
        rules_dev_zero) echo "allocate --rules /dev/zero -o out.gpkg --overwrite" ;;
        wardplan_dev_zero) echo "validate --plan zero.wardplan" ;;
        csv_quoted_blanks) echo "validate --plan quoted_blanks.csv" ;;
        csv_empty_cells) echo "validate --plan empty_cells.csv" ;;
        csv_wide_header) echo "validate --plan wide_header.csv" ;;
        toml_many_keys) echo "allocate --rules many_keys.toml -o out.gpkg --overwrite" ;;
        huge_coordinates) echo "info huge.geojson --code-field code" ;;
        deep_json) echo "info deep.geojson --code-field code" ;;
    esac
}

# ---------------------------------------------------------------- run

failures=0
printf '%-24s %5s %9s %9s  %s\n' case exit seconds "peak MB" verdict
for name in "${cases[@]}"; do
    say "hostile: making $name"
    make_input "$name"
    read -r -a args <<<"$(command_of "$name")"
    say "hostile: wardmap ${args[*]}"
    set +e
    /usr/bin/time -f '%e %M' -o "$name.time" "$wardmap" "${args[@]}" -q </dev/null >"$name.stdout" 2>"$name.stderr"
    code=$?
    set -e
    read -r seconds peak_kb <"$name.time" || { seconds=0; peak_kb=0; }
    # GNU time writes "Command exited with non-zero status N" first when the command fails.
    if grep -q '^Command' "$name.time"; then read -r seconds peak_kb < <(tail -n 1 "$name.time"); fi
    peak_mb=$(awk -v kb="$peak_kb" 'BEGIN { printf "%.0f", kb / 1024 }')
    verdict=PASS
    if awk -v s="$seconds" -v mb="$peak_mb" -v ls="$limit_seconds" -v lm="$limit_mb" 'BEGIN { exit !(s > ls || mb > lm) }'; then
        verdict=FAIL
        failures=$((failures + 1))
    fi
    if ((code > 128)); then verdict="$verdict (killed by signal $((code - 128)))"; fi
    printf '%-24s %5s %9s %9s  %s\n' "$name" "$code" "$seconds" "$peak_mb" "$verdict"
    say "  $(head -n 2 "$name.stderr" | tr '\n' ' ' | cut -c 1-200)"
done
((keep)) && say "hostile: inputs and logs kept in $workdir"
((failures == 0))
