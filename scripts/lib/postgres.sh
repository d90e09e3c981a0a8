# shellcheck shell=bash
# Helpers shared by ./run.sh and ./test.sh (source this file, do not execute it).
#
#   docker_engine_available        -> status 0 if a Docker engine answers `docker info` within ~5s
#   start_local_cluster DIR [--ephemeral]
#                                  -> creates (first time) and starts a PostgreSQL cluster in DIR,
#                                     listening on 127.0.0.1 on a free port; exports CC_PG_PORT,
#                                     CC_PG_CONNSTR and CC_PG_STARTED_BY_US (1 if this call started it)
#   stop_local_cluster DIR         -> fast shutdown of that cluster (quiet if it is not running)
#   cluster_dir_reachable_by_postgres WANTED KEY
#                                  -> prints WANTED, or (as root, when the postgres OS user cannot traverse a
#                                     parent of WANTED, e.g. a clone under /root) a per-KEY directory under
#                                     /var/tmp that it can reach
#
# Layout inside DIR:  data/ (PGDATA)   run/ (unix socket)   log (server log)
# Without --ephemeral the chosen port is remembered in "DIR.port" (e.g. .local/pg.port) and
# reused on the next start unless something else listens there by then.
# --ephemeral tunes the cluster for a throwaway test database (fsync=off, ...).

CC_PG_ROLE=coupleconnect
CC_PG_PASSWORD=coupleconnect
CC_PG_DATABASE=coupleconnect

_cc_pg_log() { printf '[postgres] %s\n' "$*" >&2; }

docker_engine_available() {
    command -v docker >/dev/null 2>&1 || return 1
    if command -v timeout >/dev/null 2>&1; then
        timeout 5 docker info >/dev/null 2>&1
    else
        # No coreutils timeout (e.g. stock macOS): poll a background `docker info` for ~5s.
        local pid
        docker info >/dev/null 2>&1 &
        pid=$!
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            if ! kill -0 "$pid" 2>/dev/null; then
                wait "$pid"
                return $?
            fi
            sleep 0.5
        done
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        return 1
    fi
}

# As root the cluster runs as the postgres OS user, which must be able to traverse every parent of its data directory.
# A clone in /root (mode 700) or in a private home directory is out of its reach: the cluster then lives in
# /var/tmp/coupleconnect-<hash of KEY>/pg, one per clone, in a root-owned directory that postgres may traverse.
# /var/tmp, not /tmp or $XDG_RUNTIME_DIR: it survives a reboot, and so does the local data.
cluster_dir_reachable_by_postgres() {
    local wanted=${1:?usage: cluster_dir_reachable_by_postgres WANTED KEY} key=${2:?usage: cluster_dir_reachable_by_postgres WANTED KEY}
    local parent base
    parent=$(dirname "$wanted")
    if [[ $(id -u) -ne 0 ]] || ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1 \
        || runuser -u postgres -- test -x "$parent" 2>/dev/null; then
        printf '%s\n' "$wanted"
        return 0
    fi
    base="/var/tmp/coupleconnect-$(printf '%s' "$key" | sha256sum | cut -c1-12)"
    # /var/tmp is shared by everyone: never use a directory (or link) that someone else made there.
    if [[ -L "$base" ]] || { [[ -e "$base" ]] && [[ $(stat -c %u "$base") != 0 || ! -d "$base" ]]; }; then
        _cc_pg_log "ERROR: $base exists but was not made by root (or is not a directory); remove it and run again."
        return 1
    fi
    mkdir -p -m 755 "$base"
    printf '%s\n' "$key" >"$base/clone"
    printf '%s\n' "$base/pg"
}

# Sets CC_PG_BINDIR to a directory holding initdb, pg_ctl and postgres (and usually psql).
_cc_pg_find_bindir() {
    local candidate dir
    if [[ -n "${CC_PG_BINDIR:-}" && -x "$CC_PG_BINDIR/pg_ctl" ]]; then
        return 0
    fi
    CC_PG_BINDIR=""
    if candidate=$(command -v initdb 2>/dev/null); then
        # Resolve symlinks such as /usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb
        candidate=$(readlink -f "$candidate" 2>/dev/null || printf '%s' "$candidate")
        dir=$(dirname "$candidate")
        if [[ -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
            CC_PG_BINDIR=$dir
        fi
    fi
    if [[ -z "$CC_PG_BINDIR" ]]; then
        # Debian/Ubuntu keep the server binaries off PATH; take the newest installed version.
        while IFS= read -r dir; do
            if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
                CC_PG_BINDIR=$dir
                break
            fi
        done < <({ printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r; printf '%s\n' /opt/homebrew/bin /usr/local/opt/postgresql*/bin; })
    fi
    if [[ -z "$CC_PG_BINDIR" ]]; then
        cat >&2 <<'EOF'
[postgres] ERROR: PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found,
[postgres]        and no Docker engine is available to run the database in a container.
[postgres] Fix one of:
[postgres]   - Debian/Ubuntu:  sudo apt-get install postgresql      (any version >= 13)
[postgres]   - macOS:          brew install postgresql@16
[postgres]   - or install/start Docker (Docker Desktop / docker engine) and re-run;
[postgres]     the scripts then use docker compose / Testcontainers instead.
[postgres]   - or point CC_PG_BINDIR at a directory containing initdb, pg_ctl and postgres.
EOF
        return 1
    fi
}

_cc_pg_port_in_use() {
    local port=$1
    if command -v ss >/dev/null 2>&1; then
        ss -ltn 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port}\$"
    elif command -v python3 >/dev/null 2>&1; then
        ! python3 - "$port" <<'EOF' 2>/dev/null
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", int(sys.argv[1])))
s.close()
EOF
    else
        # Last resort: can we connect to it?
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
    fi
}

_cc_pg_free_port() {
    local port
    if command -v python3 >/dev/null 2>&1; then
        if port=$(python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null) \
            && [[ -n "$port" ]]; then
            printf '%s\n' "$port"
            return 0
        fi
    fi
    for _ in $(seq 1 200); do
        port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
        if ! _cc_pg_port_in_use "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    _cc_pg_log "ERROR: could not find a free TCP port on 127.0.0.1"
    return 1
}

# Runs a PostgreSQL binary as the cluster owner: via runuser as root, directly otherwise.
# Runs inside DIR so that the postgres user never trips over an unreadable working directory.
_cc_pg_as_owner() {
    local dir=$1
    shift
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$dir" && runuser -u postgres -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

_cc_pg_running() {
    local dir=$1
    [[ -f "$dir/data/postmaster.pid" ]] || return 1
    _cc_pg_as_owner "$dir" "$CC_PG_BINDIR/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

start_local_cluster() {
    local dir=${1:?usage: start_local_cluster DIR [--ephemeral]}
    local ephemeral=0 port="" portfile sockdir pwfile psql
    if [[ "${2:-}" == "--ephemeral" ]]; then
        ephemeral=1
    fi
    _cc_pg_find_bindir || return 1

    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)
    portfile="${dir%/}.port"

    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            _cc_pg_log "ERROR: running as root, but there is no 'postgres' OS user to own the cluster."
            _cc_pg_log "       Install the postgresql package (it creates that user) or run as a normal user."
            return 1
        fi
        if ! command -v runuser >/dev/null 2>&1; then
            _cc_pg_log "ERROR: running as root needs 'runuser' (util-linux) to start PostgreSQL as user postgres."
            return 1
        fi
        chown -R postgres: "$dir"
        chmod 700 "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            _cc_pg_log "ERROR: user 'postgres' cannot reach $dir (a parent directory is not traversable)."
            _cc_pg_log "       Use a directory whose parents are world-executable (chmod o+x), or run as a normal user."
            return 1
        fi
    fi

    # Unix sockets are limited to ~107 bytes; fall back to a short /tmp dir for deep paths.
    sockdir="$dir/run"
    if (( ${#sockdir} > 90 )); then
        sockdir=$(mktemp -d /tmp/ccpgsock.XXXXXX)
        [[ $(id -u) -eq 0 ]] && chown postgres: "$sockdir"
    else
        mkdir -p "$sockdir"
        [[ $(id -u) -eq 0 ]] && chown postgres: "$sockdir"
    fi

    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        _cc_pg_log "Creating a PostgreSQL cluster in $dir/data ($("$CC_PG_BINDIR/postgres" --version 2>/dev/null || echo postgres))"
        pwfile="$dir/.initpw"
        (umask 077 && printf '%s\n' "postgres-local-$RANDOM$RANDOM" >"$pwfile")
        [[ $(id -u) -eq 0 ]] && chown postgres: "$pwfile"
        # local (unix socket, inside a 0700 dir) = trust for setup; TCP = scram-sha-256 passwords.
        if ! _cc_pg_as_owner "$dir" "$CC_PG_BINDIR/initdb" -D "$dir/data" -U postgres \
                --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
                --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
            rm -f "$pwfile"
            _cc_pg_log "ERROR: initdb failed; output follows ($dir/initdb.log):"
            cat "$dir/initdb.log" >&2
            return 1
        fi
        rm -f "$pwfile"
        {
            printf '\n# --- added by scripts/lib/postgres.sh ---\n'
            printf "listen_addresses = '127.0.0.1'\n"
            printf "password_encryption = 'scram-sha-256'\n"
            if (( ephemeral )); then
                printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n'
                printf 'shared_buffers = 64MB\nmax_connections = 300\n'
            else
                printf 'max_connections = 200\n'
            fi
            printf "include_if_exists = 'cc_runtime.conf'\n"
        } >>"$dir/data/postgresql.conf"
    fi

    psql="$CC_PG_BINDIR/psql"
    [[ -x "$psql" ]] || psql=$(command -v psql || true)

    CC_PG_STARTED_BY_US=0
    if _cc_pg_running "$dir"; then
        # Left running by an earlier run (e.g. killed with SIGKILL): reuse it as is.
        port=$(sed -n 4p "$dir/data/postmaster.pid")
        sockdir=$(sed -n 5p "$dir/data/postmaster.pid")
        _cc_pg_log "Reusing the PostgreSQL server already running from $dir on port $port"
    else
        if [[ $ephemeral -eq 0 && -f "$portfile" ]]; then
            port=$(tr -dc '0-9' <"$portfile")
            if [[ -n "$port" ]] && _cc_pg_port_in_use "$port"; then
                _cc_pg_log "Port $port (remembered in $portfile) is taken now; choosing another one"
                port=""
            fi
        fi
        [[ -n "$port" ]] || port=$(_cc_pg_free_port) || return 1
        # Settings that may change between runs live in a file rewritten at every start.
        printf "port = %s\nunix_socket_directories = '%s'\n" "$port" "$sockdir" >"$dir/data/cc_runtime.conf"
        [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/data/cc_runtime.conf"
        : >"$dir/log"
        [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/log"
        _cc_pg_log "Starting PostgreSQL on 127.0.0.1:$port (data: $dir/data, log: $dir/log)"
        if ! _cc_pg_as_owner "$dir" "$CC_PG_BINDIR/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 start >/dev/null; then
            _cc_pg_log "ERROR: PostgreSQL did not start; last lines of $dir/log:"
            tail -n 20 "$dir/log" >&2 || true
            return 1
        fi
        CC_PG_STARTED_BY_US=1
        if (( ephemeral == 0 )); then
            printf '%s\n' "$port" >"$portfile"
        fi
    fi

    if [[ -z "$psql" ]]; then
        _cc_pg_log "ERROR: psql not found (install postgresql-client) - needed to create the coupleconnect role."
        return 1
    fi
    # Idempotent: role (LOGIN, CREATEDB, password) and its database.
    if ! _cc_pg_as_owner "$dir" "$psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d postgres >/dev/null <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${CC_PG_ROLE}') THEN
    CREATE ROLE ${CC_PG_ROLE} LOGIN CREATEDB PASSWORD '${CC_PG_PASSWORD}';
  ELSE
    ALTER ROLE ${CC_PG_ROLE} LOGIN CREATEDB PASSWORD '${CC_PG_PASSWORD}';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE ${CC_PG_DATABASE} OWNER ${CC_PG_ROLE}'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${CC_PG_DATABASE}') \gexec
SQL
    then
        _cc_pg_log "ERROR: could not create the '${CC_PG_ROLE}' role/database (see $dir/log)"
        return 1
    fi

    export CC_PG_PORT=$port
    export CC_PG_CONNSTR="Host=127.0.0.1;Port=${port};Database=${CC_PG_DATABASE};Username=${CC_PG_ROLE};Password=${CC_PG_PASSWORD}"
    export CC_PG_STARTED_BY_US
    return 0
}

stop_local_cluster() {
    local dir=${1:?usage: stop_local_cluster DIR}
    [[ -d "$dir/data" ]] || return 0
    dir=$(cd "$dir" && pwd -P) || return 0
    _cc_pg_find_bindir 2>/dev/null || return 0
    if _cc_pg_running "$dir"; then
        _cc_pg_log "Stopping PostgreSQL ($dir)"
        _cc_pg_as_owner "$dir" "$CC_PG_BINDIR/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
            || _cc_pg_log "WARNING: pg_ctl stop failed for $dir/data (see $dir/log)"
    fi
    # Remove a /tmp socket dir used for deep paths (only when it is empty).
    local sock
    if [[ -f "$dir/data/cc_runtime.conf" ]]; then
        sock=$(sed -n "s/^unix_socket_directories = '\(.*\)'\$/\1/p" "$dir/data/cc_runtime.conf")
        if [[ "$sock" == /tmp/ccpgsock.* ]]; then
            rmdir "$sock" 2>/dev/null || true
        fi
    fi
    return 0
}
