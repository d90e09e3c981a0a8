#!/usr/bin/env bash
# The crash run (issue 8, item 5), one command:  bench/crash.sh [options]
#
#   Default: 10,000 reminders due, 50 SIGKILLs of the real app during dispatch and send, restarted each time; at the end
#   every due reminder is counted at the SMTP sink by Message-ID (lost / duplicates). About 10-15 minutes.
#   Smaller, e.g.:     bench/crash.sh --due 1000 --kills 8 --dispatch-kills 3
#   All options:       bench/crash.sh --help
#
#  - PostgreSQL: CC_BENCH_PG, or a throwaway local cluster with production durability (as bench/reminder-dispatch.sh).
#  - Publishes the app (Release) into CC_BENCH_ARTIFACTS/publish and runs that build as its own process (the app);
#    the SMTP sink is another process (`CoupleConnect.Bench smtp-sink`). Both listen on 127.0.0.1 only.
#  - Writes bench/results/crash.md (--results FILE elsewhere; --note "..." records a remark).
set -euo pipefail

BENCH_SUBCOMMAND=crash
BENCH_SCRIPT_NAME=crash.sh
BENCH_RESULTS_FILE=crash.md
# shellcheck source=bench/lib/publish-app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/publish-app.sh"
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
