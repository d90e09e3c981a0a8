#!/usr/bin/env bash
# Checks for real that ./run.sh stops cleanly on SIGTERM, as a service manager or a script would stop it:
#   1. starts ./run.sh (Docker off, so the local PostgreSQL cluster is used) and waits until the app answers;
#   2. sends SIGTERM to run.sh alone;
#   3. expects run.sh to exit within 60 seconds with status 0, the app and every process it started gone,
#      the PostgreSQL cluster it started stopped (no postmaster.pid, no server process) and the port free.
# With --while-preparing, SIGTERM arrives during the build or the migrations instead (exit status 143 is then fine).
#
# Usage: scripts/run-sh-stops-on-sigterm.sh [--while-preparing] [port]   (default port 5099)
# The clone's local cluster must not be running already (run.sh leaves a cluster it did not start alone).
# Prints "PASS: ..." or "FAIL: ..." lines and exits 0 only when every check passed.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd -P)

while_preparing=0
if [[ "${1:-}" == --while-preparing ]]; then
    while_preparing=1
    shift
fi
port=${1:-5099}
log=$(mktemp "${TMPDIR:-/tmp}/run-sh-sigterm.XXXXXX.log")
failures=0

pass() { printf 'PASS: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

if ss -ltn 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port}\$"; then
    echo "Port $port is taken; pass another one: $0 [--while-preparing] PORT" >&2
    exit 2
fi

# A job of this (non-interactive) script is not a process-group leader, so setsid makes run.sh itself the leader of a
# new session without forking: every process run.sh starts stays in that session unless it leaves it on purpose.
ASPNETCORE_URLS="http://localhost:$port" CC_USE_DOCKER=no setsid ./run.sh >"$log" 2>&1 &
runsh=$!
if [[ $(ps -o sid= -p "$runsh" | tr -d ' ') != "$runsh" ]]; then
    echo "run.sh (pid $runsh) did not get a session of its own; cannot tell its processes apart." >&2
    kill -TERM "$runsh" 2>/dev/null
    exit 2
fi
echo "run.sh is pid $runsh, log in $log"

# Wait for the moment to send SIGTERM: the app answering, or (--while-preparing) the build or migration step running.
ready=0
for _ in $(seq 1 1200); do
    kill -0 "$runsh" 2>/dev/null || break
    if (( while_preparing )); then
        grep -q '^\[run.sh\] \(Building\|Applying database migrations\)' "$log" && { sleep 2; ready=1; break; }
    elif curl -fs -o /dev/null "http://localhost:$port/health/live"; then
        ready=1
        break
    fi
    sleep 0.5
done
if (( ! ready )); then
    fail "run.sh never got that far (see $log)"
    kill -TERM "$runsh" 2>/dev/null
    wait "$runsh"
    exit 1
fi

# The cluster run.sh started: its data directory from run.sh's own message, its server pid from postmaster.pid.
data_dir=$(sed -n 's/^\[postgres\] Starting PostgreSQL on [^ ]* (data: \(.*\), log: .*)$/\1/p' "$log" | tail -1)
if [[ -z "$data_dir" ]]; then
    fail "run.sh did not start a PostgreSQL cluster of its own (already running?); stop it and run this again"
fi
pg_pid=""
[[ -n "$data_dir" && -f "$data_dir/postmaster.pid" ]] && pg_pid=$(head -1 "$data_dir/postmaster.pid")
echo "Processes of run.sh's session before SIGTERM:"
ps -o pid=,args= -s "$runsh" | cut -c1-150 | sed 's/^/  /'
[[ -n "$pg_pid" ]] && echo "  $pg_pid (PostgreSQL server, data in $data_dir)"

started=$SECONDS
kill -TERM "$runsh"
for _ in $(seq 1 120); do
    kill -0 "$runsh" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$runsh" 2>/dev/null; then
    fail "run.sh still running 60 seconds after SIGTERM"
    kill -KILL -- "-$runsh" 2>/dev/null
fi
wait "$runsh"
rc=$?
took=$((SECONDS - started))

if (( rc == 0 )) || (( while_preparing && rc == 143 )); then
    pass "run.sh exited with status $rc, ${took}s after SIGTERM"
else
    fail "run.sh exited with status $rc after SIGTERM (see $log)"
fi

left=$(ps -o pid=,args= -s "$runsh")
if [[ -z "$left" ]]; then
    pass "no process of run.sh's session is left (build, migrations, dotnet run, the app)"
else
    fail "processes left behind:"$'\n'"$left"
    kill -KILL -- "-$runsh" 2>/dev/null
fi

if [[ -n "$data_dir" ]]; then
    # pg_ctl stop returns once the server has removed postmaster.pid, a moment before its process is reaped.
    for _ in $(seq 1 20); do
        [[ -n "$pg_pid" ]] && [[ -d /proc/$pg_pid ]] && [[ $(awk '{print $3}' "/proc/$pg_pid/stat" 2>/dev/null) != Z ]] || break
        sleep 0.5
    done
    if [[ -n "$pg_pid" ]] && [[ -d /proc/$pg_pid ]] && [[ $(awk '{print $3}' "/proc/$pg_pid/stat" 2>/dev/null) != Z ]]; then
        fail "the PostgreSQL server (pid $pg_pid, $data_dir) is still running 10 seconds after run.sh exited"
    elif [[ -e "$data_dir/postmaster.pid" ]]; then
        fail "$data_dir/postmaster.pid is left behind"
    else
        pass "the PostgreSQL cluster run.sh started is stopped ($data_dir)"
    fi
fi

if ss -ltn 2>/dev/null | awk '{print $4}' | grep -Eq "[:.]${port}\$"; then
    fail "something still listens on port $port"
else
    pass "port $port is free again"
fi

said=$(grep -E 'Received SIGTERM|Interrupted \(SIGTERM\)' "$log" | tail -1)
if [[ -n "$said" ]]; then
    pass "run.sh said it received SIGTERM: $said"
else
    fail "run.sh did not say it received SIGTERM (see $log)"
fi

if (( failures )); then
    echo "$failures check(s) failed; run.sh's output is in $log"
    exit 1
fi
echo "All checks passed."
rm -f "$log"
