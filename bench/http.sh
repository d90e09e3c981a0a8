#!/usr/bin/env bash
# The HTTP benchmark (issue 8), one command:  bench/http.sh [--duration S] [--warmup S] [--connections N] [--note TEXT] [--results FILE]
#
#   wrk (Debian package: apt-get install -y wrk) against the login page (GET /Account/Login) and /health/ready of the
#   app built Release and run in the Production environment, pinned to CPU 0 together with its PostgreSQL
#   (taskset -c 0); wrk runs on CPU 1. Loopback only. Each endpoint: a warm-up, then a bounded timed run with
#   --latency; prints requests/s, p50/p90/p99 latency and the non-2xx/3xx and socket-error counts, and writes
#   bench/results/http.md (machine, date, command, revision, load average, figures).
#
#  - PostgreSQL: a throwaway local cluster (scripts/lib/postgres.sh) with production durability (fsync and
#    synchronous commit on, shared_buffers 1GB; CC_BENCH_PG_SETTINGS="name=value ..." overrides), deleted on exit.
#  - The app is published into CC_BENCH_ARTIFACTS (default /tmp/cc-bench-artifacts)/http-app and started with
#    `dotnet CoupleConnect.Web.dll` on a free loopback port, migrated first with `--migrate` (the production way).
#    It gets an SMTP host that does not answer (no page measured sends mail) and a fresh field-encryption key.
#  - Rate limiting: only account form POSTs are limited (AccountRateLimiting); these GETs are not, and the run checks
#    that wrk saw no non-2xx/3xx answer (a 429 would be counted there and reported).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

say() { printf '[http.sh] %s\n' "$*"; }
die() { printf '[http.sh] ERROR: %s\n' "$*" >&2; exit 1; }

DURATION=30
WARMUP=10
CONNECTIONS=32
NOTE=""
RESULTS="$ROOT/bench/results/http.md"
ARGS_SHOWN=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --duration) DURATION=$2; ARGS_SHOWN+=" $1 $2"; shift 2 ;;
        --warmup) WARMUP=$2; ARGS_SHOWN+=" $1 $2"; shift 2 ;;
        --connections) CONNECTIONS=$2; ARGS_SHOWN+=" $1 $2"; shift 2 ;;
        --note) NOTE=$2; ARGS_SHOWN+=" $1 '$2'"; shift 2 ;;
        --results) RESULTS=$2; ARGS_SHOWN+=" $1 $2"; shift 2 ;;
        -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -ge 1 && "$DURATION" -le 300 ]] || die "--duration takes 1..300 seconds"
[[ "$WARMUP" =~ ^[0-9]+$ && "$WARMUP" -le 120 ]] || die "--warmup takes 0..120 seconds"
[[ "$CONNECTIONS" =~ ^[0-9]+$ && "$CONNECTIONS" -ge 1 && "$CONNECTIONS" -le 1000 ]] || die "--connections takes 1..1000"

command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH (install the .NET 10 SDK)."
command -v wrk >/dev/null 2>&1 || die "'wrk' was not found: apt-get install -y wrk"
command -v taskset >/dev/null 2>&1 || die "'taskset' was not found (util-linux)."
[[ $(nproc) -ge 2 ]] || die "needs at least 2 CPUs (the app on one, wrk on the other)."

ARTIFACTS=${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}
APP_DIR="$ARTIFACTS/http-app"
PG_SETTINGS=${CC_BENCH_PG_SETTINGS:-"fsync=on synchronous_commit=on full_page_writes=on shared_buffers=1GB work_mem=16MB maintenance_work_mem=256MB max_wal_size=8GB checkpoint_timeout=30min"}
PG_TMP=""
APP_PID=""
APP_LOG=""

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    if [[ -n "$PG_TMP" ]]; then
        stop_local_cluster "$PG_TMP" || true
        rm -rf "$PG_TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M')
REVISION=${CC_BENCH_REVISION:-$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "unknown revision")}

say "Publishing src/CoupleConnect.Web (Release) into $APP_DIR..."
dotnet publish src/CoupleConnect.Web -c Release --nologo -v quiet -o "$APP_DIR" >/dev/null || die "the publish failed; run: dotnet publish src/CoupleConnect.Web -c Release"

PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/coupleconnect-httppg.XXXXXX")
chmod 755 "$PG_TMP"
say "Starting a throwaway PostgreSQL cluster in $PG_TMP (production durability)..."
start_local_cluster "$PG_TMP" --ephemeral
{
    printf '\n# --- added by bench/http.sh ---\n'
    for setting in $PG_SETTINGS; do
        printf '%s = %s\n' "${setting%%=*}" "${setting#*=}"
    done
} >>"$PG_TMP/data/postgresql.conf"
stop_local_cluster "$PG_TMP"
start_local_cluster "$PG_TMP" --ephemeral
# The database shares the app's CPU: the server side of the benchmark is one core, the load generator the other.
PG_PID=$(head -1 "$PG_TMP/data/postmaster.pid")
for pid in $PG_PID $(pgrep -P "$PG_PID" || true); do
    taskset -p -c 0 "$pid" >/dev/null
done
pg_query() { PGPASSWORD=$CC_PG_PASSWORD "${CC_PG_BINDIR}/psql" -h 127.0.0.1 -p "$CC_PG_PORT" -U "$CC_PG_ROLE" -d "$CC_PG_DATABASE" -Atc "$1"; }
PG_VERSION=$(pg_query 'SELECT version()' 2>/dev/null || echo "PostgreSQL (version unknown)")
PG_SHOWN=$(pg_query "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync','synchronous_commit','full_page_writes','shared_buffers','work_mem')" 2>/dev/null || echo "?")

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__DefaultConnection="$CC_PG_CONNSTR"
export CoupleConnect__Encryption__CurrentKeyId=bench
CoupleConnect__Encryption__Keys__bench=$(head -c 32 /dev/urandom | base64)
export CoupleConnect__Encryption__Keys__bench
export CoupleConnect__PublicUrl="$BASE/"
# No page measured sends mail; the app needs an SMTP host outside Development. Port 9 (discard) on loopback answers nothing.
export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=9 Email__Smtp__Security=None Email__Smtp__AllowUnencrypted=true
export Logging__LogLevel__Default=Warning

say "Migrating the database (dotnet CoupleConnect.Web.dll --migrate)..."
(cd "$APP_DIR" && dotnet CoupleConnect.Web.dll --migrate >/dev/null) || die "the migration failed"

APP_LOG="$PG_TMP/app.log"
say "Starting the app on $BASE pinned to CPU 0..."
(cd "$APP_DIR" && exec taskset -c 0 dotnet CoupleConnect.Web.dll --urls "$BASE") >"$APP_LOG" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$BASE/health/ready" 2>/dev/null; then
        break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$APP_LOG" >&2; die "the app exited during start-up"; }
    sleep 0.5
done
curl -fsS -o /dev/null "$BASE/health/ready" || { tail -30 "$APP_LOG" >&2; die "the app did not become ready within 60 s"; }
LOGIN_STATUS=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/Account/Login")
[[ "$LOGIN_STATUS" == 200 ]] || die "GET /Account/Login answered $LOGIN_STATUS, not 200"
LOGIN_BYTES=$(curl -s "$BASE/Account/Login" | wc -c)
READY_BODY=$(curl -s "$BASE/health/ready")

# One wrk run; prints its whole output and leaves it in $WRK_OUT.
WRK_OUT=""
run_wrk() {
    local seconds=$1 path=$2
    WRK_OUT=$(taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency "$BASE$path")
    printf '%s\n' "$WRK_OUT"
}
field() { printf '%s\n' "$1" | awk -v key="$2" '$1 == key { print $2; exit }'; }
non2xx() { printf '%s\n' "$1" | awk '/Non-2xx or 3xx responses:/ { print $NF; found=1 } END { if (!found) print 0 }'; }
socket_errors() { printf '%s\n' "$1" | awk '/Socket errors:/ { sub(/.*Socket errors: /, ""); print; found=1 } END { if (!found) print "none" }'; }
requests() { printf '%s\n' "$1" | awk '/requests in/ { print $1; exit }'; }

declare -A RPS P50 P75 P90 P99 NON2XX ERRORS TOTAL
for path in /Account/Login /health/ready; do
    if [[ "$WARMUP" -gt 0 ]]; then
        say "Warm-up: $path for ${WARMUP} s..."
        run_wrk "$WARMUP" "$path" >/dev/null
    fi
    say "Measuring $path for ${DURATION} s ($CONNECTIONS connections, 1 wrk thread on CPU 1)..."
    run_wrk "$DURATION" "$path"
    RPS[$path]=$(printf '%s\n' "$WRK_OUT" | awk '/Requests\/sec:/ { print $2 }')
    P50[$path]=$(field "$WRK_OUT" 50%)
    P75[$path]=$(field "$WRK_OUT" 75%)
    P90[$path]=$(field "$WRK_OUT" 90%)
    P99[$path]=$(field "$WRK_OUT" 99%)
    NON2XX[$path]=$(non2xx "$WRK_OUT")
    ERRORS[$path]=$(socket_errors "$WRK_OUT")
    TOTAL[$path]=$(requests "$WRK_OUT")
done

APP_RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo "?")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
CPU=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1024 / 1024 }' /proc/meminfo)
OS=$(. /etc/os-release && echo "$PRETTY_NAME")
KERNEL=$(uname -r)
DOTNET=$(dotnet --version)
WRK_VERSION=$( (wrk -v 2>&1 || true) | head -1 | awk '{ print $1, $2 }')
# Only the load at the start tells of other work: by the end the figure is this benchmark's own (wrk's connections,
# the app's threads and a PostgreSQL backend per pooled connection, all runnable at once on a saturated core).
BUSY=$(awk -v s="${LOAD_START%% *}" -v n="$(nproc)" 'BEGIN { print (s > 0.5 * n) ? 1 : 0 }')

summary() {
    printf '| Endpoint | Requests/s | p50 | p75 | p90 | p99 | Requests | Non-2xx/3xx | Socket errors |\n'
    printf '|---|---|---|---|---|---|---|---|---|\n'
    for path in /Account/Login /health/ready; do
        printf '| `GET %s` | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$path" "${RPS[$path]}" "${P50[$path]}" "${P75[$path]}" "${P90[$path]}" "${P99[$path]}" "${TOTAL[$path]}" "${NON2XX[$path]}" "${ERRORS[$path]}"
    done
}

echo
echo "=== HTTP benchmark (app + PostgreSQL on CPU 0, wrk on CPU 1, $CONNECTIONS connections, ${DURATION} s each) ==="
summary
echo "Load average: $LOAD_START at the start, $LOAD_END at the end"

if [[ -n "$RESULTS" ]]; then
    mkdir -p "$(dirname "$RESULTS")"
    {
        echo "# HTTP benchmark"
        echo
        echo "Issue 8, item 3: \`wrk\` against the login page and \`/health/ready\`: requests/s and latency percentiles, the app on"
        echo "one core, the load generator on the other. Produced by \`bench/http.sh\`. No throughput target is set by the issue;"
        echo "the figures are recorded as the baseline."
        echo
        if [[ -n "$NOTE" ]]; then
            echo "> **$NOTE**"
            echo
        fi
        if [[ "$BUSY" == 1 ]]; then
            echo "> **Development run, machine busy: load average $LOAD_START at the start and $LOAD_END at the end on $(nproc) cores (other work shared the CPUs), so the figures are pessimistic; repeat on a quiet machine for the record.**"
            echo
        fi
        echo "- Date: $STARTED UTC"
        echo "- Command: \`bench/http.sh$ARGS_SHOWN\`"
        echo "- Code: $REVISION"
        echo "- Load average (1, 5, 15 min): $LOAD_START at the start, $LOAD_END at the end (the end figure is mostly this benchmark's own threads and backends)"
        echo
        echo "## Machine"
        echo
        echo "| | |"
        echo "|---|---|"
        echo "| CPU | $CPU, $(nproc) logical cores |"
        echo "| RAM | $MEM |"
        echo "| OS | $OS, kernel $KERNEL |"
        echo "| .NET SDK | $DOTNET (the app: Release, \`dotnet publish\`, Production environment, server GC) |"
        echo "| PostgreSQL | $PG_VERSION |"
        echo "| PostgreSQL settings | $PG_SHOWN |"
        echo "| Load generator | $WRK_VERSION, 1 thread, $CONNECTIONS connections, \`--latency\`, \`--timeout 10s\` |"
        echo
        echo "## Results"
        echo
        echo "Each endpoint: ${WARMUP} s of warm-up, then ${DURATION} s measured."
        echo
        summary
        echo
        echo "- \`GET /Account/Login\`: the static server-rendered sign-in page ($LOGIN_BYTES bytes), a new antiforgery token and"
        echo "  cookie on every response (wrk keeps no cookies, like a first visit); no database work."
        echo "- \`GET /health/ready\`: the readiness check (\`$READY_BODY\`): the first probe asks EF Core for pending migrations;"
        echo "  once it has seen them all applied, each probe is one \`SELECT 1\` on a pooled connection (before that change,"
        echo "  at 61c9dba, every probe asked for migrations: 183 requests/s, p99 4.95 s)."
        echo "- Rate limiting does not apply: the app limits only account form POSTs (10 per minute per address); the"
        echo "  non-2xx/3xx column, where wrk would count any 429 or 5xx, is the check."
        echo "- The app's working set after the runs: $(( APP_RSS_KB / 1024 )) MiB."
        echo
        echo "## How the figures are taken"
        echo
        echo "- The app is published Release and run with \`ASPNETCORE_ENVIRONMENT=Production\` (exception handler, HSTS"
        echo "  headers only over HTTPS, the Hangfire server running as in production), \`taskset -c 0\`, on 127.0.0.1 over"
        echo "  plain HTTP (TLS terminates at the reverse proxy in the deployment). Its PostgreSQL (a throwaway cluster, fsync"
        echo "  and synchronous commit on) is pinned to CPU 0 too, so the server side has one core and \`wrk\` (\`taskset -c 1\`)"
        echo "  the other."
        echo "- Logging is at Warning, as an operator would run it under load; request logging at Information costs more."
        echo "- Loopback only; each run is bounded by wrk's \`-d\`. Latency percentiles are wrk's (coordinated omission not"
        echo "  corrected: closed-loop load with $CONNECTIONS connections)."
    } >"$RESULTS"
    say "Results written to $RESULTS"
fi
