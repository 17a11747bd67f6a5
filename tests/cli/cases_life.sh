# End-to-end cases of a plan's life: `wardmap diff` (two plans compared), `wardmap migrate` (a plan
# carried to another ward set) and `wardmap plan` (versions and sign-off). Sourced by run_case.sh.
# shellcheck shell=bash disable=SC2154

WARDS2022=london/wards-2022-wgs84.geojson

abbey_plan() {  # abbey_plan FILE : the bundled plan with Abbey (Barking and Dagenham) moved into Central North
    { cat "$PLAN"; echo 'E05000026,Barking and Dagenham,CN,Central North,#1f78b4,2017-01'; } >"$1"
}

# csv_column FILE CODE COLUMN : the value in COLUMN (1-based) of the row whose first field is CODE, unquoted.
csv_column() {
    awk -F, -v code="$2" -v col="$3" '$1 == code { gsub(/"/, "", $col); print $col }' "$1"
}

# Abbey moved East -> Central North, in out/diff.csv (`diff --table`): per command unit the officers
# and PCSOs change by exactly what `allocate` gave in out/alloc-a.csv and out/alloc-b.csv, and the
# crime by Abbey's own.
abbey_moved_as_allocated() {
    local code a b got n=0
    for code in CE CN AS AW EA NA NE NW SN SE SW WA; do
        a=$(csv_column out/alloc-a.csv "$code" 10)
        b=$(csv_column out/alloc-b.csv "$code" 10)
        got=$(csv_column out/diff.csv "$code" 8)
        [[ -n $a && $got == $((b - a)) ]] || fail "$code: diff says officers change by '$got', allocate gives $a -> $b"
        [[ $(csv_column out/diff.csv "$code" 6) == "$a" && $(csv_column out/diff.csv "$code" 7) == "$b" ]] ||
            fail "$code: diff's officers before/after are not allocate's $a/$b"
        a=$(csv_column out/alloc-a.csv "$code" 5)
        b=$(csv_column out/alloc-b.csv "$code" 5)
        [[ $(csv_column out/diff.csv "$code" 14) == $((b - a)) ]] || fail "$code: PCSO change is not allocate's $a -> $b"
        [[ $(csv_column out/diff.csv "$code" 8) != 0 ]] && n=$((n + 1))
    done
    ((n == 2)) || fail "officers change in $n command units, expected 2 (East and Central North)"
    [[ $(csv_column out/diff.csv CN 17) == 5018 && $(csv_column out/diff.csv EA 17) == -5018 ]] ||
        fail "crime change: CN $(csv_column out/diff.csv CN 17), EA $(csv_column out/diff.csv EA 17), expected +-5018 (Abbey's)"
}

case_help_diff() { help_of diff --table --output --rules --crime --population --json; }
case_help_migrate() { help_of migrate --to --output --threshold --overwrite; }

# One ward moved: one move, and per command unit the officers and PCSOs change by exactly what
# `allocate` gives on each plan, and the crime by the moved ward's own.
case_diff_one_ward_against_allocate() {
    abbey_plan in/abbey.csv
    wm allocate "$TAB2014" --plan "$PLAN" -o out/a.csv --table out/alloc-a.csv
    expect_ok
    wm allocate "$TAB2014" --plan in/abbey.csv -o out/b.csv --table out/alloc-b.csv
    expect_ok
    wm diff "$PLAN" in/abbey.csv "$TAB2014" -o out/moved.gpkg --table out/diff.csv
    expect_ok
    expect_stdout "1 ward(s) change command unit, in 1 move(s)" "E05000026 Abbey (Barking and Dagenham): East → Central North" \
        "2 DWO, 1 PCSO; crime 5018;"
    abbey_moved_as_allocated
    local want
    expect_layer out/moved.gpkg moved_wards 1 code from_code to_code crime area_km2
    want=$(ogr_sql out/moved.gpkg "SELECT code || ' ' || from_code || ' ' || to_code || ' ' || CAST(crime AS INTEGER) AS n FROM moved_wards")
    [[ $want == "E05000026 EA CN 5018" ]] || fail "moved_wards holds '$want', expected 'E05000026 EA CN 5018'"
}

case_diff_whole_borough() {
    sed 's/^E09000002,Barking and Dagenham,EA,East,[^,]*,/E09000002,Barking and Dagenham,NE,North East,,/' "$PLAN" >in/bd.csv
    wm diff "$PLAN" in/bd.csv "$TAB2014" --json
    expect_ok
    expect_json
    expect_stdout '"wards_moved": 17' '"text": "Barking and Dagenham: 17 wards East → North East"' '"whole_borough": true'
    [[ $(grep -c '"whole_borough"' log/stdout) == 1 ]] || fail "expected one move, the borough"
    expect_stdout '"Safeguarding uplift": ' '"Neighbourhood demand-led": '  # each pool's posts, per command unit
    wm diff "$PLAN" in/bd.csv "$TAB2014"
    expect_stdout "Barking and Dagenham: 17 wards East → North East" "34 DWO, 17 PCSO"
    grep -q "E05000026 Abbey" log/stdout && fail "a whole borough's move lists its wards one by one"
    return 0
}

case_diff_plan_file_and_table() {  # a plan file saved by the planner against the CSV it came from: nothing moves
    wm diff "$PLAN" "$PLAN" "$TAB2014" -o out/none.csv
    expect_ok
    expect_stdout "0 ward(s) change command unit, in 0 move(s)"
    [[ $(wc -l <out/none.csv) == 1 ]] || fail "out/none.csv should hold the header alone"
}

case_diff_other_ward_set() {  # a plan file made on other wards is refused, naming both
    wm diff "$PLAN" "$REPO/tests/cli/no-such.csv" "$TAB2014"
    expect_error 3 "no-such.csv"
}


# The bundled plan with Abbey moved, carried from the 2014 wards to the 679 wards of 2022 (lon/lat):
# every ward assigned, Abbey's successors in Central North, the review list with shares, and the
# migrated plan read back by validate (Barking split, as in the plan it came from) and diff.
case_migrate_abbey_to_2022() {
    abbey_plan in/abbey.csv
    wm migrate in/abbey.csv --to "$DATA/$WARDS2022" -o out/abbey-2022.wardplan --json
    expect_ok
    expect_json
    expect_stdout '"new_wards": 679' '"unassigned": 0' '"left_out": 0' '"vanished": [
    "E05000026"
  ]'
    expect_stdout '"E05014053": "CN"'  # the 2022 Abbey, 59% on the 2014 Abbey: follows it into Central North
    local review
    review=$(grep -c '"covered":' log/stdout)
    ((review > 0 && review < 679)) || fail "review list of $review wards"
    grep -q '^\[migrated_from\]' out/abbey-2022.wardplan || fail "the migrated plan does not record where it came from"
    grep -q '^fingerprint = "fnv1a64:5395b2b0600e8bf7"' out/abbey-2022.wardplan || fail "[migrated_from] does not name the 2014 ward set"
    [[ $(grep -c ' = "[A-Z][A-Z]"  # ' out/abbey-2022.wardplan) == 679 ]] || fail "not every 2022 ward has a line in a command unit"
    wm validate "$DATA/$WARDS2022" --plan out/abbey-2022.wardplan
    expect_exit 4
    expect_stdout "split_parent" "E09000002"
    [[ $(grep -c 'split_parent' log/stdout) == 1 ]] || fail "expected Barking and Dagenham alone split: $(grep split_parent log/stdout)"
}

case_migrate_bundled_plan_to_2022_validates_and_renders() {
    wm migrate "$PLAN" --to "$DATA/$WARDS2022" -o out/mps-2022.csv
    expect_ok
    expect_stdout "679 new wards: 679 in a command unit, 0 left out, 0 unassigned" "ward(s) for review (best share under 90%)"
    grep -q '^"E09000002","Barking and Dagenham","EA","East"' out/mps-2022.csv || fail "the Barking row is not carried: $(grep E09000002 out/mps-2022.csv)"
    # The 2022 file is no clean coverage (slivers between wards make some units "in pieces"): the
    # migrated plan must find exactly what the bundled plan itself finds on those wards, and no split borough.
    wm validate "$DATA/$WARDS2022" --plan out/mps-2022.csv
    expect_stdout "679 units assigned, 0 matched by unit code and 679 by parent, 0 left out, 0 unassigned" "12 command units"
    grep -E '^(error|warning|note) ' log/stdout | sed 's/plan line [0-9]*/plan line N/' >out/migrated.findings
    grep -q split_parent out/migrated.findings && fail "a borough is split: $(grep split_parent out/migrated.findings)"
    wm validate "$DATA/$WARDS2022" --plan "$PLAN"
    grep -E '^(error|warning|note) ' log/stdout | sed 's/plan line [0-9]*/plan line N/' >out/bundled.findings
    cmp -s out/migrated.findings out/bundled.findings ||
        fail "the migrated plan's findings differ from the bundled plan's on the same wards: $(diff out/bundled.findings out/migrated.findings | head -5)"
    wm render "$DATA/$WARDS2022" --plan out/mps-2022.csv -o out/mps-2022.png --dpi 50
    expect_ok
    expect_stdout "theme Command units: 12 classes"
}

case_migrate_to_the_same_wards_changes_nothing() {
    wm migrate "$PLAN" "$REPO/shapes/london-wards-2014.gpkg" --to "$REPO/shapes/london-wards-2014.gpkg" -o out/same.wardplan
    expect_ok
    expect_stdout "0 ward(s) for review"
    wm diff "$PLAN" out/same.wardplan "$REPO/shapes/london-wards-2014.gpkg"
    expect_ok
    expect_stdout "0 ward(s) change command unit, in 0 move(s)"
}

case_migrate_to_2018() {  # 2014 -> 2018: the City's wards and a few redrawn ones
    wm migrate "$PLAN" "$REPO/shapes/london-wards-2014.gpkg" --to "$REPO/shapes/london-wards-2018.gpkg" -o out/mps-2018.wardplan --json
    expect_ok
    expect_stdout '"new_wards": 657'
    wm validate "$REPO/shapes/london-wards-2018.gpkg" --plan out/mps-2018.wardplan
    expect_ok
}

# Versions: sign-off recorded, the log, a changed line found by every command that reads the plan.
case_plan_sign_off_log_and_tamper() {
    wm migrate "$PLAN" "$REPO/shapes/london-wards-2014.gpkg" --to "$REPO/shapes/london-wards-2014.gpkg" -o in/p.wardplan
    expect_ok
    wm plan sign-off in/p.wardplan --by "Ch Supt Smith"
    expect_ok
    expect_stdout "version 1 signed-off by Ch Supt Smith"
    grep -q '^signed_by = "Ch Supt Smith"$' in/p.wardplan || fail "no signed_by line in the plan"
    wm plan log in/p.wardplan
    expect_ok
    expect_stdout "signed off; unchanged since" "version 1  signed-off"
    wm plan sign-off in/p.wardplan --by "Someone Else"
    expect_error 3 "is signed off already"
    sed -i 's/^E05000026 = "EA"/E05000026 = "CN"/' in/p.wardplan
    wm plan log in/p.wardplan
    expect_exit 4
    expect_stdout "CHANGED SINCE SIGN-OFF" "a line has been changed since it was signed"
    wm allocate "$REPO/shapes/london-wards-2014.gpkg" --plan in/p.wardplan -o out/a.csv
    expect_error 3 "in/p.wardplan" "a line has been changed since it was signed" "wardmap plan log"
}

case_plan_versions_need_a_plan_file() {
    wm plan log "$PLAN"
    expect_error 3 "versions are kept in plan files"
}

# versioned_plan FILE : the bundled plan as a plan file, version 1 signed off, and version 2 a draft
# from it that moves Abbey to Central North, written as the planner writes a new version on save.
versioned_plan() {
    wm migrate "$PLAN" "$REPO/shapes/london-wards-2014.gpkg" --to "$REPO/shapes/london-wards-2014.gpkg" -o "$1"
    expect_ok
    wm plan sign-off "$1" --by "Ch Supt Smith"
    expect_ok
    local signed
    signed=$(sed -n 's/^content = "\(.*\)"$/\1/p' "$1")
    awk -v signed="$signed" '/^# The ward set this plan was made on/ {
            print "[[versions]]\nversion = 2\nstatus = \"draft\"\nauthor = \"Insp Jones\"\ntime = \"2026-12-07T02:00:00Z\""
            print "parent = \"" signed "\"\ncontent = \"\"\nmoves = [\n  { ward = \"E05000026\", from = \"EA\", to = \"CN\" },\n]\n"
        } { print }' "$1" >"$1.new" && mv "$1.new" "$1"
    # The top-level fields (the first lines) follow the last record, for older readers.
    sed -i 's/^E05000026 = "EA"/E05000026 = "CN"/; 0,/^version = 1$/s//version = 2/; 0,/^status = "signed-off"$/s//status = "draft"/' "$1"
}

# PLAN@1 PLAN@2: two versions a plan file keeps, compared as two files are: Abbey moved, and each
# command unit's officers as `allocate` gives them on the plan before and after.
case_diff_two_versions_of_a_plan() {
    versioned_plan in/p.wardplan
    wm plan log in/p.wardplan
    expect_ok
    expect_stdout "version 2  draft" "1 ward(s) moved since the parent: E05000026 EA → CN" "version 1  signed-off"
    abbey_plan in/abbey.csv
    wm allocate "$TAB2014" --plan "$PLAN" -o out/a.csv --table out/alloc-a.csv
    expect_ok
    wm allocate "$TAB2014" --plan in/abbey.csv -o out/b.csv --table out/alloc-b.csv
    expect_ok
    wm diff in/p.wardplan@1 in/p.wardplan@2 "$TAB2014" --table out/diff.csv
    expect_ok
    expect_stdout "A: mps-12-bcu-2018, version 1 (in/p.wardplan@1" "B: mps-12-bcu-2018, version 2 (in/p.wardplan@2" "1 ward(s) change command unit, in 1 move(s)" \
        "E05000026 Abbey (Barking and Dagenham): East → Central North" "2 DWO, 1 PCSO; crime 5018;"
    abbey_moved_as_allocated
    # Backwards, the move reverses.
    wm diff in/p.wardplan@2 in/p.wardplan@1 "$TAB2014" --json
    expect_json
    expect_stdout '"wards_moved": 1' '"text": "E05000026 Abbey (Barking and Dagenham): Central North → East"'
}

# A version the file does not keep, a history from before moves were kept, and a move changed by
# hand: each refused with what to do, and the changed history reported by `plan log` (exit 4).
case_diff_versions_refused() {
    versioned_plan in/p.wardplan
    wm diff in/p.wardplan@3 in/p.wardplan@2 "$TAB2014"
    expect_error 3 "the plan has no version 3 (versions 1 to 2)" "wardmap plan log"
    sed '/^moves = \[/,/^\]/d' in/p.wardplan >in/old.wardplan
    wm diff in/old.wardplan@1 in/old.wardplan "$TAB2014"
    expect_error 3 "version 2 does not keep what it changed from version 1 (recorded by an older wardmap)"
    sed 's/{ ward = "E05000026", from = "EA"/{ ward = "E05000026", from = "NA"/' in/p.wardplan >in/changed.wardplan
    wm diff in/changed.wardplan@1 in/changed.wardplan "$TAB2014"
    expect_error 3 "version 1 rebuilt from the later versions' moves has content" "the history has been changed by hand"
    wm plan log in/changed.wardplan
    expect_exit 4
    expect_stdout "HISTORY CHANGED: version 1 rebuilt"
    sed 's/{ ward = "E05000026", from = "EA", to = "CN"/{ ward = "E05000026", from = "EA", to = "NE"/' in/p.wardplan >in/to.wardplan
    wm diff in/to.wardplan@1 in/to.wardplan "$TAB2014"
    expect_error 3 'version 2 records E05000026 moved to "NE", but the version has it in "CN"' 
}
