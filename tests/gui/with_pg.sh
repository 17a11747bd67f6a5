#!/bin/bash
# with_pg.sh COMMAND... : runs COMMAND with a private PostgreSQL 15 + PostGIS 3 of its own
# (tests/cli/pg_server.sh: a copied template, a private socket, run as `nobody` under root, stopped
# and removed at the end), named to it as WARDMAP_TEST_STORE (a GDAL connection string).
# Exit 77 (skip) when the packages are absent.
# shellcheck source=../cli/pg_server.sh
source "$(dirname "${BASH_SOURCE[0]}")/../cli/pg_server.sh"
pg_start || { echo "could not start PostgreSQL" >&2; exit 1; }
export WARDMAP_TEST_STORE=$PG
"$@"
