# End-to-end cases of numbers refused in the files users hand us (issue #15): officer rules whose
# counts overflow or whose weights are NaN, measure tables with NaN figures, TOML that would reach
# toml++'s undefined behaviour. Each is refused with exit 3, naming the file and where in it.
# Sourced by run_case.sh (helpers in run_case.sh and cases.sh).
# shellcheck shell=bash disable=SC2154

case_allocate_rules_count_overflow() {  # dwo = 4294967298 was read as 2; 2147483647 gave a negative force
    printf '[ward]\ndwo = 4294967298\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml: ward.dwo (line 2): 4294967298 is out of range"
    printf '[ward]\ndwo = 2147483647\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml: ward.dwo (line 2): 2147483647 is out of range"
    [[ -e out/a.gpkg ]] && fail "out/a.gpkg was written"
    return 0
}

case_allocate_rules_nan_weight() {  # a NaN share once exited 1 without naming the file
    printf '[[pool]]\nname = "R"\nposts = 50\nweight = { area = nan, equal = 1 }\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml: pool R.weight.area (line 4): nan is not allowed"
}

case_allocate_rules_bytes_toml_cannot_take() {  # "[" then a newline; é outside quotes
    printf 'establishment = 10\n[\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml: line 2: a table header with no name"
    printf 'establishment = 10\n\xc3\xa9\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml -o out/a.gpkg
    expect_error 3 "in/rules.toml: line 2:" "outside quotes"
}

case_allocate_population_nan() {  # a NaN population figure: refused naming file, line and column
    { printf 'Ward Code,Ward name,Population - 2015\n'; printf 'E05000026,Barking and Dagenham - Abbey,nan\n'; } >in/profiles.csv
    printf '[[pool]]\nname = "R"\nposts = 50\nweight = "population"\n' >in/rules.toml
    wm allocate "$TAB2014" --rules in/rules.toml --population in/profiles.csv -o out/a.gpkg
    expect_error 3 "in/profiles.csv: line 2, column Population - 2015: 'nan' is not a figure"
}
