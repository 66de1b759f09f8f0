#!/usr/bin/env bash
# The web modeller's targets in a real browser (issue 8): time to open and render a view of 300
# and of 2,000 nodes in the viewer and the editor (<= 1 s, <= 3 s), and the time from an edit to
# its appearance in another browser tab (<= 500 ms). Headless Chromium driven over the DevTools
# protocol by ModellerBench.java (JDK only).
#
#   tests/bench/modeller.sh [ModellerBench options...]     e.g. --runs 10, --edits 60, --only open
#
# Starts the packaged app on a fresh store with the README's JVM options (APP_DIR/jvm.options;
# JVM_OPTS overrides), waits for readiness, then runs ModellerBench.java against it.
# Environment: as pages.sh (APP_DIR, HTTP_PORT, CPUS, WORK_DIR, KEEP_RUNNING), CHROMIUM
# (default /usr/bin/chromium, Debian's package `chromium`) and QUIET_MAX_BUSY (passed on as
# --quiet-max-busy: before each timed load and edit, wait until the machine is less busy).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "No Chromium at $CHROMIUM: install Debian's chromium package or set CHROMIUM" >&2
  exit 2
fi
ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-modeller.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi

machine_info
echo "# browser:     $("$CHROMIUM" --version 2>/dev/null | head -1) (not pinned: it shares the machine with the app)"
opts=${JVM_OPTS:-@$APP_DIR/jvm.options}
echo "# app JVM options: $opts; work dir: $WORK_DIR (fresh store)"
read -r -a jvm_opts <<<"$opts"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 300 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT)"
quiet=()
if [ -n "${QUIET_MAX_BUSY:-}" ]; then quiet=(--quiet-max-busy "$QUIET_MAX_BUSY"); fi
java "$BENCH_DIR/ModellerBench.java" --base "http://127.0.0.1:$HTTP_PORT" --chromium "$CHROMIUM" ${quiet[@]+"${quiet[@]}"} "$@" \
  | tee "$WORK_DIR/modeller.out"
echo "# app rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
