#!/usr/bin/env bash
# Makes sure this machine can run the web console's browser tests (drove-e2e ConsoleIT): Debian's headless Chromium
# and the matching chromedriver, driven by Selenium with the system browser (Selenium Manager never downloads one).
#   1. /usr/bin/chromium and /usr/bin/chromedriver exist -> else apt-get install chromium chromium-driver;
#   2. a sans-serif font that screenshots can use       -> else apt-get install fonts-liberation.
# Idempotent: on a machine where all of that already holds it only reports. Needs root to install. Runs unattended
# (CI=true, no stdin). Overridable for testing the script itself: DROVE_CHROMIUM (default /usr/bin/chromium),
# DROVE_CHROMEDRIVER (default /usr/bin/chromedriver).
set -euo pipefail

CHROMIUM="${DROVE_CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${DROVE_CHROMEDRIVER:-/usr/bin/chromedriver}"
export DEBIAN_FRONTEND=noninteractive

say() { echo "ensure-browser: $*"; }

apt_updated=false
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        say "Cannot install $* automatically: apt-get is not available on this machine." >&2
        exit 1
    fi
    if [[ "$apt_updated" == false ]]; then
        say "Refreshing the package lists (apt-get update)."
        apt-get update -qq </dev/null
        apt_updated=true
    fi
    say "Installing $* (apt-get install)."
    if ! apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null; then
        say "apt-get install $* reported an error; checking whether it is usable anyway." >&2
    fi
}

# "Chromium 120.0.6099.224 built on Debian ..." -> 120; the driver must be of the browser's major version.
major_version() {
    "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 | cut -d. -f1
}

ensure_browser() {
    if [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]]; then
        say "Chromium and chromedriver are installed ($CHROMIUM, $CHROMEDRIVER)."
    else
        say "Chromium or chromedriver is missing ($CHROMIUM, $CHROMEDRIVER)."
        apt_install chromium chromium-driver
        [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] || {
            say "chromium and chromium-driver were installed but $CHROMIUM or $CHROMEDRIVER is still missing." >&2
            exit 1
        }
    fi
    local browser driver
    browser="$(major_version "$CHROMIUM")"
    driver="$(major_version "$CHROMEDRIVER")"
    if [[ -z "$browser" || "$browser" != "$driver" ]]; then
        say "Chromium ($browser) and chromedriver ($driver) are not of the same version; reinstalling both."
        apt_install chromium chromium-driver
        browser="$(major_version "$CHROMIUM")"
        driver="$(major_version "$CHROMEDRIVER")"
        [[ -n "$browser" && "$browser" == "$driver" ]] || {
            say "Chromium ($browser) and chromedriver ($driver) still differ; the browser tests cannot run." >&2
            exit 1
        }
    fi
    say "Chromium $browser with a matching chromedriver."
}

ensure_fonts() {
    if command -v fc-list >/dev/null 2>&1 && fc-list : family 2>/dev/null | grep -qiE 'liberation sans|dejavu sans'; then
        say "A sans-serif font for screenshots is installed."
        return
    fi
    apt_install fonts-liberation
}

ensure_browser
ensure_fonts
