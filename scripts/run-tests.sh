#!/usr/bin/env bash
# Runs the whole test suite: unit tests, contract tests and end-to-end tests on a real Docker engine and a real
# ZooKeeper. Installs and starts the Docker engine first when it is missing (needs root on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-docker.sh
bash scripts/ensure-browser.sh   # headless Chromium + chromedriver for the console's browser tests

echo "Running the test suite (mvn verify)…"
exec mvn -B -ntp verify "$@"
