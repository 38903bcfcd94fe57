#!/usr/bin/env bash
# Installs what the benchmarks compare against: Debian's python3-pandas, python3-sklearn and python3-xgboost
# (bench/pandas_*.py, bench/python_models.py), wrk (bench/bench_server.sh)
# and the npm packages pinned by bench/package-lock.json (DuckDB, for bench/duckdb_ingest.mjs).
# Idempotent: quiet when everything is already present. Uses sudo when not root.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

missing=()
for p in python3-pandas python3-sklearn python3-xgboost wrk; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-bench-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm writes node_modules/.package-lock.json after each install: newer than the lockfile means current.
installed="$root/bench/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$root/bench/package-lock.json" -nt "$installed" ]; then
  echo "install-bench-deps: npm ci in bench/" >&2
  npm ci --prefix "$root/bench" --no-audit --no-fund --silent >/dev/null
fi
