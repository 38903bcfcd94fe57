#!/usr/bin/env bash
# Installs every Debian package that building, testing and benchmarking crm-assistant needs.
# Idempotent: quiet when everything is already present. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libutf8proc-dev libssl-dev
  libxgboost-dev libhnswlib-dev libcurl4-openssl-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libopenblas-dev python3-numpy
  libsodium-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
