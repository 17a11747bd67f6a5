#!/usr/bin/env bash
# Runs the libFuzzer targets of a WARDMAP_FUZZ build, side by side, each for SECONDS, on a fresh
# copy of its seed corpus (tests/fuzz/corpus/TARGET plus the bundled files of its kind). Exits 1 if
# any found a crash; the input is kept as WORK/TARGET/crash-* and the log as WORK/TARGET.log.
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]      e.g. tests/fuzz/run.sh build-fuzz 3600 fuzz_rules_toml
# FUZZ_SEED=N fixes libFuzzer's seed: CI uses it so that a run tries the same inputs each time (a
# find is then a change's doing, and can be reproduced); unset, each run explores anew.
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_plan_csv fuzz_rules_toml fuzz_plan_file fuzz_geojson)
work=${WARDMAP_FUZZ_WORK:-$(mktemp -d /tmp/wardmap-fuzz.XXXXXX)}

bundled() {  # the repository's own files a target starts from
  case $1 in
    fuzz_plan_csv) ls datasets/plans/*.csv ;;
    fuzz_rules_toml) ls datasets/officers/*.toml ;;
  esac
}

declare -A pids
for target in "${targets[@]}"; do
  mkdir -p "$work/$target/corpus"
  cp tests/fuzz/corpus/"$target"/* "$work/$target/corpus/"
  for file in $(bundled "$target"); do cp "$file" "$work/$target/corpus/"; done
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/tests/fuzz/$target" -max_total_time="$seconds" ${FUZZ_SEED:+-seed="$FUZZ_SEED"} -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
      -artifact_prefix="$work/$target/" -print_final_stats=1 "$work/$target/corpus" >"$work/$target.log" 2>&1 &
  pids[$target]=$!
done

failed=0
for target in "${targets[@]}"; do
  if wait "${pids[$target]}"; then
    echo "fuzz: $target: $(grep -E '^stat::number_of_executed_units' "$work/$target.log" | awk '{print $2}') runs, no crash"
  else
    failed=1
    echo "fuzz: $target FAILED; input and log in $work/$target/ and $work/$target.log" >&2
    grep -E 'ERROR|runtime error|broken promise|Assertion|SUMMARY|terminate' "$work/$target.log" | head -5 >&2
  fi
done
exit $failed
