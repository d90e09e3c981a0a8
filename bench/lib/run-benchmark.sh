#!/usr/bin/env bash
# What every benchmark script shares: sourced by bench/<name>.sh after it sets BENCH_SUBCOMMAND (the console app's
# subcommand), BENCH_SCRIPT_NAME and BENCH_RESULTS_FILE (under bench/results/). Starts a throwaway PostgreSQL cluster
# tuned like production unless CC_BENCH_PG names a server, builds bench/CoupleConnect.Bench (Release), runs the
# subcommand with the script's arguments and writes the results file.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd -P)
# shellcheck source=scripts/lib/postgres.sh
source "$ROOT/scripts/lib/postgres.sh"

say() { printf '[%s] %s\n' "$BENCH_SCRIPT_NAME" "$*"; }
die() { printf '[%s] ERROR: %s\n' "$BENCH_SCRIPT_NAME" "$*" >&2; exit 1; }

ARTIFACTS=${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}
RESULTS="$ROOT/bench/results/$BENCH_RESULTS_FILE"
PG_SETTINGS=${CC_BENCH_PG_SETTINGS:-"fsync=on synchronous_commit=on full_page_writes=on shared_buffers=1GB work_mem=16MB maintenance_work_mem=256MB max_wal_size=8GB checkpoint_timeout=30min"}
PG_TMP=""

for arg in "$@"; do
    case "$arg" in
        -h|--help)
            command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH (install the .NET 10 SDK)."
            dotnet build bench/CoupleConnect.Bench -c Release --nologo -v quiet --artifacts-path "$ARTIFACTS" >/dev/null \
                || die "the build failed; run: dotnet build bench/CoupleConnect.Bench"
            exec dotnet "$ARTIFACTS/bin/CoupleConnect.Bench/release/CoupleConnect.Bench.dll" "$BENCH_SUBCOMMAND" --help
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
        printf '\n# --- added by bench/%s ---\n' "$BENCH_SCRIPT_NAME"
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
args=("$BENCH_SUBCOMMAND" --server "$SERVER" --command "bench/$BENCH_SCRIPT_NAME$shown" --revision "$REVISION")
if [[ -n "$RESULTS" ]]; then
    args+=(--results "$RESULTS")
fi

say "Running the benchmark..."
dotnet "$BENCH_DLL" "${args[@]}" "$@"
