#!/usr/bin/env bash
# The EAMS batch API against a raw Cypher UNWIND write of the same data, on the same embedded DBMS.
#
#   tests/bench/batch-vs-unwind.sh [BatchVsUnwind options...]     e.g. --reps 5, --skip-chunked
#
# Starts the packaged app (a copy of target/quarkus-app) pinned to CPUS with a fresh store and a
# fixed Bolt port, waits for GET /api/models to answer 200, then runs BatchVsUnwind.java (single-file
# source launch; the driver jars come from the app's lib folder) against the app's HTTP port and
# against the embedded DBMS's Bolt port. See BatchVsUnwind.java for what is measured.
#
# Environment: APP_DIR (default /tmp/bench-app, copied from target/quarkus-app when missing),
# HTTP_PORT (18080), BOLT_PORT (17687), CPUS (0,1), JVM_OPTS (extra options for the app's JVM),
# WORK_DIR (default: a new /tmp/eams-batch.XXXXXX holding data/, app.log, results.csv),
# QUIET_MAX_BUSY (percent: before each timing wait up to 180 s for the shared machine to be less
# busy than that), KEEP_RUNNING=1 leaves the app up at the end.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-batch.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi

machine_info
echo "# app JVM options: ${JVM_OPTS:-(none)}; work dir: $WORK_DIR (fresh store)"
read -r -a jvm_opts <<<"${JVM_OPTS:-}"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 300 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, Bolt $BOLT_PORT)"

cpu_before=$(jvm_cpu_ms "$APP_PID")
status=0
java -cp "$(driver_classpath)" "$BENCH_DIR/BatchVsUnwind.java" \
  --base "http://127.0.0.1:$HTTP_PORT" --bolt "bolt://127.0.0.1:$BOLT_PORT" \
  --csv "$WORK_DIR/results.csv" --app-pid "$APP_PID" \
  ${QUIET_MAX_BUSY:+--quiet-max-busy "$QUIET_MAX_BUSY"} "$@" || status=$?
echo "# app JVM: cpu during the benchmark $(( $(jvm_cpu_ms "$APP_PID") - cpu_before )) ms, rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
echo "# store size: $(du -sh "$WORK_DIR/data/neo4j" | cut -f1)"
echo "# machine at the end: loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${KEEP_RUNNING:-0}" = 1 ]; then echo "# app left running: pid $APP_PID"; fi
exit "$status"
