#!/usr/bin/env bash
# Builds the drove-controller and drove-executor images from the jars Maven built, on the local Docker engine:
#   mvn -B -DskipTests package            (makes drove-*/target/drove-*.jar)
#   bash docker/build-images.sh [TAG]      default tag: latest
#
# BASE_IMAGE (default drove-jre:17) is the image both build FROM; when it is drove-jre:17 and missing, it is made
# first with docker/base/build-base.sh (offline, from this machine's JDK). Each build context is a scratch folder
# holding only the Dockerfile, the jar, the production config and the entrypoint. Prints the image names.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
TAG="${1:-latest}"
BASE_IMAGE="${BASE_IMAGE:-drove-jre:17}"

say() { echo "build-images: $*" >&2; }

if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    if [[ "$BASE_IMAGE" == drove-jre:17 ]]; then
        say "Base image $BASE_IMAGE is missing; building it."
        bash docker/base/build-base.sh "$BASE_IMAGE" >/dev/null
    else
        say "Base image $BASE_IMAGE is missing; pull or build it first." 
        exit 1
    fi
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/drove-images.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for service in controller executor; do
    jar="$ROOT/drove-$service/target/drove-$service.jar"
    [[ -f "$jar" ]] || { say "$jar is missing: run mvn -B -DskipTests package first."; exit 1; }
    context="$work/$service"
    mkdir -p "$context"
    cp "docker/$service/Dockerfile" docker/entrypoint.sh "config/production/$service.yml" "$jar" "$context/"
    image="drove-$service:$TAG"
    say "Building $image FROM $BASE_IMAGE."
    docker build --build-arg "BASE_IMAGE=$BASE_IMAGE" --tag "$image" "$context" >"$work/$service.log" 2>&1 \
        || { cat "$work/$service.log" >&2; exit 1; }
    echo "$image"
done
