#!/usr/bin/env bash
# Runs the whole test suite: unit tests, contract tests and end-to-end tests on a real Docker engine and a real
# ZooKeeper. Installs and starts the Docker engine first when it is missing (needs root on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-docker.sh
bash scripts/ensure-browser.sh   # headless Chromium + chromedriver for the console's browser tests

# -T 2: the controller's and the executor's modules (both need only drove-common) build and test side by side; the
# end-to-end module waits for both.
echo "Running the test suite (mvn verify)…"
exec mvn -B -ntp -T 2 verify "$@"
