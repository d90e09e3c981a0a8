#!/usr/bin/env bash
# Runs every test project (tests/*/*.csproj) against a real PostgreSQL:  ./test.sh [dotnet test args...]
#   e.g. ./test.sh --filter "FullyQualifiedName~Invitations"
#
#  - Docker engine available: COUPLECONNECT_TEST_DB stays unset, tests start Postgres via Testcontainers.
#  - Otherwise: a throwaway local PostgreSQL cluster (deleted on exit) and
#    COUPLECONNECT_TEST_DB=<its connection string>; tests create their own databases from it.
#    A COUPLECONNECT_TEST_DB already set in the environment is used as is.
#  - Chromium for the Playwright E2E tests: /usr/bin/chromium (installed with apt-get when missing
#    and possible), exported as COUPLECONNECT_CHROMIUM.
#  - Builds the solution (Release), runs each test project (a failing project does not stop the
#    others), writes TRX results under TestResults/<project>/ and prints as the LAST line:
#        N passed, N failed[, N skipped]
#    Exit code 0 only if the build succeeded, nothing failed and at least one test passed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd -P)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"
# shellcheck source=scripts/lib/trx.sh
source "$ROOT/scripts/lib/trx.sh"

say() { printf '[test.sh] %s\n' "$*"; }
warn() { printf '[test.sh] WARNING: %s\n' "$*" >&2; }

RESULTS_DIR="$ROOT/TestResults"
PG_TMP=""

# Stops and deletes the throwaway cluster (idempotent).
remove_test_db() {
    if [[ -n "$PG_TMP" ]]; then
        stop_local_cluster "$PG_TMP" || true
        rm -rf "$PG_TMP"
        PG_TMP=""
    fi
}
# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    remove_test_db
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the summary line (always the last line of output) and exits accordingly.
finish() {
    local passed=$1 failed=$2 skipped=$3 build_ok=$4
    remove_test_db  # before the summary, so that the summary stays the last line
    say "Test outputs (TRX files, screenshots, logs) are in: $RESULTS_DIR/"
    trx_summary_line "$passed" "$failed" "$skipped"
    if (( build_ok && failed == 0 && passed > 0 )); then
        exit 0
    fi
    exit 1
}

mkdir -p "$RESULTS_DIR"

if ! command -v dotnet >/dev/null 2>&1; then
    printf '[test.sh] ERROR: %s\n' "'dotnet' was not found on PATH. Install the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0 (Debian/Ubuntu: apt-get install dotnet-sdk-10.0)." >&2
    finish 0 0 0 0
fi

# --- database ----------------------------------------------------------------------------------
if [[ -n "${COUPLECONNECT_TEST_DB:-}" ]]; then
    say "Using the PostgreSQL given in COUPLECONNECT_TEST_DB (already set in the environment)."
elif docker_engine_available; then
    say "Docker engine found: integration tests start PostgreSQL themselves with Testcontainers."
    unset COUPLECONNECT_TEST_DB
else
    say "No Docker engine answering: starting a throwaway local PostgreSQL cluster for the tests."
    PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/coupleconnect-testpg.XXXXXX")
    start_local_cluster "$PG_TMP" --ephemeral
    export COUPLECONNECT_TEST_DB="$CC_PG_CONNSTR"
    say "COUPLECONNECT_TEST_DB=$COUPLECONNECT_TEST_DB"
fi

# --- chromium for Playwright -------------------------------------------------------------------
if [[ -n "${COUPLECONNECT_CHROMIUM:-}" && -x "${COUPLECONNECT_CHROMIUM}" ]]; then
    say "Using the browser in COUPLECONNECT_CHROMIUM=$COUPLECONNECT_CHROMIUM"
else
    if [[ ! -x /usr/bin/chromium ]]; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
            apt_log="$RESULTS_DIR/apt-chromium.log"
            say "Installing Debian's chromium for the E2E tests (apt-get, log: $apt_log)..."
            if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                    chromium fonts-liberation fonts-noto-color-emoji; } >"$apt_log" 2>&1; then
                warn "installing chromium with apt-get failed (see $apt_log)."
            fi
        fi
    fi
    if [[ -x /usr/bin/chromium ]]; then
        export COUPLECONNECT_CHROMIUM=/usr/bin/chromium
    else
        warn "/usr/bin/chromium is not available (need root + apt-get to install it: apt-get install chromium fonts-liberation fonts-noto-color-emoji)."
        warn "The E2E tests will fail unless Playwright finds a browser another way (COUPLECONNECT_CHROMIUM=/path/to/chromium)."
    fi
fi

# --- nginx for the shipped proxy configuration's test ------------------------------------------
if ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        apt_log="$RESULTS_DIR/apt-nginx.log"
        say "Installing Debian's nginx for the proxy configuration test (apt-get, log: $apt_log)..."
        if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; } >"$apt_log" 2>&1; then
            warn "installing nginx with apt-get failed (see $apt_log); TheShippedNginxServesOnlyItsHost will fail."
        fi
    else
        warn "nginx is not installed (apt-get install nginx); TheShippedNginxServesOnlyItsHost will fail."
    fi
fi

# --- build -------------------------------------------------------------------------------------
say "Building CoupleConnect.sln (Release)..."
if ! dotnet build CoupleConnect.sln -c Release --nologo -v minimal; then
    printf '[test.sh] ERROR: %s\n' "the build failed (see the errors above); no tests were run." >&2
    finish 0 0 0 0
fi

# --- run the test projects ---------------------------------------------------------------------
shopt -s nullglob
projects=(tests/*/*.csproj)
shopt -u nullglob
if (( ${#projects[@]} == 0 )); then
    printf '[test.sh] ERROR: %s\n' "no test projects found (tests/*/*.csproj)." >&2
    finish 0 0 0 1
fi

total_passed=0 total_failed=0 total_skipped=0
problems=()
for proj in "${projects[@]}"; do
    name=$(basename "$proj" .csproj)
    out="$RESULTS_DIR/$name"
    rm -rf "$out"
    mkdir -p "$out"
    say "=== $name ==="
    rc=0
    dotnet test "$proj" -c Release --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --results-directory "$out" "$@" || rc=$?

    p=0 f=0 s=0 parsed=0
    while IFS= read -r trx; do
        if counts=$(trx_counts "$trx"); then
            read -r tp tf ts <<<"$counts"
            p=$((p + tp)); f=$((f + tf)); s=$((s + ts)); parsed=1
        fi
    done < <(find "$out" -type f -name '*.trx')
    if (( ! parsed )); then
        f=$((f + 1))
        problems+=("$name: no TRX result file was produced (dotnet test exit code $rc) - the test run crashed or did not start; counted as 1 failed")
    elif (( rc != 0 && f == 0 )); then
        f=1
        problems+=("$name: dotnet test exited with code $rc although no test failed (test host crash/abort?) - counted as 1 failed")
    fi
    say "$name: $p passed, $f failed, $s skipped"
    total_passed=$((total_passed + p))
    total_failed=$((total_failed + f))
    total_skipped=$((total_skipped + s))
done

for problem in "${problems[@]+"${problems[@]}"}"; do
    warn "$problem"
done
finish "$total_passed" "$total_failed" "$total_skipped" 1
