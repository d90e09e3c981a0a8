#!/usr/bin/env bash
# Two app instances behind nginx (issue 8, item 6), one command:  bench/two-instances.sh [options]
#
#   Default: 2,000 people, their day of reminders compressed into 3 minutes, two instances of the published app on two
#   loopback ports against one PostgreSQL, Debian's nginx (apt-get install -y nginx) with deploy/nginx/coupleconnect.conf
#   in front, Debian's Chromium (/usr/bin/chromium) for two phones. About 6 minutes.
#   All options:  bench/two-instances.sh --help
#
#  - Checks: a login cookie from one instance valid on the other; a positive logged on one instance live on a dashboard
#    served by the other; the instance serving that dashboard stopped mid-day: the browser reconnects to the other
#    through nginx, and at the SMTP sink every reminder arrives exactly once.
#  - Writes bench/results/two-instances.md and two-instances-after-failover.png (--results FILE elsewhere).
set -euo pipefail

BENCH_SUBCOMMAND=two-instances
BENCH_SCRIPT_NAME=two-instances.sh
BENCH_RESULTS_FILE=two-instances.md
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || { echo "[two-instances.sh] ERROR: nginx is needed: apt-get install -y nginx" >&2; exit 1; }
[[ -x "${COUPLECONNECT_CHROMIUM:-/usr/bin/chromium}" ]] || { echo "[two-instances.sh] ERROR: Chromium is needed: apt-get install -y chromium" >&2; exit 1; }
# shellcheck source=bench/lib/publish-app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/publish-app.sh"
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
