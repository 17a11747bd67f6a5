# End-to-end cases of `wardmap allocate` and `wardmap rollout` on the 2014 wards and the real
# crime and profile tables. Sourced by run_case.sh (helpers in run_case.sh and cases.sh).
# shellcheck shell=bash disable=SC2154

CRIME2014=london/mps-ward-crime-2017-03-to-2019-02.csv
CRIME2022=london/mps-ward-crime-2024-03-to-2026-03.csv
PROFILES=london/ward-profiles-2015.csv
RULES=datasets/officers/mps-2018.toml

allocate_2014() {  # allocate_2014 ARGS... : the bundled rules on the 2014 wards with both tables
    wm allocate "$TAB2014" --plan "$PLAN" --crime "$DATA/$CRIME2014" --population "$DATA/$PROFILES" "$@"
}

case_help_allocate() { help_of allocate --rules --crime --months --categories --population --name-fallback --table; }
case_help_rollout() { help_of rollout --step-change --counts --tranches --priority --from --move --officers --table; }

case_allocate_2014() {
    allocate_2014 -o out/a.gpkg --table out/cu.csv
    expect_ok
    expect_stdout "629 of 629 wards matched by code" "570 of 629 wards matched by code" "59 ward(s) with no value" \
        "54 ward code(s) of the table matched no ward" "establishment 30136: 2260 allocated, 27876 not allocated by these rules"
    expect_layer out/a.gpkg command_units 12 dwo pcso ch_supt supt neighbourhood_demand_led safeguarding_uplift officers
    expect_layer out/a.gpkg units 654 dwo pcso
    local sum
    sum=$(ogr_sql out/a.gpkg 'SELECT SUM(dwo) AS n FROM units')
    [[ $sum == 1258 ]] || fail "units hold $sum DWOs, expected 2 x 629 = 1258"
    sum=$(ogr_sql out/a.gpkg 'SELECT SUM(safeguarding_uplift) AS n FROM command_units')
    [[ $sum == 488 ]] || fail "the Safeguarding uplift adds up to $sum, expected 488"
    sum=$(ogr_sql out/a.gpkg 'SELECT SUM(ch_supt + supt) AS n FROM command_units')
    [[ $sum == 72 ]] || fail "leadership adds up to $sum, expected 12 x 6 = 72"
    sum=$(ogr_sql out/a.gpkg "SELECT COUNT(*) AS n FROM units WHERE dwo IS NULL")
    [[ $sum == 25 ]] || fail "$sum units have no DWOs, expected the 25 City wards"
    [[ $(wc -l <out/cu.csv) == 13 ]] || fail "out/cu.csv has $(wc -l <out/cu.csv) lines, expected a header and 12 rows"
    grep -q '^EA,East,"56","112","56","1","5",' out/cu.csv || fail "out/cu.csv has no East row with 56 wards, 112 DWOs: $(grep '^EA' out/cu.csv)"
}

case_allocate_json_lists_every_unmatched_code() {
    allocate_2014 --json -o out/a.csv
    expect_ok
    expect_json
    local listed
    listed=$(grep -cE '^ +"E05[0-9]{6} ' log/stdout)
    # every unmatched code on a line of its own: 59 wards without a population, 54 profile codes no ward took
    [[ $listed == $((59 + 54)) ]] || fail "JSON lists $listed ward codes, expected 59 unmatched wards + 54 unmatched table codes"
    expect_stdout '"surplus": 27876'
    head -1 out/a.csv | grep -q 'dwo,pcso' || fail "the CSV lookup has no dwo,pcso columns: $(head -1 out/a.csv)"
}

case_allocate_fallbacks() {  # by name, then the rest from the borough totals: every ward has a population
    allocate_2014 --name-fallback --borough-totals -o out/a.gpkg
    expect_ok
    expect_stdout "570 of 629 wards matched by code, 33 by ward name and borough, 26 given a share of their borough's total"
    grep -q "population: .* have no value" log/stdout && fail "wards are still without a population"
    return 0
}

case_allocate_2022_crime_on_2014_wards() {  # the 2022 codes: 570 wards with no crime, said so
    wm allocate "$TAB2014" --crime "$DATA/$CRIME2022" --population "$DATA/$PROFILES" -o out/a.gpkg
    expect_ok
    expect_stdout "59 of 629 wards matched by code" "570 ward(s) with no value" "620 ward code(s) of the table matched no ward" \
        "crime: 570 ward(s) have no value"
}

case_allocate_shortfall() {
    cat >in/rules.toml <<'TOML'
establishment = 1000
[[pool]]
name = "Response"
posts = 600
weight = "area"
minimum = 10
TOML
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_ok
    expect_stdout "establishment 1000: 1930 allocated, a shortfall of 930"
}

case_allocate_rules_beside_the_plan() {  # in/plan.csv + in/plan.officers.toml: found without --rules
    make_plan in/plan.csv
    printf '[ward]\ndwo = 3\npcso = 0\n[leadership]\nsuperintendents = 4\n' >in/plan.officers.toml
    wm allocate "$TAB2014" --plan in/plan.csv -o out/a.gpkg
    expect_ok
    expect_stdout "rules in/plan.officers.toml" "1947 officers allocated; no establishment in the rules"  # 3 x 629 DWOs + 12 x (1 + 4)
}

case_allocate_missing_table() {  # rules whose pool needs crime and name no table, no --crime: refused, nothing written
    printf '[[pool]]\nname = "R"\nposts = 50\nweight = "crime"\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml" "the crime figures are needed but no table was given" "--crime"
    [[ -e out/a.gpkg ]] && fail "out/a.gpkg was written"
    return 0
}

case_allocate_bundled_tables() {  # no options: the bundled rules bring their own tables, as --crime/--population would
    wm allocate "$TAB2014" -o out/a.gpkg --table out/default.csv
    expect_ok
    expect_stdout "datasets/demand/mps-ward-crime-2017-03-to-2019-02.csv: crime 201703-201902" "629 of 629 wards matched by code" \
        "datasets/demand/ward-profiles-2015.csv: Population - 2015" "570 of 629 wards matched by code" \
        "establishment 30136: 2260 allocated, 27876 not allocated by these rules"
    allocate_2014 -o out/b.gpkg --table out/given.csv
    expect_ok
    cmp -s out/default.csv out/given.csv || fail "the bundled tables allocate otherwise than the same files given: $(diff out/default.csv out/given.csv | head -4)"
}

case_allocate_reports_what_loading_found() {  # both 2018 files, City split and City merged: 633 codes twice, said
    wm allocate "$TAB2018" "${TAB2018%.tab}_CityMerged.tab" -o out/a.csv
    expect_ok
    expect_stdout "duplicate unit code: 633" "duplicate unit code: E05000405 Chessington South"
    wm allocate "$TAB2014" -o out/b.csv --json
    expect_ok
    expect_stdout '"kind": "invalid geometry repaired"' '"code": "E05009392"'
}

case_allocate_bad_rules() {
    printf '[[pool]]\nname = "R"\nposts = 5\nweight = { crime = 0.5, area = 0.4 }\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml" "pool R.weight" "add up to 0.9"
}

case_allocate_unknown_month() {
    allocate_2014 --months 201601-201612 -o out/a.gpkg
    expect_error 3 "month 201601 is not in the file" "201703-201902"
}

case_rollout_slp_default() {
    wm rollout "$TAB2014" -o out/r.gpkg --table out/phases.csv
    expect_ok
    expect_stdout "Pathfinders                  2017-01-01    90    90     2     0"
    expect_layer out/r.gpkg units 654 live_phase live_date
    expect_layer out/r.gpkg command_units 12 live_from live_phase live_date
    local got
    got=$(ogr_sql out/r.gpkg "SELECT group_concat(code) AS n FROM (SELECT code FROM command_units WHERE live_date = '2017-01-01' ORDER BY code)")
    [[ $got == CN,EA ]] || fail "pathfinders live on 2017-01-01: '$got', expected CN,EA"
    got=$(ogr_sql out/r.gpkg "SELECT COUNT(*) AS n FROM units WHERE live_date = '2017-01-01'")
    [[ $got == 90 ]] || fail "$got wards live on 2017-01-01, expected 56 (East) + 34 (Central North)"
    [[ $(wc -l <out/phases.csv) == 7 ]] || fail "out/phases.csv: $(wc -l <out/phases.csv) lines, expected a header and 6 phases"
    tail -1 out/phases.csv | grep -q '"629","629"' || fail "the last phase does not have all 629 wards live: $(tail -1 out/phases.csv)"
}

case_rollout_step_change_1() {
    wm rollout "$TAB2014" --step-change 1 --priority outward --from EA,CN -o out/r.csv
    expect_ok
    expect_stdout "2004/05                      2004-04-01   208   208" "2006/07                      2006-04-01   213   629" \
        "the phases count 624 wards but the plan has 629: the 5 left over go in 2006/07"
    local n
    n=$(grep -c ',2004/05,2004-04-01$' out/r.csv)
    [[ $n == 208 ]] || fail "$n wards in 2004/05 in out/r.csv, expected 208"
}

case_rollout_demand_bundled_crime() {  # no --crime: the table the bundled rules name; West End has the most crime
    wm rollout "$TAB2014" --step-change 1 --priority demand -o out/r.csv
    expect_ok
    expect_stdout "datasets/demand/mps-ward-crime-2017-03-to-2019-02.csv: crime 201703-201902" "629 of 629 wards matched by code"
    grep -q '^E05000649,West End,.*,2004/05,2004-04-01$' out/r.csv || fail "West End (38,376 crimes, the most) is not in the first phase: $(grep '^E05000649' out/r.csv)"
}

case_rollout_step_change_3_own_remainder() {
    wm rollout "$TAB2014" --step-change 3 --remainder own -o out/r.gpkg
    expect_ok
    expect_stdout "Remainder                    2008-04-01     5   629" "the 5 left over go in Remainder"
}

case_rollout_move_leaves_half_live() {
    wm rollout "$TAB2014" --move E05000026=North -o out/r.gpkg
    expect_ok
    expect_stdout "half_live Pathfinders: EA (East) has 55 of 56 wards live" "moved by hand: E05000026 (1 ward(s)) into North"
}

case_rollout_officers_per_phase() {  # the pathfinders need what allocate gives East and Central North
    allocate_2014 -o out/a.gpkg --table out/cu.csv
    expect_ok
    local ea cn first last
    ea=$(grep '^EA,' out/cu.csv | awk -F, '{gsub(/"/, "", $NF); print $NF}')
    cn=$(grep '^CN,' out/cu.csv | awk -F, '{gsub(/"/, "", $NF); print $NF}')
    wm rollout "$TAB2014" --plan "$PLAN" --officers --crime "$DATA/$CRIME2014" --population "$DATA/$PROFILES" --json -o out/r.gpkg
    expect_ok
    expect_json
    first=$(grep -m1 -oE '"officers": [0-9]+' log/stdout | grep -oE '[0-9]+')
    last=$(grep -oE '"officers": [0-9]+' log/stdout | tail -1 | grep -oE '[0-9]+')
    [[ -n $ea && -n $cn && $first == $((ea + cn)) ]] || fail "pathfinders need $first officers, allocate gives EA $ea + CN $cn"
    [[ $last == 2260 ]] || fail "all live needs $last officers, expected 1258 + 72 + 442 + 488 = 2260"
    expect_stdout '"establishment": 30136'
}

case_rollout_plan_phases() {  # the bundled plan's phase column: 8 BCUs dated, 4 not
    wm rollout "$TAB2014" --plan "$PLAN" --plan-phases -o out/r.gpkg
    expect_ok
    expect_stdout "4 command unit(s) have no phase in the plan and are not scheduled: CE, AS, NE, NW"
    local got
    got=$(ogr_sql out/r.gpkg "SELECT COUNT(*) AS n FROM units WHERE live_date IS NULL")
    [[ $got == $((25 + 41 + 42 + 40 + 63)) ]] || fail "$got wards never live, expected the City's 25 and the wards of CE, AS, NE, NW"
}

case_rollout_unknown_phase() {
    wm rollout "$TAB2014" --move EA=Nope -o out/r.gpkg
    expect_error 3 "no phase named Nope" "Pathfinders"
}

case_rollout_unknown_seed() {
    wm rollout "$TAB2014" --step-change 1 --priority outward --from XX -o out/r.gpkg
    expect_error 3 "outward from XX"
}
