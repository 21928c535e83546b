#!/usr/bin/env bash
# Entry point of the benchmarks: bench/run.sh [normalize|lock|sign|cache-key|compare|audit|vendor|all] (default: all).
# Builds and installs the plugin when its sources changed, runs each benchmark, prints its tables and
# writes bench/results/<name>.md. See docs/benchmarks.md.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() { echo "usage: $0 [normalize|lock|sign|cache-key|compare|audit|vendor|all]" >&2; exit 2; }

case "${1:-all}" in
    normalize | lock | sign | cache-key | compare | audit | vendor) benches=("$1") ;;
    all) benches=(normalize lock sign cache-key compare audit vendor) ;;
    -h | --help) usage ;;
    *) echo "unknown benchmark '$1'" >&2; usage ;;
esac

status=0
for b in "${benches[@]}"; do
    echo "### bench/$b" >&2
    "$bench_dir/$b/run.sh" || { status=$?; echo "### bench/$b failed (exit $status)" >&2; }
done
exit "$status"
