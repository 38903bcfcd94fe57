#!/usr/bin/env bash
# The main job of `make run`: import the demo data (or DATA) into the store, report on it, train the
# models (the weighted pipeline then uses the win model), show the pipeline overview, then serve the
# JSON API on loopback (PORT, default 8080) until interrupted.
set -euo pipefail
build=$1 db=$2 data=${3:-} port=${4:-8080}
cli="$build/crm-assistant"
if [ -z "$data" ]; then
  data="$build/demo-data"
  [ -f "$data/sales_pipeline.csv" ] || "$cli" demo-data --out "$data" --seed 42
fi
"$cli" --db "$db" import "$data"
OMP_WAIT_POLICY=PASSIVE "$cli" --db "$db" train
"$cli" --db "$db" insight pipeline_overview
echo "Ask it: curl -s localhost:$port/api/v1/ask -H 'Content-Type: application/json' -d '{\"question\": \"which deals are at risk?\"}'"
exec "$cli" --db "$db" serve --port "$port"
