#!/usr/bin/env bash
# The circuits benchmark (issue 8), one command:  bench/circuits.sh [options]
#
#   The targets' scale (the default): ramp 100 → 500 → 1,000 → 2,000 → 3,500 → 5,000 signed-in dashboard circuits,
#                               each clicking every 10–30 s, then the same on the bare .NET 10 Blazor template
#   Quicker, e.g.:              bench/circuits.sh --steps 100,500 --window 30
#   All options:                bench/circuits.sh --help
#
#  - Pins itself (the load client, the build and PostgreSQL) to core 1; the benchmark starts each app under test as
#    its own process pinned to core 0 (--app-core), Release, Production, DOTNET_GCHeapHardLimit=0xE0000000 (3.5 GiB).
#  - Raises the open-files limit: 5,000 WebSockets plus their HTTP requests need more than the usual 1,024.
#  - PostgreSQL: CC_BENCH_PG, or a throwaway local cluster (scripts/lib/postgres.sh), as for the other benchmarks.
#  - Generates the bare template with `dotnet new blazor` into bench/.generated/BareBlazor (git-ignored; see
#    bench/lib/bare-blazor.sh), builds it and bench/CoupleConnect.Bench (Release) into CC_BENCH_ARTIFACTS (default
#    /tmp/cc-bench-artifacts), runs, prints the figures and writes bench/results/circuits.md.
set -euo pipefail

if [[ -z "${CC_CIRCUITS_PINNED:-}" ]] && command -v taskset >/dev/null 2>&1 && [[ $(nproc --all) -ge 2 ]]; then
    CC_CIRCUITS_PINNED=1 exec taskset -c "${CC_CIRCUITS_CLIENT_CORE:-1}" "$0" "$@"
fi

ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt 16384 ]]; then
    printf '[circuits.sh] WARNING: only %s open files allowed; 5,000 circuits need about 12,000 (raise the hard limit).\n' "$(ulimit -n)" >&2
fi

BENCH_SUBCOMMAND=circuits
BENCH_SCRIPT_NAME=circuits.sh
BENCH_RESULTS_FILE=circuits.md

# The bare template is a separate app the benchmark starts: generated from `dotnet new blazor` and built next to the
# bench (bench/lib/bare-blazor.sh; run-benchmark.sh builds the rest). Not needed just to print the options.
if [[ " $* " != *" --help "* && " $* " != *" -h "* ]]; then
    "$(dirname "${BASH_SOURCE[0]}")/lib/bare-blazor.sh"
fi

# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
