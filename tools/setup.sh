#!/usr/bin/env bash
# Installs what wardmap needs on Debian 12 (only what is missing), then builds it.
#   tools/setup.sh            install and build (build/)
#   tools/setup.sh --run      ... then dissolve the bundled London wards into the 12 BCUs
#   tools/setup.sh --test     ... then build and run every test, then the library's unit tests
#                             again under ASan/UBSan and the file readers' fuzzers a minute each
#                             (clang, build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-data
  libcli11-dev nlohmann-json3-dev libfmt-dev libsimdjson-dev libgtest-dev libgmock-dev
  libglfw3-dev libimgui-dev libxtst-dev libcairo2-dev libtomlplusplus-dev libmimalloc-dev fonts-dejavu-core
  xvfb xauth libgl1-mesa-dri mesa-utils poppler-utils libxml2-utils librsvg2-bin
  time strace clang libclang-rt-14-dev
  help2man python3-qgis
  libpq-dev postgresql-15-postgis-3  # the plan store (libpq); the server the pg tests start
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc)
build() {  # build DIR [cmake args...]
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

case "${1:-}" in
  --test)
    build build -DBUILD_TESTING=ON
    ctest --test-dir build --output-on-failure -j "$jobs"
    # Then the sanitizer build (clang, AddressSanitizer and UndefinedBehaviorSanitizer): the
    # library's unit tests once more under it, and libFuzzer on the readers of the files users
    # hand us (plan tables, officer rules, plan files, GeoJSON), a minute each, side by side; a
    # crash fails. One build for both: CI compiles everything from nothing.
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWARDMAP_FUZZ=ON >/dev/null
    cmake --build build-fuzz -j "$jobs" --target wardmap_fuzzers wardmap_unit_tests
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-fuzz --output-on-failure -j "$jobs" -L unit
    FUZZ_SEED=1 tests/fuzz/run.sh build-fuzz 60
    ;;
  --run)
    build build -DBUILD_TESTING=OFF
    build/tools/wardmap dissolve -o london-12-bcu.gpkg --overwrite
    ;;
  "") build build -DBUILD_TESTING=OFF ;;
  *) echo "usage: tools/setup.sh [--run|--test]" >&2; exit 2 ;;
esac
