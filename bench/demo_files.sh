# Shared by the comparison scripts (sourced, not run): checks the programs a comparison needs and makes
# the demo files of N opportunities once into bench/out/demo-N/.
# Usage: source bench/demo_files.sh; demo_files NAME BUILD_DIR N PROGRAM...   (sets $data)

# Installs the comparison's dependencies, checks BUILD_DIR/PROGRAM for each PROGRAM, generates
# bench/out/demo-N (seed 42) when absent and sets `data` to its path.
demo_files() {
  local name=$1 build=$2 opportunities=$3
  shift 3
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  bash "$root/scripts/install-bench-deps.sh"
  for program in crm-assistant "$@"; do
    if [ ! -x "$build/$program" ]; then
      echo "$name: $build/$program missing: build it first (make build)" >&2
      exit 1
    fi
  done
  mkdir -p "$root/bench/out"
  data="$root/bench/out/demo-$opportunities"
  if [ ! -f "$data/sales_pipeline.csv" ]; then
    echo "$name: generating $opportunities demo opportunities into $data" >&2
    rm -rf "$data.partial"
    "$build/crm-assistant" demo-data --out "$data.partial" --opportunities "$opportunities" --seed 42 >/dev/null
    mv "$data.partial" "$data"
  fi
}
