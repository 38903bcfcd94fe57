#!/usr/bin/env bash
# The HTTP server under load: wrk with 64 connections for 10 s on loopback against
# /api/v1/insights/pipeline_overview (and the filtered West view), on the Kaggle data.
# Target: at least 5,000 requests/s with p99 under 50 ms. Needs wrk (scripts/install-bench-deps.sh).
# Usage: bash bench/bench_server.sh BUILD_DIR [DURATION_SECONDS]
set -euo pipefail
build=${1:?usage: bash bench/bench_server.sh BUILD_DIR [DURATION_SECONDS]}
duration=${2:-10}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kaggle="$root/../shared/data/maven-crm"
command -v wrk >/dev/null || { echo "bench_server.sh: wrk is missing: bash scripts/install-bench-deps.sh" >&2; exit 1; }
[ -d "$kaggle" ] || { echo "bench_server.sh: $kaggle is absent" >&2; exit 1; }

work=$(mktemp -d)
log="$work/serve.log"
"$build/crm-assistant" --db "$work/crm.db" --data "$kaggle" serve --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
  grep -q "Serving on" "$log" && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
banner=$(grep -m1 "Serving on" "$log")
echo "$banner"
url=$(echo "$banner" | grep -o 'http://127\.0\.0\.1:[0-9]*')

for path in /api/v1/insights/pipeline_overview "/api/v1/insights/pipeline_overview?regional_office=West"; do
  curl -fsS "$url$path" >/dev/null
  echo "== GET $path: 64 connections, 2 threads, ${duration}s"
  wrk -t2 -c64 -d"${duration}s" --latency "$url$path" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors"
done
