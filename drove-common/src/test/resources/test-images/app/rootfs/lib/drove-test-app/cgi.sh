# Sourced by every CGI script of drove-test/app.
# log_request: one line per request in the container log (stderr of a CGI script is the container's stdout).
log_request() {
    echo "drove-test-app ${REQUEST_METHOD:-GET} ${REQUEST_URI:-$SCRIPT_NAME}" >&2
}
# respond <status> [body...]: e.g. respond "500 Internal Server Error" unhealthy
respond() {
    STATUS="$1"
    shift
    printf 'Status: %s\r\nContent-Type: text/plain\r\n\r\n' "$STATUS"
    if [ $# -gt 0 ]; then
        printf '%s\n' "$*"
    fi
}
log_request
