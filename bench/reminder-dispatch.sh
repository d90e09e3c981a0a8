#!/usr/bin/env bash
# The reminder dispatcher benchmark (issue 5), one command:  bench/reminder-dispatch.sh [options]
#
#   Full scale (the default):   1,000,000 people, 100,000 due in one minute; naive comparison at 10,000
#   Smaller, e.g.:              bench/reminder-dispatch.sh --users 100000 --due 10000 --naive-users 1000
#   All options:                bench/reminder-dispatch.sh --help
#
#  - PostgreSQL: the server in CC_BENCH_PG (a connection string; the benchmark creates and drops its own ccbench_*
#    databases there, so the role needs CREATEDB), or else a throwaway local cluster started here and deleted on
#    exit (scripts/lib/postgres.sh), tuned like a small production server: fsync and synchronous commit ON,
#    shared_buffers 1GB (override with CC_BENCH_PG_SETTINGS="name=value ...").
#  - Builds bench/CoupleConnect.Bench (Release) into CC_BENCH_ARTIFACTS (default /tmp/cc-bench-artifacts), runs it,
#    prints the figures and writes bench/results/reminder-dispatcher.md (machine, date, command, figures, targets).
#    --results FILE writes elsewhere; --note "..." records a remark (e.g. "development run, machine busy").
#    The code's revision (git describe --always --dirty, or CC_BENCH_REVISION) is recorded with the figures.
set -euo pipefail

BENCH_SUBCOMMAND=reminder-dispatch
BENCH_SCRIPT_NAME=reminder-dispatch.sh
BENCH_RESULTS_FILE=reminder-dispatcher.md
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
