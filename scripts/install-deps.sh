#!/usr/bin/env bash
# Installs every Debian package that building, testing and benchmarking crm-assistant needs, and the web
# npm packages of the web UI and of the browser tests (npm ci in web/ and tests/e2e/ when node_modules is
# missing or older than the lockfile).
# Idempotent: quiet when everything is already present. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libutf8proc-dev libssl-dev
  libxgboost-dev libhnswlib-dev libcurl4-openssl-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libopenblas-dev libdnnl-dev python3-numpy
  libxlsxwriter-dev libhpdf-dev zlib1g-dev
  chromium
  libsodium-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js may come from elsewhere (its own npm inside): only install Debian's when there is no npm.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
for folder in web tests/e2e; do
  installed="$root/$folder/node_modules/.package-lock.json"
  if [ ! -f "$installed" ] || [ "$root/$folder/package-lock.json" -nt "$installed" ]; then
    echo "install-deps: npm ci in $folder/" >&2
    (cd "$root/$folder" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done
