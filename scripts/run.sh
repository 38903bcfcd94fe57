#!/usr/bin/env bash
# The main job of `make run`: import the demo data (or DATA) into the store, report on it and show the
# pipeline overview.
set -euo pipefail
build=$1 db=$2 data=${3:-}
cli="$build/crm-assistant"
if [ -z "$data" ]; then
  data="$build/demo-data"
  [ -f "$data/sales_pipeline.csv" ] || "$cli" demo-data --out "$data" --seed 42
fi
"$cli" --db "$db" import "$data"
"$cli" --db "$db" insight pipeline_overview
