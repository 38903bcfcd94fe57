#!/usr/bin/env bash
# The conversation's benchmarks on the Kaggle data: understanding and answering questions, the entity
# linker, the intent classifier, hybrid search (and, with N, search on N demo deals).
# Usage: bash bench/conversation.sh BUILD_DIR [N]
set -euo pipefail
build=${1:?usage: bash bench/conversation.sh BUILD_DIR [N]}
deals=${2:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kaggle="$root/../shared/data/maven-crm"
if [ ! -d "$kaggle" ]; then
  echo "conversation.sh: $kaggle is absent: skipping the Kaggle benchmarks" >&2
else
  "$build/bench_ask" "$kaggle" "$root/data/nlu/heldout_independent.jsonl"
  "$build/bench_linker" "$kaggle"
  "$build/bench_intent" "$root/data/nlu/heldout.jsonl"
  "$build/bench_search" "$kaggle"
  "$build/bench_agents" "$kaggle"
fi
if [ -n "$deals" ]; then
  out="$root/bench/out/demo-$deals"
  [ -f "$out/sales_pipeline.csv" ] || "$build/crm-assistant" demo-data --out "$out" --opportunities "$deals" --seed 42
  "$build/bench_search" "$out"
fi
