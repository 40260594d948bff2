#!/usr/bin/env bash
# Headless Chromium and a CJK font for test/graphiql: the Debian packages,
# because `npx playwright install` needs the internet. Idempotent and quiet.
# --no-install-recommends: plain `apt-get install chromium` pulls 124 packages
# (systemd included). fonts-noto-cjk: without it every Chinese character of
# the GraphiQL page renders as a box (the browser test checks this).
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then missing+=(fonts-noto-cjk); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: missing ${missing[*]} and this is not root." >&2
  echo "  Install as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

# apt's and debconf's chatter (debconf: delaying package configuration…) goes to
# a log shown only when the install fails; the version comes from dpkg, not from
# running Debian's /usr/bin/chromium wrapper, whose /dev/shm check prints a shell
# error ("[: …: unexpected operator") when findmnt reports two lines.
echo "ensure-chromium: installing ${missing[*]} (first run only)" >&2
export DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=600 "${missing[@]}"; } >"$log" 2>&1; then
  echo "ensure-chromium: installing ${missing[*]} failed:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
echo "ensure-chromium: installed $(dpkg-query -W -f='${Package} ${Version}  ' "${missing[@]}")" >&2
