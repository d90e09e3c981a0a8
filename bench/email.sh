#!/usr/bin/env bash
# The email benchmark (issue 8), one command:  bench/email.sh [options]
#
#   The default: 2,000 pending reminders drained by the app's ReminderSender and 2,000 messages through its SMTP client alone,
#                one reused connection per batch vs a new connection per message, 3 rounds each, interleaved,
#                with plain SMTP + AUTH and with STARTTLS + AUTH, against an SMTP server on 127.0.0.1
#   Quicker, e.g.:              bench/email.sh --reminders 400 --messages 400 --rounds 1
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

# STARTTLS: a self-signed certificate for 127.0.0.1 (made once, kept with the build output), trusted by this run only:
# SSL_CERT_FILE names the system's CA bundle plus it, so the app's unchanged SMTP client validates the sink as it
# would a real server, and nothing on the machine changes.
TLS_DIR="${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}/email-tls"
if [[ ! -s "$TLS_DIR/sink.crt" || ! -s "$TLS_DIR/sink.key" ]]; then
    mkdir -p "$TLS_DIR"
    openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 30 -subj "/CN=smtp.bench.local" \
        -addext "subjectAltName=IP:127.0.0.1" -keyout "$TLS_DIR/sink.key" -out "$TLS_DIR/sink.crt" 2>/dev/null \
        || { echo "[email.sh] ERROR: openssl could not make the sink's certificate (install openssl, or pass --security none)" >&2; exit 1; }
fi
system_bundle=${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}
cat "$system_bundle" "$TLS_DIR/sink.crt" >"$TLS_DIR/trust.pem" 2>/dev/null || cp "$TLS_DIR/sink.crt" "$TLS_DIR/trust.pem"
export SSL_CERT_FILE="$TLS_DIR/trust.pem"
export CC_BENCH_EMAIL_TLS_CERT="$TLS_DIR/sink.crt" CC_BENCH_EMAIL_TLS_KEY="$TLS_DIR/sink.key"

BENCH_SUBCOMMAND=email
BENCH_SCRIPT_NAME=email.sh
BENCH_RESULTS_FILE=email.md
# shellcheck source=bench/lib/run-benchmark.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/run-benchmark.sh"
