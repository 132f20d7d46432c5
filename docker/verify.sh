#!/usr/bin/env bash
# End-to-end check of the service images on the local Docker engine, as the container units run them:
#   1. builds the base image when missing (docker/base/build-base.sh) and both service images (build-images.sh);
#   2. starts a throw-away ZooKeeper on loopback (drove-local.jar);
#   3. runs the controller and the executor images with the production env files (filled in here) passed by
#      --env-file, the production configs mounted at /etc/drove/<service>, a log folder mounted at
#      /var/log/drove/<service>, and for the executor the host's Docker socket;
#   4. waits for the executor's admin healthcheck, then the controller's, then for the controller to list the
#      executor as ACTIVE, and checks the log files appeared on the host;
#   5. removes the containers, stops ZooKeeper and deletes its files, whatever happened.
#
#   mvn -B -DskipTests package && bash docker/verify.sh
#
# Uses host networking so all traffic stays on 127.0.0.1: ports 10000, 10001, 11000 and 11001 must be free.
# Exits non-zero on the first failed check and prints the containers' logs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
TAG="${DROVE_IMAGE_TAG:-latest}"
WAIT_SECONDS="${DROVE_VERIFY_WAIT_SECONDS:-120}"
# bcrypt of the password "verify-admin" (the production config uses encoding: CRYPT).
ADMIN_HASH='$2b$10$zkhbJYUfnqyfbZb795ufq.78GXq6P5JDWKtsHj3sX8TByiC25svTK'

say() { echo "docker-verify: $*"; }
fail() {
    say "FAILED: $*" >&2
    for name in "${containers[@]}"; do
        echo "----- docker logs $name (last 40 lines) -----" >&2
        docker logs --tail 40 "$name" >&2 2>&1 || true
    done
    exit 1
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for jar in drove-controller/target/drove-controller.jar drove-executor/target/drove-executor.jar \
    drove-local/target/drove-local.jar; do
    [[ -f "$jar" ]] || { say "$jar is missing: run mvn -B -DskipTests package first." >&2; exit 1; }
done
for port in 10000 10001 11000 11001; do
    if port_busy "$port"; then
        say "Port $port on 127.0.0.1 is in use; the images listen there with host networking." >&2
        exit 1
    fi
done

run_id="drove-verify-$$"
work="$(mktemp -d "${TMPDIR:-/tmp}/$run_id.XXXXXX")"
containers=()
zk_pid=""
cleanup() {
    for name in "${containers[@]}"; do
        docker rm --force "$name" >/dev/null 2>&1 || true
    done
    if [[ -n "$zk_pid" ]]; then
        kill "$zk_pid" 2>/dev/null || true
        wait "$zk_pid" 2>/dev/null || true
    fi
    # The containers wrote their logs as root; when this script is not root, delete them from a container.
    if ! rm -rf "$work" 2>/dev/null && [[ -d "$work/log" ]]; then
        docker run --rm --volume "$work/log:/logs" --entrypoint /bin/sh "drove-executor:$TAG" \
            -c 'rm -rf /logs/*' >/dev/null 2>&1 || true
        rm -rf "$work" || true
    fi
}
trap cleanup EXIT

say "Building the images (tag $TAG)."
DROVE_IMAGE_TAG="$TAG" bash docker/build-images.sh "$TAG" >/dev/null

zk_port=2191
while port_busy "$zk_port"; do
    zk_port=$((zk_port + 1))
done
say "Starting ZooKeeper on 127.0.0.1:$zk_port."
java -Xmx128m -jar drove-local/target/drove-local.jar "$zk_port" "$work/zookeeper" >"$work/zookeeper.log" 2>&1 &
zk_pid=$!
for ((i = 0; i < 30; i++)); do
    [[ "$(echo ruok | timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$zk_port; cat >&3; cat <&3" 2>/dev/null)" == imok ]] \
        && break
    sleep 1
done
((i < 30)) || fail "ZooKeeper did not start: $(tail -5 "$work/zookeeper.log")"

# The shipped env files with what an operator fills in; small heaps for a test machine.
controller_secret="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
executor_secret="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
fill_env() { # service extra-sed
    sed -e "s|^ZK_CONNECTION_STRING=.*|ZK_CONNECTION_STRING=127.0.0.1:$zk_port|" \
        -e "s|^DROVE_CONTROLLER_SECRET=.*|DROVE_CONTROLLER_SECRET=$controller_secret|" \
        -e "s|^DROVE_EXECUTOR_SECRET=.*|DROVE_EXECUTOR_SECRET=$executor_secret|" \
        -e "s|^JAVA_PROCESS_MIN_HEAP=.*|JAVA_PROCESS_MIN_HEAP=128m|" \
        -e "s|^JAVA_PROCESS_MAX_HEAP=.*|JAVA_PROCESS_MAX_HEAP=384m|" \
        -e "$2" "config/production/$1.env"
}
for service in controller executor; do
    mkdir -p "$work/etc/$service" "$work/log/$service"
    cp "config/production/$service.yml" "$work/etc/$service/"
done
fill_env controller "s|^DROVE_INSTANCE_AUTH_SECRET=.*|DROVE_INSTANCE_AUTH_SECRET=verify-instance-secret|;\
s|^DROVE_ADMIN_PASSWORD=.*|DROVE_ADMIN_PASSWORD=$ADMIN_HASH|;s|^DROVE_GUEST_PASSWORD=.*|DROVE_GUEST_PASSWORD=$ADMIN_HASH|" \
    >"$work/etc/controller/controller.env"
fill_env executor "s|^DROVE_EXECUTOR_HOSTNAME=.*|DROVE_EXECUTOR_HOSTNAME=127.0.0.1|" >"$work/etc/executor/executor.env"

start() { # service extra docker args...
    local service=$1
    shift
    local name="$run_id-$service"
    containers+=("$name")
    docker run --detach --name "$name" --network host \
        --env-file "$work/etc/$service/$service.env" \
        --volume "$work/etc/$service:/etc/drove/$service:ro" \
        --volume "$work/log/$service:/var/log/drove/$service" \
        "$@" "drove-$service:$TAG" >/dev/null
}

wait_for() { # description command...
    local description=$1
    shift
    for ((i = 0; i < WAIT_SECONDS; i++)); do
        if "$@" >/dev/null 2>&1; then
            say "OK   $description"
            return 0
        fi
        sleep 1
    done
    fail "$description (waited ${WAIT_SECONDS}s)"
}

say "Starting the executor image against the host's Docker socket."
start executor --volume /var/run/docker.sock:/var/run/docker.sock
wait_for "executor admin healthcheck answers 200 on :11001" curl -fsS http://127.0.0.1:11001/healthcheck

say "Starting the controller image."
start controller
wait_for "controller admin healthcheck answers 200 on :10001" curl -fsS http://127.0.0.1:10001/healthcheck
executor_listed() {
    curl -fsS -u admin:verify-admin http://127.0.0.1:10000/apis/v1/cluster/executors \
        | grep -q '"hostname":"127.0.0.1","port":11000.*"state":"ACTIVE"'
}
wait_for "controller lists the executor as ACTIVE" executor_listed
wait_for "Docker reports both containers healthy" bash -c \
    "[[ \$(docker inspect -f '{{.State.Health.Status}}' ${containers[*]} | sort -u) == healthy ]]"

for file in controller/drove-controller.log controller/drove-controller-access.log controller/gc.log \
    executor/drove-executor.log executor/gc.log executor/instance-logs; do
    [[ -e "$work/log/$file" ]] || fail "/var/log/drove/$file was not written to the mounted log folder"
done
say "OK   log files written to the mounted /var/log/drove/{controller,executor}"

say "All checks passed."
