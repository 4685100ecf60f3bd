#!/usr/bin/env bash
# Install the system packages micrograd_cn needs on Debian/Ubuntu, only where missing:
#   graphviz (the `dot` program that draws computation graphs) and a CJK font,
#   so that Chinese labels render in the SVGs.
#   With --test also chromium, which the browser tests drive headless (/usr/bin/chromium;
#   no browser download), and nodejs, which checks the pages' JavaScript.
# Usage: scripts/system-deps.sh            (what `make demo` needs)
#        scripts/system-deps.sh --test     (what `make test` needs)
set -euo pipefail

missing=()
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if ! fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK'; then
  missing+=(fonts-wqy-microhei fontconfig)
fi
if [ "${1:-}" = "--test" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
# node checks the pages' JavaScript (node --check in tests/test_house.py)
if [ "${1:-}" = "--test" ] && ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "micrograd_cn: please install: ${missing[*]} (no apt-get here)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "micrograd_cn: installing ${missing[*]} with apt-get" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
