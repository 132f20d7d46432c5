#!/bin/sh
# httpd runs this for a directory URL without index.html. It lets /health/ and /ready/ answer like their CGI
# scripts; busybox httpd redirects /health to /health/ (302), so a client that follows redirects may use /health.
case "$REQUEST_URI" in
    /health/*) exec /www/cgi-bin/health ;;
    /ready/*) exec /www/cgi-bin/ready ;;
esac
. /lib/drove-test-app/cgi.sh
respond "404 Not Found" "no such page: $REQUEST_URI"
