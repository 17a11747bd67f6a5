#!/usr/bin/env bash
# The installed wardmap finds its data beside itself and nowhere else, and runs the main job.
#   run.sh prefix BUILD_DIR SOURCE_DIR   cmake --install into a temporary prefix, then moved
#   run.sh deb    BUILD_DIR SOURCE_DIR   cpack -G DEB, then dpkg-deb -x and dpkg --root into temporary roots
set -uo pipefail
mode=$1 build=$(realpath -- "$2") source=$(realpath -- "$3")
work=$(mktemp -d "${TMPDIR:-/tmp}/wardmap-install.XXXXXX") || exit 1
trap 'rm -rf -- "$work"' EXIT
failures=0
# Under the sanitizers (tools/setup.sh --test's second pass) their settings pass through env -i.
sanitizers=()
for name in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do [[ -n ${!name:-} ]] && sanitizers+=("$name=${!name}"); done
fail() {
    echo "FAIL [install.$mode]: $*"
    failures=$((failures + 1))
}

# run_clean WARDMAP ARGS... : in $work/run, with no WARDMAP_DATA and only the system's PATH, and
# with every file the program opens traced: none may be in the source or the build tree.
run_clean() {
    local program=$1
    shift
    mkdir -p "$work/run"
    (cd "$work/run" && env -i "${sanitizers[@]}" PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
        strace -f -qq -e trace=%file -o "$work/trace" "$program" "$@" >"$work/stdout" 2>"$work/stderr")
    rc=$?
    local seen
    seen=$(grep -F -e "\"$source/" -e "\"$build/" "$work/trace" | head -n 3)
    [[ -z $seen ]] || fail "$program looked into the source or build tree: $seen"
}

# expect_dissolved GPKG : the main job's output read back: 12 command units, East of 3 boroughs,
# and the areas of the ward layer's units add up to the command units' (the City left out).
expect_dissolved() {
    local gpkg=$1 count boroughs
    [[ -s $gpkg ]] || { fail "no $gpkg (exit $rc): $(head -c 300 "$work/stderr")"; return; }
    count=$(ogrinfo -ro -q "$gpkg" -sql "SELECT COUNT(*) AS n FROM command_units" | sed -n 's/^ *n (Integer[0-9]*) = //p')
    [[ $count == 12 ]] || fail "$gpkg: $count command units, not 12"
    boroughs=$(ogrinfo -ro -q "$gpkg" -sql "SELECT parent_cds FROM command_units WHERE code = 'EA'" | sed -n 's/^ *parent_cds (String) = //p')
    [[ $boroughs == E09000002,E09000016,E09000026 ]] || fail "$gpkg: East holds '$boroughs'"
    grep -q "wrote x.gpkg (GPKG: units 654, parents 33, command_units 12)" "$work/stdout" || fail "no 'wrote x.gpkg' line: $(tail -n 2 "$work/stdout")"
}

# expect_installed ROOT : bin/wardmap, the data, the man page and the completions under ROOT.
expect_installed() {
    local root=$1 file
    for file in bin/wardmap share/wardmap/shapes/london-wards-2014.gpkg share/wardmap/shapes/london-thames.gpkg \
        share/wardmap/datasets/plans/mps-12-bcu-2018.csv share/wardmap/datasets/officers/mps-2018.toml \
        share/man/man1/wardmap.1 share/bash-completion/completions/wardmap share/zsh/vendor-completions/_wardmap; do
        [[ -e $root/$file ]] || fail "not installed: $file"
    done
    grep -q '^\.TH WARDMAP' "$root/share/man/man1/wardmap.1" || fail "the man page has no .TH line"
    grep -q 'WARDMAP_DATA' "$root/share/man/man1/wardmap.1" || fail "the man page does not explain WARDMAP_DATA"
    grep -q 'wardmap dissolve' "$root/share/man/man1/wardmap.1" || fail "the man page has no section on dissolve"
    if command -v groff >/dev/null; then
        groff -man -Tutf8 -ww -z "$root/share/man/man1/wardmap.1" 2>"$work/groff" || fail "groff cannot format the man page"
        [[ ! -s $work/groff ]] || fail "groff warns: $(head -n 3 "$work/groff")"
    fi
}

# expect_completion ROOT : the bash completion names the commands and each command's options.
expect_completion() {
    local root=$1 got
    got=$(PATH=$root/bin:$PATH bash -c 'source "$1"; COMP_WORDS=(wardmap dis); COMP_CWORD=1; _wardmap; echo "${COMPREPLY[*]}"' _ \
        "$root/share/bash-completion/completions/wardmap")
    [[ $got == dissolve ]] || fail "bash completion of 'wardmap dis' is '$got'"
    got=$(PATH=$root/bin:$PATH bash -c 'source "$1"; COMP_WORDS=(wardmap dissolve --over); COMP_CWORD=2; _wardmap; echo "${COMPREPLY[*]}"' _ \
        "$root/share/bash-completion/completions/wardmap")
    [[ $got == --overwrite ]] || fail "bash completion of 'wardmap dissolve --over' is '$got'"
    if command -v zsh >/dev/null; then zsh -n "$root/share/zsh/vendor-completions/_wardmap" || fail "zsh cannot parse _wardmap"; fi
}

case $mode in
    prefix)
        cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { fail "cmake --install: $(tail -n 3 "$work/install.log")"; exit 1; }
        mv "$work/prefix" "$work/moved"  # found beside the program, wherever it is
        expect_installed "$work/moved"
        run_clean "$work/moved/bin/wardmap" dissolve -o x.gpkg
        expect_dissolved "$work/run/x.gpkg"
        expect_completion "$work/moved"
        # No data beside it: $WARDMAP_DATA, and with neither the place it looked is named.
        mv "$work/moved/share/wardmap" "$work/data"
        rm -f "$work/run/x.gpkg"
        (cd "$work/run" && env -i "${sanitizers[@]}" PATH=/usr/bin:/bin WARDMAP_DATA="$work/data" "$work/moved/bin/wardmap" dissolve -o x.gpkg >"$work/stdout" 2>"$work/stderr")
        rc=$?
        expect_dissolved "$work/run/x.gpkg"
        (cd "$work/run" && env -i "${sanitizers[@]}" PATH=/usr/bin:/bin "$work/moved/bin/wardmap" dissolve -o y.gpkg >"$work/stdout" 2>"$work/stderr")
        rc=$?
        [[ $rc == 3 ]] || fail "with no data anywhere: exit $rc, not 3"
        grep -qF "$work/moved/share/wardmap/shapes/london-wards-2014.gpkg" "$work/stderr" || fail "the missing data's place is not named: $(head -n 2 "$work/stderr")"
        ;;
    deb)
        (cd "$build" && cpack -G DEB -B "$work/package" >"$work/cpack.log" 2>&1) || { fail "cpack: $(tail -n 5 "$work/cpack.log")"; exit 1; }
        deb=$(ls "$work"/package/wardmap_*.deb 2>/dev/null | head -n 1)
        [[ -n $deb ]] || { fail "no wardmap_*.deb in $(ls "$work/package")"; exit 1; }
        depends=$(dpkg-deb -f "$deb" Depends)
        for needed in libgdal libgeos-c libproj proj-data fonts-dejavu-core; do
            [[ $depends == *"$needed"* ]] || fail "Depends does not name $needed: $depends"
        done
        # Every dependency is a package of this Debian, and installed here (so the copy below runs).
        for package in $(tr ',' '\n' <<<"$depends" | sed 's/(.*//; s/|.*//' | tr -d ' '); do
            dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || fail "dependency $package is not installed"
        done
        dpkg-deb -x "$deb" "$work/root"
        expect_installed "$work/root/usr"
        readelf -S "$work/root/usr/bin/wardmap" | grep -q "\.debug_info" && fail "the packaged program is not stripped"
        run_clean "$work/root/usr/bin/wardmap" dissolve -o x.gpkg
        expect_dissolved "$work/run/x.gpkg"
        # dpkg itself installs it, into a root of its own (its own database; the machine's is untouched).
        mkdir -p "$work/dpkg-root/var/lib/dpkg/info" "$work/dpkg-root/var/lib/dpkg/updates"
        touch "$work/dpkg-root/var/lib/dpkg/status" "$work/dpkg-root/var/lib/dpkg/available"
        dpkg --root="$work/dpkg-root" --force-depends --force-script-chrootless --no-triggers -i "$deb" >"$work/dpkg.log" 2>&1 ||
            fail "dpkg -i into a temporary root: $(tail -n 3 "$work/dpkg.log")"
        dpkg-query --root="$work/dpkg-root" -W -f='${Status}' wardmap | grep -q 'install ok installed' || fail "dpkg does not list wardmap as installed in its root"
        rm -f "$work/run/x.gpkg"
        run_clean "$work/dpkg-root/usr/bin/wardmap" dissolve -o x.gpkg
        expect_dissolved "$work/run/x.gpkg"
        echo "package: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB; Depends: $depends"
        ;;
    *) echo "usage: run.sh prefix|deb BUILD_DIR SOURCE_DIR" >&2; exit 2 ;;
esac
((failures == 0)) && echo "install.$mode: passed" || echo "install.$mode: $failures check(s) failed"
((failures == 0))
