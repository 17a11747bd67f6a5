# End-to-end cases of `wardmap score` and `wardmap candidates` on the bundled London 2014 wards, the
# bundled plan, rules and tables. Sourced by run_case.sh (helpers in run_case.sh and cases.sh).
# shellcheck shell=bash disable=SC2154

case_help_score() { help_of score --reference --demand --balance-field --stations --csv --units; }
case_help_candidates() { help_of candidates --k --unit --min-parents --max-parents --balance --lock --keep-whole --rank-by --seed -n --output --chains --thin --burn-in; }

# csv_value FILE ROW COLUMN : the value of COLUMN in data row ROW (1 = first) of a CSV, by ogrinfo.
csv_value() {
    ogrinfo -ro -q "$1" -sql "SELECT \"$3\" FROM \"$(basename "$1" .csv)\" LIMIT 1 OFFSET $(($2 - 1))" 2>/dev/null |
        sed -n 's/^ *[A-Za-z_0-9]* ([A-Za-z0-9]*) = //p' | head -n 1
}

case_score_reference_retains_itself_and_a_move_is_seen() {
    # Abbey (E05000026, Barking and Dagenham) moved from East to Central North.
    make_plan out/plan.csv
    printf 'E05000026,CN,Central North\n' >>out/plan.csv
    wm score "$PLAN" out/plan.csv --units --csv out/scores.csv
    expect_ok
    expect_stdout "Core retention, wards ↑                        100.0%" "Boroughs split                                      0                1"
    expect_stdout "  EA    East                      56    3"
    [[ $(csv_value out/scores.csv 1 retained_wards) == 100 ]] || fail "the reference plan retains $(csv_value out/scores.csv 1 retained_wards)% of its wards"
    # 628 of the 629 wards stay: 99.84%.
    local kept
    kept=$(csv_value out/scores.csv 2 retained_wards)
    [[ $kept == 99.84* ]] || fail "the moved plan retains $kept% of wards, expected 628/629 = 99.84%"
}

case_candidates_locked_and_balanced_all_scored() {
    wm candidates --balance crime=25% --balance population=40% --lock EA,CN -n 5 -o out/c
    expect_ok
    expect_stdout "Valid groupings: 6,449 (counted exactly" "Scored: all 6,449" "The reference plan" "does not meet the rules: AW is 51.5% from the mean crime"
    local files
    files=$(ls out/c/*.wardplan | wc -l)
    ((files >= 5)) || fail "$files plan files written, expected at least the 5 best"
    expect_layer out/c/candidates.gpkg candidate_units $((files * 12)) candidate rank code boroughs demand officers plan_workload_ratio
    # Every candidate keeps the locked units whole: East is Barking and Dagenham, Havering, Redbridge.
    local east
    east=$(ogr_sql out/c/candidates.gpkg "SELECT COUNT(*) AS n FROM candidate_units WHERE code = 'EA' AND boroughs = 'Barking and Dagenham, Havering, Redbridge'")
    [[ $east == "$files" ]] || fail "$east of $files candidates have East as locked"
    # The best plan file opens as a plan and scores as the CSV says.
    wm score out/c/candidate-001.wardplan --csv out/best.csv
    expect_ok
    local listed scored
    listed=$(csv_value out/c/candidates.csv 1 workload_ratio)
    scored=$(csv_value out/best.csv 1 workload_ratio)
    [[ -n $listed && $listed == "$scored" ]] || fail "candidates.csv says workload ratio $listed, scoring the plan file gives $scored"
    wm validate --plan out/c/candidate-001.wardplan
    expect_ok
}

case_candidates_every_london_grouping_counted() {
    wm candidates --samples 300 -n 3 --json
    expect_ok
    expect_json
    expect_stdout '"valid": 5313515783' '"exhaustive": false' '"scored": 300' '"meets_rules": true'
}

case_candidates_impossible_balance_explained() {
    wm candidates --balance crime=2%
    expect_exit 3
    expect_stdout "No grouping meets the rules:" "keeps crime within 2.0% of the mean: the closest is 20.5%"
    # Fewer, bigger units: Westminster is then too big for any of them on its own.
    wm candidates --k 24 --min-parents 1 --max-parents 2 --balance crime=5%
    expect_exit 3
    expect_stdout "no grouping into 24 units keeps crime within 5.0% of the mean: the closest is 78.8%; Westminster alone holds 1.79 times the mean"
}

case_candidates_bad_options() {
    wm candidates --balance crime=lots
    expect_exit 2
    expect_stderr "is not MEASURE=PERCENT"
    wm candidates --lock XX
    expect_exit 3
    expect_stderr "is not a command unit of the reference plan"
    wm candidates --rank-by beauty
    expect_exit 3
    expect_stderr "is not a score"
}

# expect_percentile_of_csv CSV ROWS REFERENCE : the ensemble's CSV has ROWS plans, and the workload
# percentile printed for the reference equals the share of them that score no better than REFERENCE.
expect_percentile_of_csv() {
    local rows printed share
    rows=$(awk 'NR > 1' "$1" | wc -l)
    [[ $rows == "$2" ]] || fail "the CSV has $rows plans, expected $2"
    printed=$(sed -n 's/^ *Demand per officer, max\/min ↓ *[0-9.]* *\([0-9.]*\)%$/\1/p' log/stdout)
    share=$(awk -F, -v r="$3" 'NR > 1 { n++; if ($1 + 0 >= r + 0) k++ } END { printf "%.1f", 100 * k / n }' "$1")
    [[ -n $printed && $printed == "$share" ]] || fail "the reference's workload percentile is printed as '$printed', the CSV gives $share"
}

case_ensemble_figure_of_the_locked_balanced_groupings() {
    # All 6,449 groupings: the percentile printed for the reference equals the share of the CSV's
    # plans that score no better than the reference's own score (from `wardmap score`).
    wm score --json
    local reference
    reference=$(sed -n 's/^ *"workload_ratio": \([0-9.e+-]*\),*$/\1/p' log/stdout | head -n 1)
    [[ -n $reference ]] || fail "no workload_ratio in wardmap score --json"
    wm ensemble --balance crime=25% --balance population=40% --lock EA,CN -o out/fig.svg --csv out/all.csv
    expect_ok
    expect_stdout "Valid groupings: 6,449" "wrote out/fig.svg (6 score panels and the ranked box plots)"
    grep -q '<svg' out/fig.svg || fail "out/fig.svg is not an SVG"
    expect_percentile_of_csv out/all.csv 6449 "$reference"
    wm ensemble -n 500 -o out/sample.png
    expect_ok
    expect_stdout "a uniform sample of 500 (seed 1)"
    [[ $(head -c 8 out/sample.png | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "out/sample.png is not a PNG"
}

# The largest deviation of any unit's DEMAND-like column from its candidate's mean unit, in %, over
# every candidate of a candidates.gpkg.
worst_deviation() {
    ogr_sql "$1" "SELECT MAX(ABS(u.$2 - m.mean) / m.mean * 100) AS worst FROM candidate_units u JOIN
        (SELECT candidate, AVG($2) AS mean FROM candidate_units GROUP BY candidate) m ON u.candidate = m.candidate"
}

case_candidates_ward_chain_keeps_every_rule() {
    wm candidates --unit ward --samples 400 -n 3 --keep-whole all --lock EA,CN --balance crime=30% -o out/w
    expect_ok
    expect_stdout "rules: 12 units of wards, boroughs kept whole, crime within 30% of the mean, locked: EA, CN" \
        "ReCom: 2 chain(s) of 3,000 steps (seed 1; the first 1,000 of each left out, then one plan every 10 steps)" \
        "Plans drawn: 400; meeting every rule: 400" "the chains start from the nearest plan that meets it"
    local files
    files=$(ls out/w/*.wardplan | wc -l)
    ((files >= 3)) || fail "$files plan files written, expected at least the 3 best"
    expect_layer out/w/candidates.gpkg candidate_units $((files * 12)) candidate rank code boroughs demand
    # Locked: East is its three boroughs in every candidate; kept whole: no borough in part anywhere.
    local east parts worst
    east=$(ogr_sql out/w/candidates.gpkg "SELECT COUNT(*) AS n FROM candidate_units WHERE code = 'EA' AND boroughs = 'Barking and Dagenham, Havering, Redbridge'")
    [[ $east == "$files" ]] || fail "$east of $files candidates keep East as locked"
    parts=$(ogr_sql out/w/candidates.gpkg "SELECT COUNT(*) AS n FROM candidate_units WHERE boroughs LIKE '%(part)%'")
    [[ $parts == 0 ]] || fail "$parts units hold part of a borough kept whole"
    # Balanced: every unit's crime (from its wards, as written) within 30% of its plan's mean unit.
    worst=$(worst_deviation out/w/candidates.gpkg demand)
    awk -v w="$worst" 'BEGIN { exit !(w != "" && w <= 30) }' || fail "a unit is $worst% from its plan's mean crime, the limit is 30%"
    # The best plan file scores as candidates.csv says, on every score.
    wm score out/w/candidate-001.wardplan --csv out/best.csv
    expect_ok
    local column listed scored
    for column in workload_ratio workload_cv demand_deviation population_deviation polsby_popper borders_cut reach_mean retained_wards retained_population retained_officers; do
        listed=$(csv_value out/w/candidates.csv 1 "$column")
        scored=$(csv_value out/best.csv 1 "$column")
        [[ -n $listed && $listed == "$scored" ]] || fail "candidates.csv says $column $listed, scoring candidate-001.wardplan gives $scored"
    done
    # The same seed draws the same plans; another seed others.
    wm candidates --unit ward --samples 400 -n 3 --keep-whole all --lock EA,CN --balance crime=30% -o out/again
    expect_ok
    cmp -s out/w/candidates.csv out/again/candidates.csv || fail "the same seed gave different candidates"
    wm candidates --unit ward --samples 400 -n 3 --keep-whole all --lock EA,CN --balance crime=30% --seed 2 -o out/other
    expect_ok
    cmp -s out/w/candidates.csv out/other/candidates.csv && fail "seeds 1 and 2 gave the same candidates"
    return 0
}

case_candidates_ward_chain_explains_what_it_cannot_meet() {
    # Boroughs per unit are kept only when asked; wards then cross borough lines in every plan drawn.
    wm candidates --unit ward --samples 200 --max-parents 4
    expect_exit 3
    expect_stdout "left out 200: a unit touches more than 4 boroughs" "give --keep-whole all or loosen --min-parents/--max-parents"
    # A locked unit out of balance can never be mended.
    wm candidates --unit ward --samples 200 --lock AW --balance crime=20%
    expect_exit 3
    expect_stderr "Central West" "51.5"
    wm candidates --unit ward --k 10
    expect_exit 3
    expect_stderr "ward candidates keep the reference plan's 12 command units"
}

case_ensemble_ward_chain() {
    wm score --json
    local reference
    reference=$(sed -n 's/^ *"workload_ratio": \([0-9.e+-]*\),*$/\1/p' log/stdout | head -n 1)
    wm ensemble --unit ward -n 300 -o out/w.png --csv out/w.csv
    expect_ok
    expect_stdout "Plans drawn: 300; meeting every rule: 300" "wrote out/w.png (6 score panels and the ranked box plots)"
    [[ $(head -c 8 out/w.png | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "out/w.png is not a PNG"
    expect_percentile_of_csv out/w.csv 300 "$reference"
}
