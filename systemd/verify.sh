#!/usr/bin/env bash
# Checks Drove's systemd units with `systemd-analyze verify`, each on its own, in a throw-away root:
#   bash systemd/verify.sh                 every unit in systemd/ and systemd/container/
#   bash systemd/verify.sh FILE.service…   just these (e.g. the unit unpacked from a .deb)
#
# The root holds a copy of this machine's systemd units (for the targets the units name), a stand-in docker.service,
# and stand-in executables for /usr/bin/java, /usr/bin/docker and /usr/bin/dockerd, so the result does not depend on
# what this machine has installed: verify checks the units' syntax, their dependencies and that every command they
# run is an absolute path to an executable. Any message from verify counts as a failure (it prints warnings for
# unknown keys and bad values but still exits 0).
#
# Needs the systemd package for systemd-analyze; installs it with apt-get when missing (as root). Exits non-zero
# when a unit has a problem; prints one line per unit checked.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"

say() { echo "verify-units: $*"; }

if ! command -v systemd-analyze >/dev/null 2>&1; then
    say "systemd-analyze is missing; installing the systemd package (apt-get)."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq </dev/null
    apt-get install -y -qq --no-install-recommends systemd </dev/null >/dev/null || true
    command -v systemd-analyze >/dev/null 2>&1 || { say "systemd-analyze is still missing." >&2; exit 1; }
fi

system_units=""
for candidate in /usr/lib/systemd/system /lib/systemd/system; do
    if [[ -e "$candidate/multi-user.target" ]]; then
        system_units="$candidate"
        break
    fi
done
[[ -n "$system_units" ]] || { say "No systemd units (multi-user.target) on this machine." >&2; exit 1; }

root="$(mktemp -d "${TMPDIR:-/tmp}/drove-verify-units.XXXXXX")"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd" "$root/usr/bin" "$root/etc/systemd/system"
ln -s usr/lib "$root/lib"
cp -a "$system_units" "$root/usr/lib/systemd/system"
for program in java docker dockerd; do
    printf '#!/bin/sh\nexit 0\n' > "$root/usr/bin/$program"
    chmod 755 "$root/usr/bin/$program"
done
# The container units require the engine's unit, which the docker.io package provides on a real machine.
cat > "$root/usr/lib/systemd/system/docker.service" <<'UNIT'
[Unit]
Description=Stand-in for the Docker engine's unit
[Service]
ExecStart=/usr/bin/dockerd
[Install]
WantedBy=multi-user.target
UNIT

if (($# == 0)); then
    set -- "$HERE"/*.service "$HERE"/container/*.service
fi

failed=0
for unit in "$@"; do
    name="$(basename "$unit")"
    rm -f "$root/etc/systemd/system/"*.service
    cp "$unit" "$root/etc/systemd/system/$name"
    if output="$(systemd-analyze verify --man=no --root="$root" "$name" 2>&1)" && [[ -z "$output" ]]; then
        say "OK   $unit"
    else
        say "FAIL $unit"
        printf '%s\n' "${output:-systemd-analyze verify failed without a message}" | sed 's/^/    /'
        failed=1
    fi
done
exit "$failed"
