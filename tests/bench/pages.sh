#!/usr/bin/env bash
# Render time of the read-only pages (catalogue, element page) on the shipped Trà Vinh model and on
# a generated model of 10,000 elements created through the batch endpoint.
#
#   tests/bench/pages.sh [PagesBench options...]      e.g. --requests 500, --elements 10000
#
# Starts the packaged app on a fresh store with the README's JVM options (APP_DIR/jvm.options;
# JVM_OPTS overrides), waits for readiness, then runs PagesBench.java against it.
# Environment: as batch-vs-unwind.sh (APP_DIR, HTTP_PORT, CPUS, WORK_DIR, KEEP_RUNNING).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-pages.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi

machine_info
opts=${JVM_OPTS:-@$APP_DIR/jvm.options}
echo "# app JVM options: $opts; work dir: $WORK_DIR (fresh store)"
read -r -a jvm_opts <<<"$opts"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 300 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT)"
java "$BENCH_DIR/PagesBench.java" --base "http://127.0.0.1:$HTTP_PORT" "$@"
echo "# app rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
