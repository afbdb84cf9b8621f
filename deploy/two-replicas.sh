#!/usr/bin/env bash
# Two GradLab replicas sharing one PostgreSQL behind haproxy with sticky sessions, and the proof that it works:
#   1. a scenario saved through replica A is served by replica B (asked directly on B's port);
#   2. a student session pinned to A through the proxy keeps working when B is stopped.
# Stops everything it started; exits non-zero on any failure; bounded in time (GRADLAB_TWO_REPLICAS_TIMEOUT, 600 s).
#
# Needs: java, curl, haproxy, a reachable PostgreSQL (PGHOST/PGPORT/PGUSER/PGPASSWORD; default localhost:5432,
# gradlab/gradlab, with CREATEDB: a fresh database is created and dropped), and the jar (JAR, default target/gradlab.jar).
# Ports: BASE_PORT (default 18090): proxy BASE_PORT, replica A BASE_PORT+1, replica B BASE_PORT+2.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/gradlab.jar}
BASE_PORT=${BASE_PORT:-18090}
PROXY=$BASE_PORT A=$((BASE_PORT + 1)) B=$((BASE_PORT + 2))
PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-gradlab}
export PGPASSWORD=${PGPASSWORD:-gradlab}
DB=gl_two_replicas_$$
ADMIN_PASSWORD=two-replicas-admin-$$
WORK=$(mktemp -d)
pids=()
created_db=

fail() { echo "two-replicas: FAIL: $*" >&2; exit 1; }
say() { echo "two-replicas: $*"; }

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$created_db" ] && dropdb -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" --if-exists "$DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
( sleep "${GRADLAB_TWO_REPLICAS_TIMEOUT:-600}"; echo "two-replicas: FAIL: timed out" >&2; kill -TERM $$ ) &
pids+=($!)

[ -f "$JAR" ] || fail "no $JAR (build it with mvn package)"
[ -x /usr/sbin/haproxy ] || command -v haproxy >/dev/null || fail "haproxy is not installed"
PATH=$PATH:/usr/sbin
createdb -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" "$DB" || fail "cannot create database $DB on $PGHOST:$PGPORT"
created_db=1

start_replica() { # name port
  mkdir -p "$WORK/$1"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" GRADLAB_ADMIN_PASSWORD="$ADMIN_PASSWORD" PORT="$2" \
    java -Xmx512m -jar "$JAR" --gradlab.data-dir="$WORK/$1" --vaadin.launch-browser=false \
      --server.forward-headers-strategy=native >"$WORK/$1.log" 2>&1 &
  pids+=($!)
  eval "PID_$1=$!"
}
wait_ready() { # name port
  for _ in $(seq 1 240); do
    curl -fsS "http://localhost:$2/actuator/health/readiness" >/dev/null 2>&1 && { say "replica $1 ready on $2"; return; }
    sleep 1
  done
  tail -20 "$WORK/$1.log" >&2
  fail "replica $1 did not become ready on port $2"
}
# one after the other: the first runs the Flyway migrations and creates the admin
start_replica A "$A"; wait_ready A "$A"
start_replica B "$B"; wait_ready B "$B"

cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 256
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
backend replicas
  balance roundrobin
  cookie SERVERID insert indirect nocache
  option httpchk GET /actuator/health/readiness
  server a 127.0.0.1:$A check cookie a
  server b 127.0.0.1:$B check cookie b
frontend web
  bind 127.0.0.1:$PROXY
  option forwardfor
  default_backend replicas
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 30); do curl -fsS -o /dev/null "http://localhost:$PROXY/actuator/health" 2>/dev/null && break; sleep 1; done

# 1. saved through A, served by B
code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"username": "lee", "password": "lee-password-1"}' "http://localhost:$A/api/users")
[ "$code" = 201 ] || fail "creating instructor lee on A answered $code"
saved=$(curl -fsS -u lee:lee-password-1 -H 'Content-Type: application/yaml' \
  --data-binary @src/main/resources/scenarios/gd-by-hand.yaml "http://localhost:$A/api/scenarios?visibility=unlisted") \
  || fail "saving a scenario on A failed"
slug=$(printf '%s' "$saved" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
[ -n "$slug" ] || fail "no slug in $saved"
curl -fsS "http://localhost:$B/api/scenarios/$slug" | grep -q 'learningRate' \
  || fail "replica B does not serve scenario $slug saved on A"
say "scenario $slug saved on A is served by B"

# 2. a student pinned to A keeps working when B stops
jar="$WORK/cookies"
curl -fsS -c "$jar" -b "$jar" -o /dev/null "http://localhost:$PROXY/lab/gd-by-hand" || fail "the Lab page through the proxy"
pinned=$(awk '$6 == "SERVERID" {print $7}' "$jar")
[ -n "$pinned" ] || fail "the proxy set no SERVERID cookie"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
for _ in 1 2 3; do
  curl -fsS -c "$jar" -b "$jar" -o /dev/null "http://localhost:$PROXY/lab/gd-by-hand" || fail "repeated GET"
  [ "$(awk '$6 == "JSESSIONID" {print $7}' "$jar")" = "$session" ] || fail "the session changed: not sticky"
done
say "session pinned to replica $pinned"
if [ "$pinned" = a ]; then other=B; other_pid=$PID_B; else other=A; other_pid=$PID_A; fi
kill "$other_pid"; wait "$other_pid" 2>/dev/null || true
say "replica $other stopped"
for _ in 1 2 3; do
  curl -fsS -c "$jar" -b "$jar" -o /dev/null "http://localhost:$PROXY/lab/gd-by-hand" || fail "the pinned session after $other stopped"
  [ "$(awk '$6 == "JSESSIONID" {print $7}' "$jar")" = "$session" ] || fail "the pinned session was lost after $other stopped"
done
say "OK: the pinned session keeps working with replica $other stopped"
