#!/usr/bin/env bash
# The email benchmark (issue 8), one command:  bench/email.sh [options]
#
#   The default: 2,000 pending nudges drained by the app's NudgeSender and 2,000 messages through its SMTP client alone,
#                one reused connection per batch vs a new connection per message, 3 rounds each, interleaved,
#                with plain SMTP + AUTH and with STARTTLS + AUTH, against an SMTP server on 127.0.0.1
#   Quicker, e.g.:              bench/email.sh --nudges 400 --messages 400 --rounds 1
#   All options:                bench/email.sh --help
#
#  - PostgreSQL: the server in CC_BENCH_PG (a connection string; the benchmark creates and drops its own ccbench_*
#    database there, so the role needs CREATEDB), or else a throwaway local cluster started here and deleted on
#    exit (scripts/lib/postgres.sh), tuned like a small production server: fsync and synchronous commit ON,
#    shared_buffers 1GB (override with CC_BENCH_PG_SETTINGS="name=value ...").
#  - The SMTP sink runs inside the benchmark (the SmtpServer package), on a free loopback port; nothing leaves the machine.
#  - Builds bench/CoupleConnect.Bench (Release) into CC_BENCH_ARTIFACTS (default /tmp/cc-bench-artifacts), runs it,
#    prints the figures and writes bench/results/email.md (machine, date, command, figures, targets).
#    --results FILE writes elsewhere; --note "..." records a remark (a busy machine is noted automatically).
#    The code's revision (git describe --always --dirty, or CC_BENCH_REVISION) is recorded with the figures.
set -euo pipefail

BENCH_SUBCOMMAND=email
BENCH_SCRIPT_NAME=email.sh
BENCH_RESULTS_FILE=email.md
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
