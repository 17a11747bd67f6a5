#!/usr/bin/env bash
# End-to-end test driver of the wardmap command line: runs ONE case of cases*.sh.
#
#   bash run_case.sh CASE WARDMAP SHARED_DATA REPO_ROOT
#   bash run_case.sh --list                       # the names of all cases
#
# Each case runs in a fresh temporary folder (removed afterwards) laid out as
#   in/   inputs the case makes at run time (broken files, plans, ...)
#   out/  where the case asks wardmap to write
#   log/  stdout and stderr of the last wardmap run
# Needs bash, coreutils and gdal-bin (ogrinfo, gdal_translate); no python, no jq.
# CLI_VERBOSE=1 in the environment shows every wardmap run and its stderr.
# Exit status: 0 pass, 1 fail, 77 skipped (the shared data folder is absent).
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# cases.sh holds the helpers (run_wardmap, expect_*) and the core cases; cases_*.sh add an area each.
# shellcheck source=cases.sh
source "$HERE/cases.sh"
for cases_file in "$HERE"/cases_*.sh; do
    [[ -e $cases_file ]] && source "$cases_file"
done

if [[ ${1:-} == --list ]]; then
    declare -F | sed -n 's/^declare -f case_//p'
    exit 0
fi
if (($# != 4)); then
    echo "usage: run_case.sh CASE WARDMAP SHARED_DATA REPO_ROOT  (or --list)" >&2
    exit 2
fi
CASE=$1
WARDMAP=$(realpath -- "$2")
DATA=$3
REPO=$(realpath -- "$4")

if ! declare -F "case_$CASE" >/dev/null; then
    echo "FAIL: no case named '$CASE' in $HERE/cases*.sh" >&2
    exit 1
fi
if [[ ! -x $WARDMAP ]]; then
    echo "FAIL: wardmap binary not found or not executable: $WARDMAP" >&2
    exit 1
fi
if [[ ! -d $DATA ]]; then
    echo "SKIP: shared data folder not found: $DATA" >&2
    exit 77
fi
DATA=$(realpath -- "$DATA")
for tool in ogrinfo gdal_translate timeout cmp; do
    if ! command -v "$tool" >/dev/null; then
        echo "FAIL: '$tool' is needed by the CLI tests (apt-get install gdal-bin coreutils)" >&2
        exit 1
    fi
done

# Real data used by the cases.
TAB2014=$DATA/london/wards-2014-mapinfo/London_Ward.tab
TAB2018=$DATA/london/wards-2018-mapinfo/London_Ward.tab
BNG_NO_CRS=$DATA/london/wards-2018-bng-no-crs.geojson
GB_LSOA=$DATA/gb/lsoa-2011-by-lad
GB_LOOKUP=$DATA/gb/lad17-csp17-pfa17-lookup.csv
GB_CHANGES=$DATA/gb/lad-code-changes-2011-2013.csv
PLAN=$REPO/datasets/plans/mps-12-bcu-2018.csv

WORK=$(mktemp -d "${TMPDIR:-/tmp}/wardmap-cli-$CASE.XXXXXX") || exit 1
trap 'rm -rf -- "$WORK"' EXIT
cd "$WORK" || exit 1
mkdir in out log

FAILURES=0
RC=
LAST_CMD=
WM_TIMEOUT=${WM_TIMEOUT:-600}

# ---------------------------------------------------------------- helpers

show_last() {
    echo "    command: $LAST_CMD"
    echo "    exit:    $RC"
    if [[ -s log/stderr ]]; then
        echo "    stderr:"
        head -n 25 log/stderr | sed 's/^/      | /'
    else
        echo "    stderr:  (empty)"
    fi
    if [[ -s log/stdout ]]; then
        echo "    stdout (first lines):"
        head -n 10 log/stdout | sed 's/^/      | /'
    fi
}

fail() {
    FAILURES=$((FAILURES + 1))
    echo "FAIL [$CASE]: $*"
    show_last
}

# wm ARGS... : run wardmap with stdout/stderr captured in log/, exit code in RC.
wm() {
    LAST_CMD="wardmap${*:+ $(printf '%q ' "$@")}"
    LAST_CMD=${LAST_CMD% }
    timeout -k 10 "$WM_TIMEOUT" "$WARDMAP" "$@" </dev/null >log/stdout 2>log/stderr
    RC=$?
    if ((RC == 124)); then echo "note: wardmap was stopped after ${WM_TIMEOUT}s" >>log/stderr; fi
    if [[ -n ${CLI_VERBOSE:-} ]]; then  # CLI_VERBOSE=1: show every run, passing or not
        echo "\$ $LAST_CMD   -> exit $RC"
        sed 's/^/  stderr| /' log/stderr
    fi
}

expect_exit() {
    [[ $RC == "$1" ]] || fail "expected exit code $1, got $RC"
}

# expect_stderr PHRASE... : each phrase occurs (fixed string, case-sensitive) in stderr.
expect_stderr() {
    local phrase
    for phrase in "$@"; do
        grep -qF -- "$phrase" log/stderr || fail "stderr does not mention '$phrase'"
    done
}
expect_stderr_i() {
    local phrase
    for phrase in "$@"; do
        grep -qiF -- "$phrase" log/stderr || fail "stderr does not mention '$phrase' (any case)"
    done
}
expect_stdout() {
    local phrase
    for phrase in "$@"; do
        grep -qF -- "$phrase" log/stdout || fail "stdout does not mention '$phrase'"
    done
}
# expect_either PHRASE : the phrase is on stdout or stderr (reports may go to either).
expect_either() {
    cat log/stdout log/stderr | grep -qF -- "$1" || fail "neither stdout nor stderr mentions '$1'"
}
expect_either_re() {
    cat log/stdout log/stderr | grep -qE -- "$1" || fail "neither stdout nor stderr matches /$1/"
}

# The contract: errors are one message on stderr starting "wardmap: ".
expect_wardmap_message() {
    grep -q '^wardmap: ' log/stderr || fail "stderr has no message starting 'wardmap: '"
}

# Nothing written: out/ empty and no hidden .*.partial-* folder anywhere.
expect_no_output() {
    local left
    left=$(ls -A out)
    [[ -z $left ]] || fail "output left behind in out/: $(echo $left)"
    expect_no_partial
}
expect_no_partial() {
    local partial
    partial=$(find "$WORK" -name '.*.partial-*' 2>/dev/null)
    [[ -z $partial ]] || fail "partial output left behind: ${partial//$WORK\//}"
}

# expect_error CODE PHRASE... : a failed run: exit code, 'wardmap: ' message naming the
# phrases, nothing on stdout, nothing written.
expect_error() {
    local code=$1
    shift
    expect_exit "$code"
    expect_wardmap_message
    expect_stderr "$@"
    [[ ! -s log/stdout ]] || fail "stdout is not empty after a failure"
    expect_no_output
}

# expect_ok : a successful run: exit 0, no partial folder, and no raw GDAL/PROJ noise
# ("ERROR 1: ...", "Warning 1: ...") on stderr, which the CLI should turn into its own words.
expect_ok() {
    expect_exit 0
    expect_no_partial
    if grep -qE '^(ERROR|Warning) [0-9]+:' log/stderr; then
        fail "raw GDAL messages on stderr of a successful run: $(grep -cE '^(ERROR|Warning) [0-9]+:' log/stderr) line(s)"
    fi
}

# expect_json : stdout is one JSON object (first non-blank char '{', last '}').
expect_json() {
    local first last
    first=$(tr -d ' \t\r\n' <log/stdout | head -c 1)
    last=$(tr -d ' \t\r\n' <log/stdout | tail -c 1)
    [[ $first == '{' && $last == '}' ]] || fail "stdout is not a JSON object (starts '$first', ends '$last')"
}

# expect_layer FILE LAYER COUNT [FIELD...] : the layer exists, has COUNT features and the fields.
# LAYER "-" means the file's only layer, whatever its name (single-layer formats).
expect_layer() {
    local file=$1 layer=$2 count=$3 field got names
    shift 3
    [[ -e $file ]] || { fail "no output file $file"; return; }
    if [[ $layer == - ]]; then
        ogrinfo -ro -so -al "$file" >log/ogrinfo 2>log/ogrinfo.err
        names=$(sed -n 's/^Layer name: //p' log/ogrinfo)
        if [[ $(grep -c '^Layer name: ' log/ogrinfo) != 1 ]]; then
            fail "$file: expected one layer, ogrinfo finds: $(echo $names) $(head -c 200 log/ogrinfo.err)"
            return
        fi
        layer=$names
    else
        ogrinfo -ro -so "$file" "$layer" >log/ogrinfo 2>log/ogrinfo.err
        if ! grep -q "^Layer name: $layer\$" log/ogrinfo; then
            ogrinfo -ro -q "$file" >log/ogrinfo.layers 2>&1
            fail "$file has no layer '$layer' (ogrinfo lists: $(tr '\n' ' ' <log/ogrinfo.layers | head -c 300))"
            return
        fi
    fi
    got=$(sed -n 's/^Feature Count: //p' log/ogrinfo)
    [[ $got == "$count" ]] || fail "$file layer $layer: expected $count features, ogrinfo says '$got'"
    for field in "$@"; do
        grep -qE "^$field: " log/ogrinfo || fail "$file layer $layer: no field '$field' (fields: $(sed -n '/^Data axis\|^Geometry Column\|^FID Column/,$p' log/ogrinfo | grep -E '^[A-Za-z_][A-Za-z0-9_]*: [A-Za-z]' | grep -vE '^(Geometry Column|FID Column|Data axis)' | cut -d: -f1 | tr '\n' ' '))"
    done
}

# expect_grouped_layer FILE COUNT [FIELD...] : the layer of a --by dissolve. The contract names the
# layers units, parents, command_units whatever the grouping; a CLI that calls it something else
# fails, and the count is still checked on the layer it did write so that the report says both.
expect_grouped_layer() {
    local file=$1 other
    if ogrinfo -ro -q "$file" 2>/dev/null | grep -q '^[0-9]*: command_units\b'; then
        expect_layer "$file" command_units "${@:2}"
        return
    fi
    other=$(ogrinfo -ro -q "$file" 2>/dev/null | sed -n 's/^[0-9]*: \([^ ]*\).*/\1/p' | grep -vx 'units\|parents' | head -n 1)
    fail "$file has no layer command_units (the contract's name for the grouped layer); it has '$other'"
    [[ -n $other ]] && expect_layer "$file" "$other" "${@:2}"
}

# expect_crs_bng / expect_crs_wgs84 : judged on the log/ogrinfo of the last expect_layer.
expect_crs_bng() {
    grep -q "^Layer name: " log/ogrinfo || return 0  # no layer: already reported
    grep -qE 'British National Grid|ID\["EPSG",27700\]' log/ogrinfo ||
        fail "$1: CRS is not British National Grid (EPSG:27700): $(grep -m1 -E '^(PROJCRS|GEOGCRS)' log/ogrinfo)"
}
expect_crs_wgs84() {
    grep -q "^Layer name: " log/ogrinfo || return 0  # no layer: already reported
    grep -qE '^GEOGCRS\["WGS 84"' log/ogrinfo && ! grep -q 'British National Grid' log/ogrinfo ||
        fail "$1: CRS is not WGS 84 lon/lat: $(grep -m1 -E '^(PROJCRS|GEOGCRS)' log/ogrinfo)"
}

# ogr_sql FILE SQL : the first value ogrinfo prints for a one-row, one-column query.
ogr_sql() {
    ogrinfo -ro -q "$1" -sql "$2" 2>/dev/null | sed -n 's/^ *[A-Za-z_0-9]* ([A-Za-z0-9]*) = //p' | head -n 1
}

# ---------------------------------------------------------------- run

"case_$CASE"
expect_no_partial

if ((FAILURES > 0)); then
    echo "cli.$CASE: $FAILURES check(s) failed"
    exit 1
fi
echo "cli.$CASE: passed"
exit 0
