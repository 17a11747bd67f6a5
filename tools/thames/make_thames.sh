#!/usr/bin/env bash
# Derives the tidal Thames in London from two boundary files we already have, and writes it as
# shapes/london-thames.gpkg (EPSG:27700), the river the planner and the briefing maps draw.
#
# The bundled wards (GLA, 2014) reach to the middle of the river; the GLA's boroughs "excluding
# the area below mean high water" stop at the banks. The difference of their unions is the river
# below mean high water, plus slivers a few metres wide where the two files' lines differ. A
# morphological opening (shrink by 3 m, grow back by 3 m) removes the slivers without moving the
# banks; parts under 1 ha that survive are dropped; the rest is simplified to 5 m, well under a
# pixel at city scale, which keeps the file small. OGR_CURRENT_DATE fixes the GeoPackage's timestamp,
# so that running it again on the same inputs changes nothing that matters.
#
# Needs only ogr2ogr with its SQLite dialect (Debian's GDAL has SpatiaLite, which provides
# ST_Union, ST_Difference, ST_Buffer and ST_SimplifyPreserveTopology). Run from anywhere:
#   tools/thames/make_thames.sh [WARDS.gpkg] [BOROUGHS_EXCL_MHW.geojson] [OUT.gpkg]
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
wards=${1:-$here/shapes/london-wards-2014.gpkg}
boroughs=${2:-$here/../shared/data/london/boroughs-excl-mhw-wgs84.geojson}
out=${3:-$here/shapes/london-thames.gpkg}
opening=3            # metres: half the width of the widest sliver removed
smallest=10000       # m²: parts smaller than this are not the river
simplify=5           # metres

for input in "$wards" "$boroughs"; do
  [[ -e $input ]] || { echo "make_thames: $input: not found" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Both inputs in one GeoPackage and one CRS (British National Grid), so one SQL statement sees them.
ogr2ogr -f GPKG "$work/inputs.gpkg" "$wards" -nln wards -nlt MULTIPOLYGON -t_srs EPSG:27700
ogr2ogr -f GPKG -update "$work/inputs.gpkg" "$boroughs" -nln boroughs -nlt MULTIPOLYGON -t_srs EPSG:27700

# Below mean high water, opened; one feature per connected part.
ogr2ogr -f GPKG "$work/parts.gpkg" "$work/inputs.gpkg" -dialect SQLite -nln parts -nlt POLYGON \
  -explodecollections -sql "
  WITH wards_union AS (SELECT ST_Union(geom) AS g FROM wards),
       land_union AS (SELECT ST_Union(geom) AS g FROM boroughs)
  SELECT ST_Buffer(ST_Buffer(ST_Difference(wards_union.g, land_union.g), -$opening), $opening) AS geom
  FROM wards_union, land_union"

partial=${out%.gpkg}.partial.gpkg   # whole or not at all: renamed when complete
rm -f "$partial"
ogr2ogr -f GPKG "$partial" "$work/parts.gpkg" -dialect SQLite -nln london_thames -nlt MULTIPOLYGON \
  -a_srs EPSG:27700 --config OGR_CURRENT_DATE 2026-12-06T00:00:00Z -sql "
  SELECT 'River Thames (tidal)' AS name,
         ST_Multi(ST_SimplifyPreserveTopology(ST_Union(geom), $simplify)) AS geom
  FROM parts WHERE ST_Area(geom) >= $smallest"
mv "$partial" "$out"
echo "wrote $out"
