#!/usr/bin/env bash
# Keycloak with the Metodichka realm, without Docker, for a try-out on this machine:
#   docker/keycloak/run-local.sh            # Keycloak on http://127.0.0.1:8180 (admin / admin12345)
# The distribution comes from Maven Central through Maven (cached in ~/.m2, ~170 MB once) and is
# unpacked under ${KEYCLOAK_DIR:-target/keycloak}. Needs JDK 25 (JAVA_HOME). Ctrl-C stops it.
# Then start one or two nodes: docker/run-two-nodes.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="${KEYCLOAK_VERSION:-26.7.3}"
dir="${KEYCLOAK_DIR:-$root/target/keycloak}"
port="${KEYCLOAK_PORT:-8180}"
tarball="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz"
if [ ! -f "$tarball" ]; then
  mvn -q dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:tar.gz" -Dtransitive=false
fi
kc="$dir/keycloak-$version"
if [ ! -x "$kc/bin/kc.sh" ]; then
  mkdir -p "$dir" && tar xzf "$tarball" -C "$dir"
fi
mkdir -p "$kc/data/import"
cp "$here/metodichka-realm.json" "$kc/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin12345}"
# Where Keycloak posts back-channel logouts: the first node of run-two-nodes.sh by default.
export METODICHKA_BACKCHANNEL_LOGOUT_URL="${METODICHKA_BACKCHANNEL_LOGOUT_URL:-http://127.0.0.1:8107/auth/oidc/backchannel-logout}"
exec "$kc/bin/kc.sh" start-dev --http-port="$port" --import-realm
