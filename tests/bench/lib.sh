# Shared helpers for the EAMS benchmark scripts (sourced, not run).
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/../.." && pwd)

# The packaged app is copied once and always run from the copy, so that a concurrent
# `mvn package` in the repo cannot change the jars under a running benchmark.
APP_DIR=${APP_DIR:-/tmp/bench-app}
HTTP_PORT=${HTTP_PORT:-18080}
BOLT_PORT=${BOLT_PORT:-17687}
CPUS=${CPUS:-0,1}
# The administrator of the bench stores (created at their first start) and the Authorization
# header the harnesses send: every endpoint needs a signed-in caller.
BENCH_ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-admin-password}
export EAMS_BENCH_AUTH="Basic $(printf 'admin:%s' "$BENCH_ADMIN_PASSWORD" | base64 -w0)"

ensure_app_copy() {
  if [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
    if [ ! -f "$REPO_DIR/target/quarkus-app/quarkus-run.jar" ]; then
      echo "No packaged app: build it (./mvnw package -DskipTests) or set APP_DIR" >&2
      exit 2
    fi
    cp -rp "$REPO_DIR/target/quarkus-app" "$APP_DIR"
    echo "# copied $REPO_DIR/target/quarkus-app to $APP_DIR" >&2
  fi
}

machine_info() {
  echo "# date (UTC):  $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "# nproc:       $(nproc)"
  echo "# cpu:         $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(grep -c ^processor /proc/cpuinfo) logical cpus)"
  echo "# memory:      $(free -g | awk '/^Mem:/ {print $2 " GiB total, " $7 " GiB available"}')"
  echo "# kernel:      $(uname -r)"
  echo "# java:        $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "# loadavg:     $(cut -d' ' -f1-3 /proc/loadavg)"
  local jar
  for jar in "$APP_DIR"/app/*.jar; do
    echo "# app:         $APP_DIR ($(basename "$jar") sha256 $(sha256sum "$jar" | cut -c1-16)..., file time $(date -u -r "$jar" '+%Y-%m-%dT%H:%M:%SZ'))"
  done
  echo "# pinning:     taskset -c $CPUS"
}

port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_for_ports_free PORT... : waits up to 30 s
wait_for_ports_free() {
  local p i
  for p in "$@"; do
    for i in $(seq 1 300); do
      port_busy "$p" || break
      sleep 0.1
    done
    if port_busy "$p"; then
      echo "port $p is still in use" >&2
      return 1
    fi
  done
}

# now_ms: wall clock in ms
now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

# jvm_cpu_ms PID: user+system CPU time of a process, in ms
jvm_cpu_ms() {
  local tck
  tck=$(getconf CLK_TCK)
  awk -v t="$tck" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t) }' "/proc/$1/stat" 2>/dev/null
}

rss_kb() {
  ps -o rss= -p "$1" 2>/dev/null | tr -d ' '
}

# start_app WORKDIR LOGFILE [JVM options...]: starts the app in WORKDIR (its ./data is the store);
# sets APP_PID and APP_LAUNCH_MS
start_app() {
  local dir=$1 log=$2
  shift 2
  wait_for_ports_free "$HTTP_PORT" "$BOLT_PORT"
  mkdir -p "$dir"
  APP_LAUNCH_MS=$(now_ms)
  (cd "$dir" && exec taskset -c "$CPUS" java "$@" \
      -Dquarkus.http.port="$HTTP_PORT" -Deams.neo4j.embedded.bolt-port="$BOLT_PORT" \
      -Deams.admin-password="$BENCH_ADMIN_PASSWORD" \
      -jar "$APP_DIR/quarkus-run.jar" >"$log" 2>&1) &
  APP_PID=$!
}

# wait_ready TIMEOUT_S: polls GET /api/models (needs Neo4j) every 50 ms until HTTP 200; sets READY_MS
wait_ready() {
  local deadline code
  deadline=$(( $(now_ms) + ${1:-300} * 1000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' -H "Authorization: $EAMS_BENCH_AUTH" \
      "http://127.0.0.1:$HTTP_PORT/api/models" || true)
    if [ "$code" = 200 ]; then
      READY_MS=$(now_ms)
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "the app exited before it was ready" >&2
      return 1
    fi
    sleep 0.05
  done
  echo "the app was not ready within ${1:-300} s" >&2
  return 1
}

# stop_app: SIGTERM to the app started by start_app, then waits (SIGKILL after 60 s)
stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 600); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "app $APP_PID did not stop in 60 s; killing it" >&2
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

# log_epoch_ms "2026-11-27 21:00:23,152" -> epoch ms (the app logs local time)
log_epoch_ms() {
  date -d "${1/,/.}" +%s%3N 2>/dev/null
}

# log_offset_ms LOGFILE REGEX LAUNCH_MS: ms from launch to the first log line matching REGEX, or "-"
log_offset_ms() {
  local line ts
  line=$(grep -m1 -E "$2" "$1" 2>/dev/null) || { echo -; return; }
  ts=$(echo "$line" | grep -oE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8},[0-9]{3}') || { echo -; return; }
  echo $(( $(log_epoch_ms "$ts") - $3 ))
}

# stats: reads numbers (one a line) and prints "min median max" (median of an even count: mean of the middle two)
stats() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%g %g %g\n", v[1], m, v[NR] }'
}

# driver_classpath: the Neo4j Java Driver and its runtime dependencies, from the app's own lib folder
driver_classpath() {
  local L="$APP_DIR/lib/main"
  ls "$L"/org.neo4j.driver.neo4j-java-driver-*.jar "$L"/org.neo4j.bolt.neo4j-bolt-connection*.jar \
     "$L"/io.netty.netty-{buffer,codec,common,handler,resolver,transport,transport-native-unix-common,transport-classes-epoll}-4*.jar \
     "$L"/org.reactivestreams.reactive-streams-*.jar "$L"/io.projectreactor.reactor-core-*.jar | paste -sd:
}

# cpu_busy_pct [SECONDS]: machine-wide CPU busy percentage over a short sample (all processes)
cpu_busy_pct() {
  local a b
  a=($(head -1 /proc/stat))
  sleep "${1:-1}"
  b=($(head -1 /proc/stat))
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  [ "$total" -gt 0 ] || { echo 0; return; }
  echo $(( 100 * (total - idle) / total ))
}

# wait_quiet: when QUIET_MAX_BUSY (percent) is set, waits (at most QUIET_TIMEOUT s, default 180)
# until the machine is less busy than that; prints the last busy percentage measured
wait_quiet() {
  local busy deadline
  busy=$(cpu_busy_pct 1)
  if [ -n "${QUIET_MAX_BUSY:-}" ]; then
    deadline=$(( $(date +%s) + ${QUIET_TIMEOUT:-180} ))
    while [ "$busy" -ge "$QUIET_MAX_BUSY" ] && [ "$(date +%s)" -lt "$deadline" ]; do
      busy=$(cpu_busy_pct 2)
    done
  fi
  echo "$busy"
}
