#!/usr/bin/env bash
# Compares the data layer with pandas and DuckDB on the same demo CSV files and checks the targets.
# Usage: bash bench/compare_ingest.sh [BUILD_DIR] [OPPORTUNITIES]   (defaults: build, 1000000)
# RUNS (default 3) sets the runs per benchmark; the fastest counts. The demo files are generated once
# into bench/out/demo-N/; the JSON lines of every benchmark go to bench/out/ingest-N.jsonl.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
opportunities=${2:-1000000}
runs=${RUNS:-3}
out="$root/bench/out"
db="$out/ingest-$opportunities.db"
source "$root/bench/demo_files.sh"
demo_files compare_ingest "$build" "$opportunities" bench_ingest

# A second folder with the same files but no activities.csv: the layout the targets were first set on.
pipeline_only="$data-pipeline-only"
mkdir -p "$pipeline_only"
for file in accounts.csv products.csv sales_teams.csv sales_pipeline.csv; do
  ln -f "$data/$file" "$pipeline_only/$file"
done

run() {
  echo "compare_ingest: ${*:2}" >&2
  "${@:2}" | tee -a "$1" >&2
}
# Runs ours, pandas and DuckDB on one folder and prints the table and the targets.
compare() {
  local folder=$1 results=$2
  echo "compare_ingest: $folder; machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
  : >"$results"
  run "$results" "$build/bench_ingest" csv "$folder" --runs "$runs"
  run "$results" "$build/bench_ingest" save "$folder" "$db" --runs "$runs"
  run "$results" "$build/bench_ingest" load "$db" --runs "$runs"
  run "$results" /usr/bin/python3 "$root/bench/pandas_ingest.py" "$folder" --runs "$runs"
  run "$results" node "$root/bench/duckdb_ingest.mjs" "$folder" --runs "$runs"
  rm -f "$db" "$db-wal" "$db-shm"
  /usr/bin/python3 "$root/bench/report_ingest.py" "$results" "$opportunities"
}

echo "== demo files with activities"
compare "$data" "$out/ingest-$opportunities.jsonl"
echo
echo "== the same files without activities.csv"
compare "$pipeline_only" "$out/ingest-$opportunities-pipeline-only.jsonl"
