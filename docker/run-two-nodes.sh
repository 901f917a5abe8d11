#!/usr/bin/env bash
# Two Metodichka nodes on one PostgreSQL database, signing in through the local Keycloak
# (docker/keycloak/run-local.sh), without Docker: the topology of compose.yml minus the proxy.
#   docker/run-two-nodes.sh            # nodes on http://localhost:8107 and http://localhost:8108
# Needs the jar (mvn package -DskipTests) and PostgreSQL at 127.0.0.1:5432. Ctrl-C stops both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${METODICHKA_JAR:-$root/target/metodichka.jar}"
db="${METODICHKA_DB_URL:-postgresql://postgres@127.0.0.1:5432/metodichka_nodes}"
first="${FIRST_PORT:-8107}"
second="${SECOND_PORT:-8108}"
export METODICHKA_DB_URL="$db"
export METODICHKA_ADMIN_PASSWORD="${METODICHKA_ADMIN_PASSWORD:-admin12345}"
export METODICHKA_OIDC_ISSUER="${METODICHKA_OIDC_ISSUER:-http://127.0.0.1:8180/realms/metodichka}"
export METODICHKA_OIDC_CLIENT_SECRET="${METODICHKA_OIDC_CLIENT_SECRET:-metodichka-dev-secret}"
export METODICHKA_OIDC_BUTTON_LABEL="${METODICHKA_OIDC_BUTTON_LABEL:-Keycloak}"
data="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$data"' EXIT
# The first node migrates the database and creates the administrator; then the second starts.
METODICHKA_HTTP_PORT="$first" METODICHKA_DATA_DIR="$data/1" java -jar "$jar" "$@" &
until curl -fsS "http://127.0.0.1:$first/health" >/dev/null 2>&1; do sleep 1; done
METODICHKA_HTTP_PORT="$second" METODICHKA_DATA_DIR="$data/2" java -jar "$jar" &
until curl -fsS "http://127.0.0.1:$second/health" >/dev/null 2>&1; do sleep 1; done
echo "Two nodes: http://localhost:$first/ and http://localhost:$second/ (one database: $db)"
wait
