#!/usr/bin/env bash
# The shared dashboard benchmark (issue 6), one command:  bench/dashboard.sh [options]
#
#   The targets' scale (the default): a couple with 10,000 positives + 1,000 gratitude entries and 730 days of
#                               questions, among 1,000 other couples; 200 timed loads of each kind
#   Quicker, e.g.:              bench/dashboard.sh --other-couples 100 --runs 50
#   With the proposed covering indexes side by side (in a copy of the database):  bench/dashboard.sh --try-indexes
#   All options:                bench/dashboard.sh --help
#
#  - PostgreSQL: the server in CC_BENCH_PG (a connection string; the benchmark creates and drops its own ccbench_*
#    database there, so the role needs CREATEDB), or else a throwaway local cluster started here and deleted on
#    exit (scripts/lib/postgres.sh), tuned like a small production server: fsync and synchronous commit ON,
#    shared_buffers 1GB (override with CC_BENCH_PG_SETTINGS="name=value ...").
#  - Builds bench/CoupleConnect.Bench (Release) into CC_BENCH_ARTIFACTS (default /tmp/cc-bench-artifacts), runs it,
#    prints the figures and writes bench/results/dashboard.md (machine, date, command, figures, targets).
#    --results FILE writes elsewhere; --note "..." records a remark (a busy machine is noted automatically).
#    The code's revision (git describe --always --dirty, or CC_BENCH_REVISION) is recorded with the figures.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

say() { printf '[dashboard.sh] %s\n' "$*"; }
die() { printf '[dashboard.sh] ERROR: %s\n' "$*" >&2; exit 1; }

ARTIFACTS=${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}
RESULTS="$ROOT/bench/results/dashboard.md"
PG_SETTINGS=${CC_BENCH_PG_SETTINGS:-"fsync=on synchronous_commit=on full_page_writes=on shared_buffers=1GB work_mem=16MB maintenance_work_mem=256MB max_wal_size=8GB checkpoint_timeout=30min"}
PG_TMP=""

for arg in "$@"; do
    case "$arg" in
        -h|--help)
            command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH (install the .NET 10 SDK)."
            dotnet build bench/CoupleConnect.Bench -c Release --nologo -v quiet --artifacts-path "$ARTIFACTS" >/dev/null \
                || die "the build failed; run: dotnet build bench/CoupleConnect.Bench"
            exec dotnet "$ARTIFACTS/bin/CoupleConnect.Bench/release/CoupleConnect.Bench.dll" dashboard --help
            ;;
        --results|--results=*) RESULTS="" ;;
    esac
done

# shellcheck disable=SC2317  # invoked via trap
cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n "$PG_TMP" ]]; then
        stop_local_cluster "$PG_TMP" || true
        rm -rf "$PG_TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH. Install the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0"

say "Building bench/CoupleConnect.Bench (Release) into $ARTIFACTS..."
dotnet build bench/CoupleConnect.Bench -c Release --nologo -v quiet --artifacts-path "$ARTIFACTS" \
    || die "the build failed (see above)."
BENCH_DLL="$ARTIFACTS/bin/CoupleConnect.Bench/release/CoupleConnect.Bench.dll"
[[ -f "$BENCH_DLL" ]] || die "the build did not produce $BENCH_DLL"

if [[ -n "${CC_BENCH_PG:-}" ]]; then
    say "Using the PostgreSQL server in CC_BENCH_PG."
    SERVER=$CC_BENCH_PG
else
    PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/coupleconnect-benchpg.XXXXXX")
    # The postgres OS user (when we run as root) must be able to reach the cluster directory.
    chmod 755 "$PG_TMP"
    say "Starting a throwaway PostgreSQL cluster in $PG_TMP..."
    start_local_cluster "$PG_TMP" --ephemeral
    # --ephemeral turns durability off (for tests); a benchmark should pay what production pays. Later settings win.
    {
        printf '\n# --- added by bench/dashboard.sh ---\n'
        for setting in $PG_SETTINGS; do
            printf '%s = %s\n' "${setting%%=*}" "${setting#*=}"
        done
    } >>"$PG_TMP/data/postgresql.conf"
    stop_local_cluster "$PG_TMP"
    start_local_cluster "$PG_TMP" --ephemeral
    SERVER=$CC_PG_CONNSTR
fi

# The command as typed, for the results file: arguments quoted only where a shell needs it.
shown=""
for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=,+@%-]+$ ]]; then
        shown+=" $arg"
    else
        shown+=" '${arg//\'/\'\\\'\'}'"
    fi
done
REVISION=${CC_BENCH_REVISION:-$(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo "unknown revision")}
args=(dashboard --server "$SERVER" --command "bench/dashboard.sh$shown" --revision "$REVISION")
if [[ -n "$RESULTS" ]]; then
    args+=(--results "$RESULTS")
fi

say "Running the benchmark..."
dotnet "$BENCH_DLL" "${args[@]}" "$@"
