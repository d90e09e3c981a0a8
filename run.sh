#!/usr/bin/env bash
# Runs CoupleConnect locally:  ./run.sh [--demo] [other app args...]
#
#  - Database + mail: with a Docker engine, `docker compose up -d db mailpit` (Postgres on
#    localhost:5432, Mailpit UI on http://localhost:8025); without one, a local PostgreSQL cluster
#    in .local/pg (started here, stopped again on exit) and e-mails written to .local/mail, readable
#    at <app url>/dev/mailbox. Run as root from a directory the postgres OS user cannot traverse (a clone
#    in /root, say), the cluster lives in /var/tmp/coupleconnect-<hash of this clone's path>/pg instead.
#  - Creates .local/encryption-key.json (mode 600) the first time; never overwrites it.
#  - Creates .local/vapid-key.pem (mode 600, for push notifications) the first time with openssl; never overwrites it.
#  - Builds src/CoupleConnect.Web (Debug), applies EF migrations (--migrate), then runs the app with
#    your arguments. Ctrl-C or SIGTERM (kill, a service manager's stop) stops the app and the local
#    database cluster it started, and waits for both before exiting.
#
# Environment knobs: ASPNETCORE_URLS (default http://localhost:5080), ASPNETCORE_ENVIRONMENT
# (default Development), CC_USE_DOCKER=auto|yes|no (default auto).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

say() { printf '[run.sh] %s\n' "$*"; }
die() { printf '[run.sh] ERROR: %s\n' "$*" >&2; exit 1; }

LOCAL_DIR="$ROOT/.local"
PG_DIR="$LOCAL_DIR/pg"
KEY_FILE="$LOCAL_DIR/encryption-key.json"
VAPID_KEY_FILE="$LOCAL_DIR/vapid-key.pem"
MAIL_DIR="$LOCAL_DIR/mail"
WEB_PROJECT="src/CoupleConnect.Web"

APP_PID=""
STEP_PID=""
CLUSTER_STARTED=0
STOPPING=0

# Stops the process group led by PID (dotnet and every process it started): SIGTERM, up to 20s to finish, then SIGKILL.
# Waits for the whole group, not just its leader: `dotnet run` may exit before the app it launched.
stop_group() {
    local pid=$1
    kill -0 -- "-$pid" 2>/dev/null || return 0
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
        kill -0 -- "-$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    say "Still running after 20s: killing it."
    kill -KILL -- "-$pid" 2>/dev/null || true
}

# Runs a preparation step (build, migrations) in its own process group and waits for it, so that a signal reaches
# this script at once (bash runs traps only between foreground commands) and the step can be stopped with its children.
run_step() {
    local rc=0
    set -m
    "$@" &
    STEP_PID=$!
    set +m
    while :; do
        if wait "$STEP_PID"; then rc=0; else rc=$?; fi
        kill -0 "$STEP_PID" 2>/dev/null || break
    done
    STEP_PID=""
    return "$rc"
}

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$STEP_PID" ]]; then
        stop_group "$STEP_PID"
    fi
    if [[ -n "$APP_PID" ]]; then
        kill -0 "$APP_PID" 2>/dev/null && say "Stopping the app (pid $APP_PID)..."
        stop_group "$APP_PID"
    fi
    if (( CLUSTER_STARTED )); then
        stop_local_cluster "$PG_DIR"
    fi
    exit "$rc"
}

# shellcheck disable=SC2317  # invoked via trap
on_signal() {
    local sig=$1
    if [[ -z "$APP_PID" ]]; then
        # Still preparing (build/migrations): just leave; the EXIT trap stops the database.
        say "Interrupted (SIG$sig)."
        [[ "$sig" == TERM ]] && exit 143
        exit 130
    fi
    STOPPING=$((STOPPING + 1))
    if (( STOPPING == 1 )); then
        say "Received SIG$sig, stopping the app (press Ctrl-C again to kill it)..."
        kill -s "$sig" -- "-$APP_PID" 2>/dev/null || kill -s "$sig" "$APP_PID" 2>/dev/null || true
    else
        kill -KILL -- "-$APP_PID" 2>/dev/null || kill -KILL "$APP_PID" 2>/dev/null || true
    fi
}

trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM

# --- prerequisites -----------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
    die "'dotnet' was not found on PATH. Install the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0 (Debian/Ubuntu: apt-get install dotnet-sdk-10.0)."
fi
if ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    say "WARNING: no .NET 10 SDK found by 'dotnet --list-sdks' (see global.json); the build will probably fail."
fi

mkdir -p "$LOCAL_DIR" "$MAIL_DIR"
# The postgres OS user (used when we run as root) must be able to traverse .local.
chmod 755 "$LOCAL_DIR"

# --- encryption key (first run only) -----------------------------------------------------------
if [[ ! -e "$KEY_FILE" ]]; then
    key=$(head -c 32 /dev/urandom | base64 | tr -d '\n\r ')
    tmp_key=$(mktemp "$LOCAL_DIR/.encryption-key.XXXXXX")
    chmod 600 "$tmp_key"
    printf '{ "currentKeyId": "local1", "keys": { "local1": "%s" } }\n' "$key" >"$tmp_key"
    mv -n "$tmp_key" "$KEY_FILE"
    rm -f "$tmp_key"
    unset key
    say "Created a local encryption key: $KEY_FILE (mode 600, keep it: data encrypted with it is unreadable without it)"
fi

# --- VAPID key for push notifications (first run only) -------------------------------------------
# The server signs its requests to browsers' push services with it (docs/adr/0044). Replacing it means every device
# has to turn notifications on again.
if [[ ! -e "$VAPID_KEY_FILE" ]]; then
    if command -v openssl >/dev/null 2>&1; then
        tmp_vapid=$(mktemp "$LOCAL_DIR/.vapid-key.XXXXXX")
        chmod 600 "$tmp_vapid"
        openssl ecparam -name prime256v1 -genkey -noout -out "$tmp_vapid" 2>/dev/null && mv -n "$tmp_vapid" "$VAPID_KEY_FILE"
        rm -f "$tmp_vapid"
        say "Created a VAPID key for push notifications: $VAPID_KEY_FILE (mode 600)"
    else
        say "openssl not found: no VAPID key, so this run sends reminders by email only (see README, 'On your home screen')."
    fi
fi
if [[ -e "$VAPID_KEY_FILE" ]]; then
    export CoupleConnect__Push__VapidKeyFile="$VAPID_KEY_FILE"
fi

# --- database and mail -------------------------------------------------------------------------
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
# First URL, with wildcard hosts shown as localhost, for the messages below.
APP_URL=${ASPNETCORE_URLS%%;*}
APP_URL=$(printf '%s' "${APP_URL%/}" | sed -E 's#://(\+|\*|0\.0\.0\.0|\[::\])(:|/|$)#://localhost\2#')

use_docker=${CC_USE_DOCKER:-auto}
case "$use_docker" in
    yes|1|true) use_docker=yes ;;
    no|0|false) use_docker=no ;;
    *) if docker_engine_available; then use_docker=yes; else use_docker=no; fi ;;
esac

if [[ "$use_docker" == yes ]]; then
    [[ -f docker-compose.yml || -f compose.yaml || -f docker-compose.yaml || -f compose.yml ]] \
        || die "A Docker engine is available but there is no docker-compose.yml in $ROOT (set CC_USE_DOCKER=no to use a local PostgreSQL cluster instead)."
    docker compose version >/dev/null 2>&1 \
        || die "A Docker engine answers but the 'docker compose' plugin is missing. Install docker-compose-plugin, or set CC_USE_DOCKER=no."
    say "Docker engine found: starting the db and mailpit containers (docker compose up -d db mailpit)..."
    docker compose up -d db mailpit
    say "Waiting for PostgreSQL in the db container to accept connections..."
    ready=0
    for _ in $(seq 1 60); do
        if docker compose exec -T db pg_isready -h localhost -U coupleconnect -d coupleconnect >/dev/null 2>&1; then
            ready=1
            break
        fi
        sleep 1
    done
    (( ready )) || die "PostgreSQL in the db container did not become ready within 60s; check 'docker compose logs db'."
    CC_PG_CONNSTR="Host=localhost;Port=5432;Database=coupleconnect;Username=coupleconnect;Password=coupleconnect"
    export Email__Smtp__Host=localhost
    export Email__Smtp__Port=1025
    export Email__Smtp__Security=None
    MAIL_HINT="E-mails are caught by Mailpit: http://localhost:8025"
    DB_HINT="PostgreSQL: docker compose service 'db' on localhost:5432 (left running; stop it with 'docker compose stop')"
else
    PG_DIR=$(cluster_dir_reachable_by_postgres "$PG_DIR" "$ROOT") || exit 1
    if [[ "$PG_DIR" == "$LOCAL_DIR/pg" ]]; then
        pg_where=".local/pg"
        say "No Docker engine answering: using a local PostgreSQL cluster in .local/pg"
    else
        pg_where=$PG_DIR
        say "No Docker engine answering: using a local PostgreSQL cluster in $PG_DIR"
        say "  (this clone is in a directory PostgreSQL's own user cannot enter, so its data lives there; one per clone)"
    fi
    start_local_cluster "$PG_DIR"
    CLUSTER_STARTED=$CC_PG_STARTED_BY_US
    MAIL_HINT="E-mails go to the dev mailbox: $APP_URL/dev/mailbox (files in .local/mail)"
    DB_HINT="PostgreSQL: 127.0.0.1:$CC_PG_PORT (data in $pg_where, log in $pg_where/log)"
    if (( ! CLUSTER_STARTED )); then
        DB_HINT="$DB_HINT - it was already running, so it is left running on exit"
    fi
fi

# --- app environment ---------------------------------------------------------------------------
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ConnectionStrings__DefaultConnection="$CC_PG_CONNSTR"
export CoupleConnect__Encryption__KeyFile="$KEY_FILE"
export Email__DevMailboxPath="$MAIL_DIR"
# The migrate step below has just run; the app need not check again at start-up.
export CoupleConnect__ApplyMigrationsAtStartup="${CoupleConnect__ApplyMigrationsAtStartup:-false}"

# --- build, migrate, run -----------------------------------------------------------------------
say "Building $WEB_PROJECT (Debug)..."
# Silent on success, errors printed where they occur. `dotnet msbuild -restore` rather than `dotnet build`, which adds
# its own summary ("0 Warning(s)", "0 Error(s)") whatever -clp says. No build servers (what `dotnet build
# --disable-build-servers` sets), so that nothing this script started outlives it (a service manager's stop leaves
# no process behind).
if ! run_step dotnet msbuild "$WEB_PROJECT" -restore -p:Configuration=Debug -nologo -v:quiet -clp:NoSummary \
    -nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorBuildServer=false; then
    die "Build failed (see the errors above)."
fi

say "Applying database migrations..."
if ! run_step dotnet run --no-build -c Debug --project "$WEB_PROJECT" --no-launch-profile -- --migrate; then
    die "Applying migrations failed (see above). Database: ${DB_HINT}"
fi

if command -v ss >/dev/null 2>&1; then
    port_part=${APP_URL##*:}
    port_part=${port_part%%/*}
    if [[ "$port_part" =~ ^[0-9]+$ ]] && ss -ltn 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port_part}\$"; then
        say "WARNING: something already listens on port $port_part; the app may fail to bind (set ASPNETCORE_URLS to use another port)."
    fi
fi

# Start the app in its own process group (job control on just for this launch) so that signals
# can be forwarded to dotnet run *and* the app process it spawns.
set -m
dotnet run --no-build -c Debug --project "$WEB_PROJECT" --no-launch-profile -- "$@" &
APP_PID=$!
set +m

say "CoupleConnect is starting at $APP_URL  (environment: $ASPNETCORE_ENVIRONMENT${*:+, args: $*})"
say "$MAIL_HINT"
say "$DB_HINT"
say "Press Ctrl-C (or send SIGTERM) to stop the app and the database."

app_rc=0
while :; do
    if wait "$APP_PID"; then app_rc=0; else app_rc=$?; fi
    kill -0 "$APP_PID" 2>/dev/null || break
done
if (( STOPPING )); then
    say "App stopped."
    app_rc=0
elif (( app_rc != 0 )); then
    say "The app exited with code $app_rc."
fi
exit "$app_rc"
