#!/usr/bin/env bash
# Starts a one-machine Drove cluster: an embedded ZooKeeper, a controller and an executor on the local Docker engine
# (installed and started when missing). Prints the console URL and the credentials; Ctrl-C stops everything it started
# (containers started by the executor keep running, as they would in production).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
STATE="$ROOT/.local-cluster"
ZK_PORT=${DROVE_ZK_PORT:-2181}
mkdir -p "$STATE/zookeeper" "$STATE/logs" "$STATE/instance-logs"
export DROVE_INSTANCE_LOG_DIR="$STATE/instance-logs"

bash scripts/ensure-docker.sh

if [[ "${DROVE_SKIP_BUILD:-}" != "true" ]]; then
    echo "Building the controller and the executor (mvn package, tests skipped)…"
    mvn -B -q -ntp -DskipTests package
fi
CONTROLLER_JAR="$ROOT/drove-controller/target/drove-controller.jar"
EXECUTOR_JAR="$ROOT/drove-executor/target/drove-executor.jar"

pids=()
stop_all() {
    trap - INT TERM EXIT
    echo
    echo "Stopping the local cluster…"
    # Newest first: the executor and the controller leave ZooKeeper before it stops.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        kill "${pids[i]}" 2>/dev/null || true
        wait "${pids[i]}" 2>/dev/null || true
    done
    echo "Stopped. Logs are in $STATE/logs; containers started by the executor are left running."
    exit 0
}
trap stop_all INT TERM EXIT

wait_for() { # name url seconds
    local name=$1 url=$2 limit=$3
    for ((i = 0; i < limit; i++)); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then echo "$name is up."; return 0; fi
        sleep 1
    done
    echo "$name did not come up within ${limit}s; see $STATE/logs" >&2
    exit 1
}

echo "Starting embedded ZooKeeper on 127.0.0.1:$ZK_PORT…"
java -Xmx256m -jar "$ROOT/drove-local/target/drove-local.jar" "$ZK_PORT" "$STATE/zookeeper" \
    > "$STATE/logs/zookeeper.log" 2>&1 &
pids+=($!)
for ((i = 0; i < 30; i++)); do
    if [[ "$(echo ruok | timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$ZK_PORT; cat >&3; cat <&3" 2>/dev/null)" == imok ]]; then
        echo "ZooKeeper is up."; break
    fi
    sleep 1
done

export DROVE_ZK_CONNECTION="127.0.0.1:$ZK_PORT"
echo "Starting the controller on port 4000…"
java -Xmx512m -jar "$CONTROLLER_JAR" server config/local/controller.yml > "$STATE/logs/controller.log" 2>&1 &
pids+=($!)
wait_for "Controller" "http://127.0.0.1:4001/healthcheck" 60

echo "Starting the executor on port 3000…"
java -Xmx512m -jar "$EXECUTOR_JAR" server config/local/executor.yml > "$STATE/logs/executor.log" 2>&1 &
pids+=($!)
wait_for "Executor" "http://127.0.0.1:3001/healthcheck" 60

cat <<MSG

Drove local cluster is running.
  Console:     http://localhost:4000/
  API:         http://localhost:4000/apis/v1/
  Credentials: admin / admin (root: everything), guest / guest (read-only)
  Logs:        $STATE/logs
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "A cluster process exited on its own; see $STATE/logs" >&2
exit 1
