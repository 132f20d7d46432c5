#!/bin/sh
# Entrypoint of Drove's service images: starts the service the image carries as
#   java -Xms$JAVA_PROCESS_MIN_HEAP -Xmx$JAVA_PROCESS_MAX_HEAP $JAVA_OPTS -jar $DROVE_JAR server $CONFIG_FILE_PATH
# with the variables of the docs' env files (controller.env, executor.env; passed with `docker run --env-file`).
# Without a heap size the JVM sizes itself from the container's memory limit. Arguments given to `docker run`
# after the image name replace `server $CONFIG_FILE_PATH` (e.g. `check /etc/drove/controller/controller.yml`).
set -eu

# docker's --env-file keeps quotes as part of a value, and the docs' env files quote some values
# (ZK_CONNECTION_STRING="host:2181"); take "value" as value, as systemd does.
for name in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=".*"$/\1/p'); do
    eval "value=\${$name}"
    value="${value#\"}"
    export "$name=${value%\"}"
done

: "${DROVE_JAR:?DROVE_JAR must name the service jar (set by the image)}"
CONFIG_FILE_PATH="${CONFIG_FILE_PATH:-/etc/drove/${DROVE_SERVICE:-service}/${DROVE_SERVICE:-service}.yml}"

if [ "$#" -eq 0 ]; then
    if [ ! -r "$CONFIG_FILE_PATH" ]; then
        echo "entrypoint: config file $CONFIG_FILE_PATH is missing or unreadable (set CONFIG_FILE_PATH)" >&2
        exit 1
    fi
    set -- server "$CONFIG_FILE_PATH"
fi

heap=""
if [ -n "${JAVA_PROCESS_MIN_HEAP:-}" ]; then
    heap="-Xms$JAVA_PROCESS_MIN_HEAP"
fi
if [ -n "${JAVA_PROCESS_MAX_HEAP:-}" ]; then
    heap="$heap -Xmx$JAVA_PROCESS_MAX_HEAP"
fi

# JAVA_OPTS and the heap flags are split at spaces on purpose; no file-name expansion.
set -f
# shellcheck disable=SC2086
exec java $heap ${JAVA_OPTS:-} -jar "$DROVE_JAR" "$@"
