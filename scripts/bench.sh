#!/usr/bin/env bash
# Runs one of the project's benchmarks; docs/performance.md says what each measures and shows the figures of a run.
#
#   scripts/bench.sh scheduler     [name=value ...]        scheduler core: 1,000,000 placements on 5,000 simulated
#                                                          executors, both placement strategies, checked afterwards
#   scripts/bench.sh control-plane [-Dbench.name=value ...] the controller jar with 1,000 hollow executors in 4 JVMs:
#                                                          500 apps x 20 instances up and down, heap, CPU, ZK bytes
#   scripts/bench.sh api           [name=value ...]        wrk on GET /apis/v1/applications and /apis/v1/cluster with
#                                                          1,000 apps x 20 instances (installs wrk when missing)
#   scripts/bench.sh containers    [-Ddrove.bench.name=value ...]  SCALE 0->20->0 of real containers on one executor,
#                                                          where the time goes, per-instance executor overhead
#
# Builds what the bench needs with offline Maven first (BENCH_SKIP_BUILD=1 runs what target/ holds). "containers"
# uses the Docker engine and holds the test suites' lock ($DROVE_DOCKER_LOCK, default /tmp/drove-docker.lock).
set -euo pipefail
cd "$(dirname "$0")/.."

bench="${1:-}"
shift || true

build() {   # build <module>: its test classes and test classpath, with the service jars the e2e benches start
    [[ -n "${BENCH_SKIP_BUILD:-}" ]] && return
    mvn -B -q -o -pl "$1" -am -DskipTests -Djdeb.skip=true package dependency:build-classpath \
        -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
}

classpath() {   # classpath <module>: its test and main classes and test dependencies (pom-type entries left out)
    echo "$1/target/test-classes:$1/target/classes:$(tr ':' '\n' < "$1/target/bench.classpath" | grep -v '\.xml$' \
        | paste -sd:)"
}

services=(-Ddrove.controller.jar="$PWD/drove-controller/target/drove-controller.jar"
          -Ddrove.executor.jar="$PWD/drove-executor/target/drove-executor.jar")

case "$bench" in
    scheduler)
        build drove-controller
        exec java -Xmx2g -cp "$(classpath drove-controller)" dev.drove.controller.scheduler.bench.SchedulerBench "$@"
        ;;
    control-plane)
        build drove-e2e
        exec java -Xmx1g "${services[@]}" "$@" -cp "$(classpath drove-e2e)" dev.drove.e2e.bench.ControlPlaneBench
        ;;
    api)
        command -v wrk >/dev/null || apt-get install -y -qq wrk </dev/null \
            || { apt-get update -qq </dev/null && apt-get install -y -qq wrk </dev/null; }
        build drove-e2e
        exec java -Xmx1g "${services[@]}" -cp "$(classpath drove-e2e)" dev.drove.e2e.bench.ApiThroughputBench "$@"
        ;;
    containers)
        build drove-e2e
        exec flock "${DROVE_DOCKER_LOCK:-/tmp/drove-docker.lock}" java -Xmx512m "${services[@]}" "$@" \
            -cp "$(classpath drove-e2e)" dev.drove.e2e.bench.ContainerTimingsBench
        ;;
    *)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
