#!/bin/bash
# The planner window and the team plan store, through a replay (ui/planner/replay.cpp: store save,
# store open, store merge) in a real window under Xvfb, against a PostgreSQL + PostGIS of its own
# (tests/cli/pg_server.sh). Two planners' edits from v1: Ann saves first, the window says so to
# Bob (the "Someone saved first" question on screen), Bob merges, and both moves are in the
# store's current version, read back by SQL and shown in the window.
#   planner_store.sh WARDMAP_BINARY
# shellcheck source=../cli/pg_server.sh
set -u
source "$(dirname "${BASH_SOURCE[0]}")/../cli/pg_server.sh"
WARDMAP=$1
pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/wardmap-gui-store.XXXXXX")
cd "$WORK" || exit 1
export XDG_STATE_HOME=$WORK/state
failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }
sql() { "${PSQL[@]}" -c "$1"; }
# view NAME REPLAY : a window replaying REPLAY; its screenshot reports on stdout as NAME.jsonl.
view() {
    local name=$1 replay=$2
    shift 2
    env -u WARDMAP_STORE "$WARDMAP" -q view --size 1400x900 --replay "$replay" --exit "$@" >"$name.jsonl" 2>"$name.err" ||
        { fail "$name: exit $? $(head -c 600 "$name.err")"; }
}
# report NAME N EXPRESSION : a value of the Nth screenshot report of NAME (the JSON line as r, in Python)
report() { grep '^{' "$1.jsonl" | sed -n "$2p" | python3 -c "import json, sys; r = json.load(sys.stdin); print($3)"; }

# One window plays both planners (a window each costs seconds): Ann saves the bundled plan (v1),
# moves Abbey into Central North and saves (v2); Bob's v1 is opened, he moves a ward and saves: he
# is told Ann saved first, and merges. The window finds the store in the settings file.
cat >planners.replay <<'R'
store save draft Ann
move ward E05000026 to CN
store save draft Ann
screenshot ann.png E05000026
store open 1 mps-12-bcu-2018
move ward E05000272 to AW
store save draft Bob
screenshot bob-told.png
store merge
screenshot bob-merged.png E05000026 E05000272
R
mkdir -p config/wardmap && printf '[store]\nconnection = "%s"\n' "$PG" >config/wardmap/settings.toml
XDG_CONFIG_HOME=$WORK/config view planners planners.replay
[[ $(report planners 1 "r['wards'][0]['unit']") == CN ]] || fail "Ann's window: $(head -c 300 planners.jsonl)"
[[ $(report planners 2 "r['question']") == "Someone saved first" ]] || fail "Bob's window did not ask: $(report planners 2 "r['question']")"
[[ $(report planners 3 "r['question']") == "" ]] || fail "the question stayed after the merge"
[[ $(report planners 3 "','.join(w['unit'] for w in r['wards'])") == "CN,AW" ]] || fail "Bob's window after the merge: $(report planners 3 "r['wards']")"
versions=$(sql "SELECT version, coalesce(parent, 0), author, coalesce(saved_over, 0) FROM wardmap.plan_versions ORDER BY version" | tr '\n' ' ')
[[ $versions == "1|0|Ann|0 2|1|Ann|0 3|1|Bob|2 4|2|Bob|0 " ]] || fail "versions: $versions"
[[ $(sql "SELECT current_version FROM wardmap.plans") == 4 ]] || fail "v4 is not current"
moved=$(sql "SELECT ward_code || '=' || cu_code FROM wardmap.plan_assignments WHERE version = 4 AND ward_code IN ('E05000026', 'E05000272') ORDER BY 1" | tr '\n' ' ')
[[ $moved == "E05000026=CN E05000272=AW " ]] || fail "v4 in the store: $moved"
# Everything else as v1 had it.
others=$(sql "SELECT count(*) FROM wardmap.plan_assignments a JOIN wardmap.plan_assignments b USING (plan, ward_code)
              WHERE a.version = 1 AND b.version = 4 AND a.cu_code <> b.cu_code")
[[ $others == 2 ]] || fail "v4 differs from v1 in $others wards, not 2"
counts=$(sql "SELECT string_agg(n::text, ' ' ORDER BY version) FROM (SELECT version, count(*) AS n FROM wardmap.plan_assignments GROUP BY version) c")
[[ $counts == "654 654 654 654" ]] || fail "wards per version: $counts"

if ((failed)); then echo "kept $WORK"; trap - EXIT; pg_stop; exit 1; fi
echo "ok: one merge, v4 = v2 + Bob's move"
