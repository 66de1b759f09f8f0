#!/usr/bin/env bash
# Start-up time and memory of EAMS with the embedded Neo4j, pinned to two cores.
#
#   tests/bench/startup.sh [-n RUNS] [-l LABEL] [-- JVM_OPTION...]    one option set
#   tests/bench/startup.sh --matrix [-n RUNS] [-v NAME,NAME...]       the option sets below, round robin
#
# Per run: wall time from launching `java -jar quarkus-run.jar` to the first HTTP 200 of
# GET /api/models (a request that reads Neo4j), the JVM's CPU time at that moment, RSS right
# then and after IDLE_SECONDS (default 30) idle, and phase times from the app's log. Each of the
# RUNS iterations does a cold start (fresh, empty data dir) and then a warm start (the store the
# cold start just created, shut down cleanly). Prints min/median/max per option set and store.
#
# Environment: APP_DIR (copy of target/quarkus-app, default /tmp/bench-app, made when missing),
# HTTP_PORT (18080), BOLT_PORT (17687), CPUS (0,1), IDLE_SECONDS (30),
# QUIET_MAX_BUSY (percent; when set, each start waits up to QUIET_TIMEOUT=180 s for the machine's
# CPU use to drop below it: the host is shared), WORK_DIR (default: a new /tmp/eams-startup.XXXXXX; stores, logs, the CDS archive, results.csv).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

RUNS=5
LABEL=custom
MATRIX=0
ONLY=
IDLE_SECONDS=${IDLE_SECONDS:-30}
while [ $# -gt 0 ]; do
  case "$1" in
    -n) RUNS=$2; shift 2 ;;
    -l) LABEL=$2; shift 2 ;;
    -v) ONLY=$2; shift 2 ;;
    --matrix) MATRIX=1; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
CUSTOM_OPTS=("$@")

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-startup.XXXXXX)}
mkdir -p "$WORK_DIR"
RESULTS=$WORK_DIR/results.csv
JSA=$WORK_DIR/eams-appcds.jsa
trap 'stop_app' EXIT INT TERM

# Option sets a user could put on the run command line (name|options).
# "readme" is the README's run command: the options file the build writes next to the jar
# (src/main/jvm/jvm.options: the class-data archive of the build's training run, the serial
# collector, later tiered compilation, a 96 MB initial heap with a 64 MB young generation,
# native-heap trimming). The archive is valid only where the build put it: run
# this set with APP_DIR=<checkout>/target/quarkus-app, not on a copy.
VARIANTS=(
  "readme|@$APP_DIR/jvm.options"
  "readme-smallheap|@$APP_DIR/jvm.options -Xms32m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40"
  "readme-smallold|@$APP_DIR/jvm.options -Xms144m -XX:NewSize=112m -XX:MinHeapFreeRatio=15 -XX:MaxHeapFreeRatio=40"
  "readme-notrim|@$APP_DIR/jvm.options -XX:TrimNativeHeapInterval=0"
  "readme-young64|@$APP_DIR/jvm.options -Xms96m -XX:NewSize=64m"
  "default|"
  "tiered1|-XX:TieredStopAtLevel=1"
  "serialgc|-XX:+UseSerialGC"
  "xmx256m|-Xmx256m"
  "maxram1g|-XX:MaxRAM=1g"
  "xshare-off|-Xshare:off"
  "appcds|-XX:SharedArchiveFile=$JSA"
  "combined|-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -XX:SharedArchiveFile=$JSA"
)

# one_run NAME STORE(cold|warm) RUN_NO DIR OPTIONS...
one_run() {
  local name=$1 store=$2 run=$3 dir=$4
  shift 4
  local log="$dir/app-$store-$run.log" load busy
  busy=$(wait_quiet)
  load=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$store" = cold ]; then rm -rf "$dir/data"; fi
  start_app "$dir" "$log" "$@"
  if ! wait_ready 300; then
    tail -20 "$log" >&2
    stop_app
    echo "$name,$store,$run,FAILED" >>"$RESULTS"
    return 0
  fi
  local wall=$(( READY_MS - APP_LAUNCH_MS ))
  local cpu rss_ready rss_idle
  cpu=$(jvm_cpu_ms "$APP_PID")
  rss_ready=$(rss_kb "$APP_PID")
  sleep "$IDLE_SECONDS"
  rss_idle=$(rss_kb "$APP_PID")
  if [ -z "$rss_idle" ] || grep -q 'Shutdown thread' "$log"; then
    # stopped from outside during the idle period (a shared machine): the run does not count
    echo "$name,$store,$run,FAILED(stopped during idle)" >>"$RESULTS"
    echo "$name $store run $run: the app stopped during the idle period; run discarded" >&2
    stop_app
    return 0
  fi
  local neo4j_ms flyway neo4j_done started quarkus_s
  flyway=$(log_offset_ms "$log" 'org.flywaydb' "$APP_LAUNCH_MS")
  neo4j_done=$(log_offset_ms "$log" 'Embedded Neo4j started' "$APP_LAUNCH_MS")
  started=$(log_offset_ms "$log" '\(powered by Quarkus' "$APP_LAUNCH_MS")
  neo4j_ms=$(grep -m1 -oE 'Embedded Neo4j started in [0-9]+' "$log" | grep -oE '[0-9]+$' || echo -)
  quarkus_s=$(grep -m1 -oE 'started in [0-9.]+s' "$log" | grep -oE '[0-9.]+' || echo -)
  stop_app
  echo "$name,$store,$run,$wall,$cpu,$(( rss_ready / 1024 )),$(( rss_idle / 1024 )),$flyway,$neo4j_ms,$neo4j_done,$started,$quarkus_s,$load,$busy" >>"$RESULTS"
  printf '%-11s %-4s run %d: ready %6d ms  cpu %6d ms  rss %4d MB -> %4d MB idle  [log: flyway +%s ms, neo4j %s ms (done +%s), quarkus started +%s ms (%ss)]  load %s, busy before %s%%\n' \
    "$name" "$store" "$run" "$wall" "$cpu" $(( rss_ready / 1024 )) $(( rss_idle / 1024 )) "$flyway" "$neo4j_ms" "$neo4j_done" "$started" "$quarkus_s" "$load" "$busy"
}

# AppCDS on JDK 17: a training run with -XX:ArchiveClassesAtExit writes the archive when the JVM exits
# (-XX:+AutoCreateSharedArchive needs JDK 19). Only classes of the built-in class loaders are archived.
train_appcds() {
  [ -f "$JSA" ] && return 0
  local dir="$WORK_DIR/appcds-training"
  echo "# AppCDS training run: -XX:ArchiveClassesAtExit=$JSA"
  start_app "$dir" "$dir.log" "-XX:ArchiveClassesAtExit=$JSA"
  wait_ready 300
  curl -s -o /dev/null -X POST -H "Authorization: $EAMS_BENCH_AUTH" -H 'Content-Type: application/json' -d '{"id":"cds","name":"CDS"}' "http://127.0.0.1:$HTTP_PORT/api/models" || true
  curl -s -o /dev/null -H "Authorization: $EAMS_BENCH_AUTH" "http://127.0.0.1:$HTTP_PORT/api/models" || true
  stop_app
  if [ ! -f "$JSA" ]; then
    echo "AppCDS archive was not written; see $dir.log" >&2
    exit 1
  fi
  echo "# archive: $(du -h "$JSA" | cut -f1)"
}

summary() {
  echo
  echo "# summary: min / median / max over the runs (ready = launch -> first 200 of GET /api/models)"
  printf '%-11s %-5s %3s  %-20s %-20s %-16s %-16s %-18s %-16s\n' option store n "ready ms" "jvm cpu ms" "rss ready MB" "rss idle MB" "log neo4j ms" "log started s"
  local key name store
  for key in $(tail -n +2 "$RESULTS" | grep -v ',FAILED' | cut -d, -f1,2 | awk '!seen[$0]++'); do
    name=${key%,*}
    store=${key#*,}
    col() { grep "^$name,$store," "$RESULTS" | grep -v FAILED | cut -d, -f"$1" | grep -v '^-$' | stats | tr ' ' /; }
    printf '%-11s %-5s %3d  %-20s %-20s %-16s %-16s %-18s %-16s\n' "$name" "$store" \
      "$(grep -c "^$name,$store,[0-9]*,[0-9]" "$RESULTS")" "$(col 4)" "$(col 5)" "$(col 6)" "$(col 7)" "$(col 9)" "$(col 12)"
  done
  if grep -q FAILED "$RESULTS"; then echo "# failed runs:"; grep FAILED "$RESULTS"; fi
}

machine_info
echo "# runs: $RUNS per option set and store; idle: $IDLE_SECONDS s; work dir: $WORK_DIR"
echo "option,store,run,ready_ms,jvm_cpu_ms,rss_ready_mb,rss_idle_mb,log_flyway_ms,log_neo4j_ms,log_neo4j_done_ms,log_started_ms,log_quarkus_started_s,loadavg1,busy_pct_before" >"$RESULTS"

if [ "$MATRIX" = 1 ]; then
  selected=()
  for v in "${VARIANTS[@]}"; do
    name=${v%%|*}
    if [ -z "$ONLY" ] || [[ ",$ONLY," == *",$name,"* ]]; then selected+=("$v"); fi
  done
  for v in "${selected[@]}"; do
    if [[ "$v" == *"SharedArchiveFile=$JSA"* ]]; then train_appcds; break; fi
  done
  for v in "${selected[@]}"; do echo "# option set ${v%%|*}: ${v#*|}"; done
  for run in $(seq 1 "$RUNS"); do
    for v in "${selected[@]}"; do
      name=${v%%|*}
      read -r -a opts <<<"${v#*|}"
      one_run "$name" cold "$run" "$WORK_DIR/$name" ${opts[@]+"${opts[@]}"}
      one_run "$name" warm "$run" "$WORK_DIR/$name" ${opts[@]+"${opts[@]}"}
    done
  done
else
  echo "# option set $LABEL: ${CUSTOM_OPTS[*]:-}"
  for run in $(seq 1 "$RUNS"); do
    one_run "$LABEL" cold "$run" "$WORK_DIR/$LABEL" ${CUSTOM_OPTS[@]+"${CUSTOM_OPTS[@]}"}
    one_run "$LABEL" warm "$run" "$WORK_DIR/$LABEL" ${CUSTOM_OPTS[@]+"${CUSTOM_OPTS[@]}"}
  done
fi
summary
echo "# machine at the end: loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# raw results: $RESULTS"
