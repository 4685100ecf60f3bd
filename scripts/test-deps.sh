#!/usr/bin/env bash
# Install what only the tests need on Debian/Ubuntu, where missing:
#   chromium, driven headless by the browser test of the step-through page
#   (tests/test_stepper_browser.py uses /usr/bin/chromium; no browser download).
# Usage: scripts/test-deps.sh            (run by `make test`, after system-deps.sh)
set -euo pipefail

command -v chromium >/dev/null 2>&1 && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "micrograd_cn: please install chromium for the browser test (no apt-get here)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "micrograd_cn: installing chromium with apt-get (browser test)" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
