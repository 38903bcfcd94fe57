#!/usr/bin/env bash
# Compares training and 5-fold cross-validation of the three models with the same work done in the
# original project's stack (pandas + scikit-learn + xgboost, bench/python_models.py) on the Kaggle files,
# then times training and scoring on generated data of OPPORTUNITIES deals.
# Usage: bash bench/compare_models.sh [BUILD_DIR] [KAGGLE_DIR] [OPPORTUNITIES]
#        (defaults: build, ../shared/data/maven-crm, 1000000)
# Targets (issue #4): train + CV of all models 10x faster than the Python script; training on 1M deals
# within 60 s; one score with its reasons within 1 ms; every open deal of 1M within 2 s.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-build}" && pwd)
kaggle=${2:-$root/../shared/data/maven-crm}
opportunities=${3:-1000000}
export OMP_WAIT_POLICY=PASSIVE  # both sides: OpenMP threads sleep instead of spinning between trees
source "$root/bench/demo_files.sh"
demo_files compare_models "$build" "$opportunities" bench_models
echo "compare_models: machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
ours=$("$build/bench_models" "$kaggle" --runs 3 --train-only | tee /dev/stderr | grep '"train_all"')
python=$(cd "$root/bench" && /usr/bin/python3 python_models.py "$kaggle" | tee /dev/stderr)
/usr/bin/python3 - "$ours" "$python" <<'PY'
import json, sys
ours, python = json.loads(sys.argv[1]), json.loads(sys.argv[2])
ratio = python["total_s"] * 1000 / ours["ms"]
cpu_ratio = python["cpu_s"] * 1000 / ours["cpu_ms"]
print(f"train + 5-fold CV of 3 models on Kaggle: crm-assistant {ours['ms'] / 1000:.2f} s "
      f"({ours['cpu_ms'] / 1000:.2f} CPU s), pandas+sklearn+xgboost {python['total_s']:.2f} s "
      f"({python['cpu_s']:.2f} CPU s): {ratio:.1f}x wall, {cpu_ratio:.1f}x CPU (target 10x)")
PY
echo "compare_models: $opportunities generated deals in $data" >&2
"$build/bench_models" "$data" --runs 1
