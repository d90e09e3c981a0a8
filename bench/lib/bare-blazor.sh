#!/usr/bin/env bash
# The yardstick of the circuits benchmark: the SDK's own Blazor Web App template, generated here rather than checked in,
# and built (Release) into CC_BENCH_ARTIFACTS (default /tmp/cc-bench-artifacts).   bench/lib/bare-blazor.sh
#
#  - `dotnet new blazor --interactivity Server --all-interactive --no-https` of the SDK that global.json picks (global
#    interactivity, like CoupleConnect's Routes), into bench/.generated/BareBlazor (git-ignored), fresh every time.
#  - One change: wwwroot/lib (Bootstrap, 8 MB of CSS the headless client never loads; the page still links it) is
#    removed, as in the copy bench/results/circuits.md was measured with; the build then has nothing big to compress.
#  - bench/circuits.sh runs this before the benchmark; CI runs it so the generation cannot rot unnoticed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ARTIFACTS=${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}
OUT=bench/.generated/BareBlazor

die() { printf '[bare-blazor.sh] ERROR: %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || die "'dotnet' was not found on PATH (install the .NET 10 SDK)."
rm -rf "$OUT"
dotnet new blazor --interactivity Server --all-interactive --no-https -n BareBlazor -o "$OUT" --no-restore >/dev/null \
    || die "'dotnet new blazor' failed; is the template installed? (dotnet new list blazor)"
rm -rf "$OUT/wwwroot/lib"
dotnet build "$OUT" -c Release --nologo -v quiet --artifacts-path "$ARTIFACTS" >/dev/null \
    || die "building the generated template failed; run: dotnet build $OUT"
printf '[bare-blazor.sh] Generated %s and built it into %s\n' "$OUT" "$ARTIFACTS/bin/BareBlazor/release"
