#!/usr/bin/env bash
# The man page, made from the program's own --help by help2man (Debian's help2man), with every
# subcommand's --help under COMMANDS and the sections --help has no room for (wardmap.h2m).
#   make_man.sh WARDMAP OUT.1
set -euo pipefail
wardmap=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
export ASAN_OPTIONS=detect_leaks=0  # a sanitizer build's --help is not a leak test
cp "$here/wardmap.h2m" "$work/include.h2m"
{
    echo '[COMMANDS]'
    for command in $("$wardmap" --help | sed -n '/^Subcommands:/,$s/^  \([a-z]\+\) .*/\1/p'); do
        echo '.SS "wardmap '"$command"'"'
        echo '.nf'
        # Usage and options as --help prints them; roff needs its backslashes and leading dots escaped.
        "$wardmap" "$command" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e 's/^\[/\\\&[/' -e 's/^wardmap: [a-z]*$//'
        echo '.fi'
    done
} >>"$work/include.h2m"
help2man --no-info --no-discard-stderr --section=1 --source="wardmap" \
    --name="ward boundaries into police command units" --include="$work/include.h2m" \
    --output="$out.partial" "$wardmap"
mv -- "$out.partial" "$out"
