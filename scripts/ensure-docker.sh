#!/usr/bin/env bash
# Makes sure this machine can run the test suite's containers:
#   1. the Docker engine (dockerd) is installed   -> apt-get install docker.io when it is missing;
#   2. a statically linked busybox exists          -> apt-get install busybox-static when /bin/busybox is missing or
#                                                     dynamic (the test images are FROM scratch and copy it in);
#   3. the engine keeps containers running while it restarts ("live-restore": true in /etc/docker/daemon.json,
#      written when the file is missing; a running engine is told to reload it with SIGHUP) -- the executor's
#      engine-restart tests rely on it, and it is what an executor host wants anyway;
#   4. the engine answers on its socket            -> systemctl start docker (systemd as PID 1), otherwise
#                                                     nohup dockerd in the background, then wait up to 60 s.
# Idempotent: on a machine where all of that already holds it only reports. Needs root for steps that change
# something. Runs unattended (CI=true, no stdin).
#
# Overridable for testing the script itself: DOCKER_SOCKET (default /var/run/docker.sock),
# DROVE_DOCKERD_LOG (default /var/log/drove-dockerd.log), DROVE_DOCKERD_WAIT_SECONDS (default 60),
# DROVE_TEST_BUSYBOX (the busybox the test images use, default /bin/busybox),
# DROVE_DOCKER_CONFIG (the engine's configuration file, default /etc/docker/daemon.json).
set -euo pipefail

DOCKER_SOCKET="${DOCKER_SOCKET:-/var/run/docker.sock}"
DOCKERD_LOG="${DROVE_DOCKERD_LOG:-/var/log/drove-dockerd.log}"
WAIT_SECONDS="${DROVE_DOCKERD_WAIT_SECONDS:-60}"
BUSYBOX="${DROVE_TEST_BUSYBOX:-/bin/busybox}"
DOCKER_CONFIG_FILE="${DROVE_DOCKER_CONFIG:-/etc/docker/daemon.json}"
export DEBIAN_FRONTEND=noninteractive

say() { echo "ensure-docker: $*"; }

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
    # A package's post-install step may fail without an init system; what counts is whether the program is usable,
    # which every caller checks right after.
    if ! apt-get install -y -qq --no-install-recommends "$@" </dev/null >/dev/null; then
        say "apt-get install $* reported an error; checking whether it is usable anyway." >&2
    fi
}

# True when the file is an ELF executable without a program interpreter, i.e. statically linked.
is_static() {
    local file="$1"
    [[ -x "$file" ]] || return 1
    if command -v file >/dev/null 2>&1; then
        local description
        description="$(file -L "$file")"
        [[ "$description" == *"statically linked"* || "$description" == *"static-pie linked"* ]]
        return
    fi
    if command -v ldd >/dev/null 2>&1; then
        ldd "$file" 2>&1 | grep -q "not a dynamic executable"
        return
    fi
    # Neither tool: a dynamic executable names its interpreter (ld-linux / ld-musl) near the start of the file.
    ! head -c 4096 "$file" | grep -qa "/ld-"
}

engine_version() {
    local version
    if command -v docker >/dev/null 2>&1 \
        && version="$(DOCKER_HOST="unix://$DOCKER_SOCKET" docker version --format '{{.Server.Version}}' 2>/dev/null)" \
        && [[ -n "$version" ]]; then
        echo "$version"
        return 0
    fi
    command -v curl >/dev/null 2>&1 || return 1
    [[ -S "$DOCKER_SOCKET" ]] || return 1
    local answer
    answer="$(curl -fsS --max-time 5 --unix-socket "$DOCKER_SOCKET" http://localhost/version 2>/dev/null)" || return 1
    sed -n 's/.*"Version":"\([^"]*\)".*/\1/p' <<<"$answer" | head -n 1
}

ensure_dockerd_installed() {
    if command -v dockerd >/dev/null 2>&1; then
        say "Docker engine is installed ($(command -v dockerd))."
        return
    fi
    say "Docker engine (dockerd) is not installed."
    apt_install docker.io
    command -v dockerd >/dev/null 2>&1 || { say "docker.io was installed but dockerd is still missing." >&2; exit 1; }
    say "Docker engine is installed ($(command -v dockerd))."
}

ensure_static_busybox() {
    if is_static "$BUSYBOX"; then
        say "Static busybox for the test images is at $BUSYBOX."
        return
    fi
    if [[ -e "$BUSYBOX" ]]; then
        say "$BUSYBOX is dynamically linked; the test images need a static one."
    else
        say "$BUSYBOX is missing; the test images need a static busybox."
    fi
    apt_install busybox-static
    is_static "$BUSYBOX" || { say "Still no static busybox at $BUSYBOX after installing busybox-static." >&2; exit 1; }
    say "Static busybox for the test images is at $BUSYBOX."
}

start_engine() {
    if [[ "$(cat /proc/1/comm 2>/dev/null || true)" == systemd ]] && systemctl cat docker.service >/dev/null 2>&1; then
        say "Starting the Docker engine with systemctl start docker."
        systemctl start docker
    else
        say "Starting the Docker engine in the background (log: $DOCKERD_LOG)."
        mkdir -p "$(dirname "$DOCKERD_LOG")"
        # Containers inherit the engine's open-files limit as their ceiling (executors ask for up to 470000, as
        # systemd's docker.service allows); raise it as far as this machine lets us.
        ulimit -Hn 1048576 2>/dev/null || true
        ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
        say "The engine may open up to $(ulimit -n) files per container."
        # Detached from this shell: in a session of its own (so a signal to the caller's process group, say a CI
        # job's timeout, does not stop the engine) and without the files it has open beyond stdio (an inherited lock,
        # say a flock around the test command, would otherwise stay held for the engine's whole life).
        (
            for fd in /proc/self/fd/*; do
                fd="${fd##*/}"
                if (( fd > 2 )); then
                    eval "exec ${fd}>&-" 2>/dev/null || true
                fi
            done
            exec setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null
        ) &
    fi
}

ensure_engine_running() {
    local version
    if version="$(engine_version)" && [[ -n "$version" ]]; then
        say "Docker engine is running (version $version)."
        return
    fi
    say "Docker engine does not answer on $DOCKER_SOCKET."
    start_engine
    local deadline=$((SECONDS + WAIT_SECONDS))
    while ((SECONDS < deadline)); do
        if version="$(engine_version)" && [[ -n "$version" ]]; then
            say "Docker engine is running (version $version)."
            return
        fi
        sleep 1
    done
    say "Docker engine did not answer within ${WAIT_SECONDS} s. Last lines of $DOCKERD_LOG:" >&2
    tail -n 30 "$DOCKERD_LOG" >&2 2>/dev/null || true
    exit 1
}

# Writes "live-restore": true into the engine's configuration when the file is missing, or adds it with jq when the
# file exists without the key. An explicit "live-restore": false is the operator's choice and is left alone.
ensure_live_restore_configured() {
    if [[ ! -e "$DOCKER_CONFIG_FILE" ]]; then
        mkdir -p "$(dirname "$DOCKER_CONFIG_FILE")"
        echo '{ "live-restore": true }' >"$DOCKER_CONFIG_FILE"
        say "Wrote $DOCKER_CONFIG_FILE with live-restore enabled (containers keep running while the engine restarts)."
        return
    fi
    if grep -q '"live-restore"[[:space:]]*:[[:space:]]*true' "$DOCKER_CONFIG_FILE"; then
        say "Live restore is configured in $DOCKER_CONFIG_FILE."
    elif grep -q '"live-restore"' "$DOCKER_CONFIG_FILE"; then
        say "$DOCKER_CONFIG_FILE turns live-restore off; leaving it (engine restarts will stop containers)." >&2
    elif command -v jq >/dev/null 2>&1; then
        local merged
        merged="$(jq '. + {"live-restore": true}' "$DOCKER_CONFIG_FILE")"
        echo "$merged" >"$DOCKER_CONFIG_FILE"
        say "Added live-restore to $DOCKER_CONFIG_FILE."
    else
        say "$DOCKER_CONFIG_FILE has no live-restore key and jq is missing to add it; add \"live-restore\": true by hand." >&2
    fi
}

live_restore_enabled() {
    command -v docker >/dev/null 2>&1 || return 1
    [[ "$(DOCKER_HOST="unix://$DOCKER_SOCKET" docker info --format '{{.LiveRestoreEnabled}}' 2>/dev/null)" == true ]]
}

# A running engine that predates the configuration rereads it on SIGHUP (live-restore is a reloadable option).
ensure_live_restore_active() {
    if live_restore_enabled; then
        say "The engine has live restore enabled."
        return
    fi
    local pid
    pid="$(pidof dockerd 2>/dev/null | awk '{print $1}')" || true
    if [[ -z "$pid" ]]; then
        say "Cannot tell whether live restore is on (no dockerd process visible)." >&2
        return
    fi
    say "Asking the running engine (pid $pid) to reload $DOCKER_CONFIG_FILE."
    kill -HUP "$pid"
    local deadline=$((SECONDS + 10))
    while ((SECONDS < deadline)); do
        if live_restore_enabled; then
            say "The engine has live restore enabled."
            return
        fi
        sleep 1
    done
    say "The engine still reports live restore off; engine restarts will stop containers." >&2
}

ensure_dockerd_installed
ensure_static_busybox
ensure_live_restore_configured
ensure_engine_running
ensure_live_restore_active
