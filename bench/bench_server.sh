#!/usr/bin/env bash
# The HTTP server under load: wrk with 64 connections for 10 s on loopback against
# /api/v1/insights/pipeline_overview (and the filtered West view), on the Kaggle data: first as the local
# admin (no users), then signed in with API tokens (an admin, and a rep whose workspace is their part).
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
cli=("$build/crm-assistant" --db "$work/crm.db" --data "$kaggle")
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

# Starts the server (with extra serve options) and sets $url.
start() {
  "${cli[@]}" serve --port 0 "$@" >"$log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    grep -q "Serving on" "$log" && break
    kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  banner=$(grep -m1 "Serving on" "$log")
  echo "$banner"
  url=$(echo "$banner" | grep -o 'http://127\.0\.0\.1:[0-9]*')
}

# Loads both insight paths as $1 (a label) with the extra curl/wrk header $2 (may be empty).
load() {
  local label=$1 header=$2
  for path in /api/v1/insights/pipeline_overview "/api/v1/insights/pipeline_overview?regional_office=West"; do
    curl -fsS ${header:+-H "$header"} "$url$path" >/dev/null
    echo "== $label: GET $path: 64 connections, 2 threads, ${duration}s"
    wrk -t2 -c64 -d"${duration}s" --latency ${header:+-H "$header"} "$url$path" |
      grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors"
  done
}

start
load "local admin" ""
kill "$server"; wait "$server" 2>/dev/null || true

agent=$(sed -n 2p "$kaggle/sales_teams.csv" | cut -d, -f1)
echo "bench-password" | "${cli[@]}" user add bench-admin --role admin --password-stdin >/dev/null
echo "bench-password" | "${cli[@]}" user add bench-rep --role rep --sales-agent "$agent" --password-stdin >/dev/null
admin_token=$("${cli[@]}" user token bench-admin)
rep_token=$("${cli[@]}" user token bench-rep)
start --rate-limit 0
load "admin token" "Authorization: Bearer $admin_token"
load "rep token ($agent)" "Authorization: Bearer $rep_token"
