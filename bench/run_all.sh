#!/usr/bin/env bash
# Every benchmark of the project, in turn (`make bench` runs `bash bench/run_all.sh build`).
# Usage: bash bench/run_all.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: bash bench/run_all.sh BUILD_DIR}
bench=$(dirname "${BASH_SOURCE[0]}")

bash "$bench/compare_ingest.sh" "$build"
bash "$bench/compare_analytics.sh" "$build"
bash "$bench/compare_models.sh" "$build"
bash "$bench/conversation.sh" "$build" 1000000
