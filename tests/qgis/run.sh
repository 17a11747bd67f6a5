#!/usr/bin/env bash
# The GeoPackages wardmap writes, opened in QGIS (tests/qgis/check_styles.py): a dissolve of the
# bundled plan, and a rollout with officers (phase and officers styles besides the defaults).
#   bash run.sh WARDMAP REPO_ROOT [KEEP_DIR]     KEEP_DIR: keep the GeoPackages and the PNGs there
set -euo pipefail
wardmap=$1 repo=$2
work=${3:-$(mktemp -d "${TMPDIR:-/tmp}/wardmap-qgis.XXXXXX")}
[[ -n ${3:-} ]] || trap 'rm -rf -- "$work"' EXIT
mkdir -p "$work"
python=/usr/bin/python3  # Debian's, where python3-qgis installs; not a virtualenv's
if ! "$python" -c 'import qgis.core' 2>/dev/null; then
    echo "FAIL: QGIS's Python API is missing: apt-get install python3-qgis (tools/setup.sh installs it)" >&2
    exit 1
fi
plan=$repo/datasets/plans/mps-12-bcu-2018.csv
"$wardmap" dissolve -q -o "$work/plan.gpkg" --overwrite
QT_QPA_PLATFORM=offscreen "$python" "$repo/tests/qgis/check_styles.py" "$work/plan.gpkg" "$plan" "$work/plan.png"
"$wardmap" rollout -q --officers -o "$work/rollout.gpkg" --overwrite
QT_QPA_PLATFORM=offscreen "$python" "$repo/tests/qgis/check_styles.py" "$work/rollout.gpkg" "$plan" "$work/rollout.png" \
    --expect-phases --expect-officers
