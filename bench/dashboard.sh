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

BENCH_SUBCOMMAND=dashboard
BENCH_SCRIPT_NAME=dashboard.sh
BENCH_RESULTS_FILE=dashboard.md
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
