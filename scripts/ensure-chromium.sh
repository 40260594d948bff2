#!/usr/bin/env bash
# Headless Chromium for test/graphiql: the Debian package, because
# `npx playwright install` needs the internet. Idempotent.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing and this is not root." >&2
  echo "  Install it as root: apt-get update && apt-get install -y chromium" >&2
  exit 1
fi

apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
/usr/bin/chromium --version
