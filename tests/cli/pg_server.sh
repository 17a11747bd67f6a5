# A private PostgreSQL 15 + PostGIS 3 server for one test, from Debian's packages
# (postgresql-15-postgis-3): initdb in a temp folder, a unix socket in a private folder (no TCP),
# stopped and removed when the test's shell exits, whether it passed, failed or was stopped.
#
#   source pg_server.sh; pg_start     sets PG (a GDAL connection string: PG:dbname=wardmap host=...
#                                     port=... user=postgres) and PSQL (psql against it, -X -q -A -t)
#   pg_stop                           (also run by the EXIT trap pg_start sets)
#
# PostgreSQL refuses to run as root, and CI runs as root: there the server runs as `nobody`
# (setpriv, no PAM), its folder handed to that user; the clients stay root and reach it through
# the socket with trust authentication. Not root: the server runs as the caller.
# Returns 77 (skip) when the packages are absent, so that a checkout without them still tests.
# shellcheck shell=bash

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=
PG=
PG_PORT=
PSQL=

pg_as_owner() {  # runs a command as the user that owns the server, from / (it may not enter the test's folder)
    if (($(id -u) == 0)); then
        (cd / && setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@")
    else
        (cd / && "$@")
    fi
}

pg_stop() {
    [[ -n $PG_DIR && -d $PG_DIR ]] || return 0
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
        pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 10 stop >/dev/null 2>&1
    fi
    rm -rf -- "$PG_DIR"
    PG_DIR=
}

# Servers of tests that were killed outright (SIGKILL: no trap ran) are stopped and removed, so
# that they do not pile up on a CI machine. Each folder is named after the shell that made it.
pg_remove_orphans() {
    local dir pid
    for dir in /tmp/wardmap-pg-*; do
        [[ -d $dir ]] || continue
        pid=${dir#/tmp/wardmap-pg-}
        pid=${pid%%.*}
        [[ $pid =~ ^[0-9]+$ ]] && ! kill -0 "$pid" 2>/dev/null || continue
        [[ -f $dir/data/postmaster.pid ]] &&
            pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 10 stop >/dev/null 2>&1
        rm -rf -- "$dir"
    done
}

# One initialised cluster with the wardmap database and PostGIS in it, made once per machine
# (initdb and CREATE EXTENSION take seconds, 10 or more on a busy machine) and copied for each
# test, which then only starts it. Kept small for the copy: 1 MB WAL segments, no `postgres`
# database (clients connect to `wardmap`). Made in a folder of its own and renamed into place, under a
# lock, so that tests started side by side make it once.
pg_template() {
    local version template
    version=$(sed -n 's/^default_version *= *.\([0-9.]*\).*/\1/p' /usr/share/postgresql/15/extension/postgis.control)
    template=/tmp/wardmap-pg-template-15-postgis-$version-$(id -u)
    PG_TEMPLATE=$template
    [[ -d $template/data ]] && return 0
    (
        flock 9
        [[ -d $template/data ]] && exit 0
        local making
        making=$(mktemp -d "$template.making.XXXXXX") || exit 1
        (($(id -u) == 0)) && chown nobody:nogroup "$making"
        mkdir "$making/socket" && (($(id -u) == 0)) && chown nobody:nogroup "$making/socket"
        pg_as_owner "$PG_BIN/initdb" -D "$making/data" -U postgres -A trust -E UTF8 --no-locale --no-sync \
            --wal-segsize=1 >"$making/initdb.log" 2>&1 || { echo "initdb failed:"; cat "$making/initdb.log"; rm -rf -- "$making"; exit 1; }
        pg_as_owner "$PG_BIN/pg_ctl" -D "$making/data" -l "$making/server.log" -w -t 60 \
            -o "-c listen_addresses= -c unix_socket_directories=$making/socket -c fsync=off" start >/dev/null &&
            psql -X -q -h "$making/socket" -U postgres -d template1 -c 'CREATE DATABASE wardmap' -c 'DROP DATABASE postgres' &&
            psql -X -q -h "$making/socket" -U postgres -d wardmap -c 'CREATE EXTENSION postgis' \
                -c 'ALTER SYSTEM SET min_wal_size = "2MB"' -c 'ALTER SYSTEM SET max_wal_size = "64MB"' -c CHECKPOINT
        local made=$?
        pg_as_owner "$PG_BIN/pg_ctl" -D "$making/data" -m fast -w stop >/dev/null 2>&1
        ((made == 0)) || { echo "making the PostGIS template failed:"; cat "$making/server.log"; rm -rf -- "$making"; exit 1; }
        rm -rf -- "$making/socket" "$making"/*.log
        mv -T -- "$making" "$template"
    ) 9>"$template.lock"
}

pg_start() {
    if [[ ! -x $PG_BIN/initdb || ! -e /usr/share/postgresql/15/extension/postgis.control ]]; then
        echo "SKIP: PostgreSQL 15 with PostGIS 3 is not installed (apt-get install postgresql-15-postgis-3)" >&2
        exit 77
    fi
    pg_remove_orphans
    pg_template || return 1
    # Under /tmp whatever TMPDIR says: the server's user must be able to reach it.
    PG_DIR=$(mktemp -d "/tmp/wardmap-pg-$$.XXXXXX") || return 1
    trap 'pg_stop; rm -rf -- "${WORK:-/nonexistent}"' EXIT
    trap 'exit 143' TERM INT HUP
    mkdir "$PG_DIR/socket"
    cp -a -- "$PG_TEMPLATE/data" "$PG_DIR/data"
    (($(id -u) == 0)) && chown nobody:nogroup "$PG_DIR" "$PG_DIR/socket"
    # The socket folder is private, so any port number is free: it only names the socket file.
    local port=$((20000 + RANDOM % 20000))
    # Throwaway data: no syncs, no TCP.
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses= -c unix_socket_directories=$PG_DIR/socket -c port=$port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { echo "pg_ctl start failed:"; cat "$PG_DIR/server.log"; return 1; }
    PSQL=(psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PG_DIR/socket" -p "$port" -U postgres -d wardmap)
    PG_PORT=$port
    PG="PG:dbname=wardmap host=$PG_DIR/socket port=$port user=postgres"
}
