#!/usr/bin/env bash
# Install the Debian packages the portal needs when they are missing (as root, with apt).
#   scripts/system-deps.sh            what `make run` and `make test` need
#   scripts/system-deps.sh services   plus PostgreSQL 15 and Redis, for .ci/run
set -euo pipefail
packages=(gettext poppler-utils fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 fontconfig)
if [ "${1:-}" = "services" ]; then
  packages+=(redis-server postgresql-15)
fi
if [ "${1:-}" = "browser" ] || [ "${2:-}" = "browser" ]; then
  packages+=(chromium)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
