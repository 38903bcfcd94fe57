#!/usr/bin/env bash
# Compares the analytics engine with pandas and DuckDB on the same demo files and checks the targets:
# the five queries at least 10x faster than DuckDB, every insight type within 20 ms.
# Usage: bash bench/compare_analytics.sh [BUILD_DIR] [OPPORTUNITIES]   (defaults: build, 1000000)
# RUNS (default 5) sets the runs per query; the fastest counts. The demo files are shared with
# compare_ingest.sh (bench/out/demo-N/); the JSON lines go to bench/out/analytics-N.jsonl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
opportunities=${2:-1000000}
runs=${RUNS:-5}
results="$root/bench/out/analytics-$opportunities.jsonl"
source "$root/bench/demo_files.sh"
demo_files compare_analytics "$build" "$opportunities" bench_analytics
echo "compare_analytics: $data; machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
: >"$results"
"$build/bench_analytics" "$data" --runs "$runs" | sed 's/^{/{"engine": "crm-assistant", /' | tee -a "$results" >&2
/usr/bin/python3 "$root/bench/pandas_analytics.py" "$data" --runs "$runs" | tee -a "$results" >&2
node "$root/bench/duckdb_analytics.mjs" "$data" --runs "$runs" | tee -a "$results" >&2
/usr/bin/python3 "$root/bench/report_analytics.py" "$results"
