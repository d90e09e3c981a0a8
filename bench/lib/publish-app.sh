#!/usr/bin/env bash
# Sourced by the benchmarks that run the real app as a process of its own (crash.sh, two-instances.sh), before
# run-benchmark.sh: publishes src/CoupleConnect.Web (Release) into CC_BENCH_ARTIFACTS/publish and exports
# CC_BENCH_APP_DLL, the published CoupleConnect.Web.dll the benchmark starts with `dotnet`.
set -euo pipefail

_publish_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
_publish_artifacts=${CC_BENCH_ARTIFACTS:-/tmp/cc-bench-artifacts}
case " $* " in
    *" --help "*|*" -h "*) ;;
    *)
        printf '[%s] Publishing src/CoupleConnect.Web (Release) into %s/publish...\n' "${BENCH_SCRIPT_NAME:-bench}" "$_publish_artifacts"
        dotnet publish "$_publish_root/src/CoupleConnect.Web" -c Release --nologo -v quiet --artifacts-path "$_publish_artifacts" >/dev/null \
            || { printf 'ERROR: publishing the app failed; run: dotnet publish src/CoupleConnect.Web -c Release\n' >&2; exit 1; }
        ;;
esac
export CC_BENCH_APP_DLL="$_publish_artifacts/publish/CoupleConnect.Web/release/CoupleConnect.Web.dll"
