#!/usr/bin/env bash
# Import and export of exchange files through the EAMS API against bare baselines (a StAX parse plus
# raw Cypher UNWIND writes; a Cypher read plus a bare XMLStreamWriter), on the same embedded DBMS.
#
#   tests/bench/import-export.sh [--generate] [--file PATH ...] [ImportExportBench options...]
#
#   --generate     also measure a generated 100,000-element / 200,000-relationship file
#                  (tests/generator/ScaleGenerator.java --elements 100000 --relationships 200000
#                  --seed 42), written to $GEN_FILE (default $WORK_DIR/scale-100k-200k-seed42.xml;
#                  an existing file of that name is reused)
#   --file PATH    an exchange file to measure (repeatable); without any, the Dimpact corpus model
#                  ../shared/corpus/public-sector/dimpact-architectuurmodel/dimpact-architectuurmodel.exchange.xml
#   everything else is passed to ImportExportBench.java: --reps N (default 3), --reps-for LABEL=N,
#   --chunk N, --warmup N, --dry-run, ... (see the header of ImportExportBench.java)
#
# Starts the packaged app (a copy of target/quarkus-app) pinned to CPUS with a fresh store and a fixed
# Bolt port, waits for GET /api/models to answer 200, then runs ImportExportBench.java (single-file
# source launch; the driver jars come from the app's lib folder) against the app's HTTP port and the
# embedded DBMS's Bolt port.
#
# Environment: APP_DIR (default /tmp/bench-app, copied from target/quarkus-app when missing),
# HTTP_PORT (18080), BOLT_PORT (17687), CPUS (0,1), JVM_OPTS (options of the app's JVM; default
# -Xmx8g: the import is one transaction, and the DBMS caps transaction memory at 70 % of the heap
# (dbms.memory.transaction.total.max); with -Xmx4g the 86 MB generated file failed at 2.8 GiB),
# CLIENT_OPTS (options of the benchmark client's JVM; default -Xmx3g), WORK_DIR (default: a new
# /tmp/eams-impexp.XXXXXX holding data/, app.log, results.csv and the generated file), GEN_FILE,
# QUIET_MAX_BUSY (percent: before each timing wait up to 180 s for the machine to be less busy than
# that), KEEP_RUNNING=1 leaves the app up at the end.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

generate=0
files=()
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --generate) generate=1 ;;
    --file) files+=("$2"); shift ;;
    *) pass+=("$1") ;;
  esac
  shift
done
DIMPACT="$REPO_DIR/../shared/corpus/public-sector/dimpact-architectuurmodel/dimpact-architectuurmodel.exchange.xml"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-impexp.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
JVM_OPTS=${JVM_OPTS--Xmx8g}
CLIENT_OPTS=${CLIENT_OPTS--Xmx3g}

bench_files=()
if [ ${#files[@]} -eq 0 ]; then
  [ -f "$DIMPACT" ] || { echo "no Dimpact exchange file at $DIMPACT; give --file" >&2; exit 2; }
  bench_files+=(--file "$(cd "$(dirname "$DIMPACT")" && pwd)/$(basename "$DIMPACT")" --label dimpact)
else
  for f in "${files[@]}"; do bench_files+=(--file "$f"); done
fi
if [ "$generate" = 1 ]; then
  GEN_FILE=${GEN_FILE:-$WORK_DIR/scale-100k-200k-seed42.xml}
  if [ ! -s "$GEN_FILE" ]; then
    echo "# generating $GEN_FILE (ScaleGenerator --elements 100000 --relationships 200000 --seed 42)"
    t0=$(now_ms)
    (cd "$REPO_DIR" && java tests/generator/ScaleGenerator.java --elements 100000 --relationships 200000 \
        --seed 42 --out "$GEN_FILE")
    echo "# generated in $(( ($(now_ms) - t0) / 1000 )) s"
  fi
  echo "# generated file: $GEN_FILE, $(stat -c %s "$GEN_FILE") bytes, sha256 $(sha256sum "$GEN_FILE" | cut -c1-16)..."
  bench_files+=(--file "$GEN_FILE" --label scale-100k)
fi

if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi
machine_info
echo "# app JVM options: ${JVM_OPTS:-(none)}; client JVM options: ${CLIENT_OPTS:-(none)}; work dir: $WORK_DIR (fresh store)"
read -r -a jvm_opts <<<"$JVM_OPTS"
read -r -a client_opts <<<"$CLIENT_OPTS"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 300 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, Bolt $BOLT_PORT)"

cpu_before=$(jvm_cpu_ms "$APP_PID")
status=0
java ${client_opts[@]+"${client_opts[@]}"} -cp "$(driver_classpath)" "$BENCH_DIR/ImportExportBench.java" \
  --base "http://127.0.0.1:$HTTP_PORT" --bolt "bolt://127.0.0.1:$BOLT_PORT" \
  --csv "$WORK_DIR/results.csv" --app-pid "$APP_PID" \
  ${QUIET_MAX_BUSY:+--quiet-max-busy "$QUIET_MAX_BUSY"} "${bench_files[@]}" ${pass[@]+"${pass[@]}"} || status=$?
echo "# app JVM: cpu during the benchmark $(( $(jvm_cpu_ms "$APP_PID") - cpu_before )) ms, rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
echo "# store size: $(du -sh "$WORK_DIR/data/neo4j" 2>/dev/null | cut -f1)"
echo "# machine at the end: loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${KEEP_RUNNING:-0}" = 1 ]; then echo "# app left running: pid $APP_PID"; fi
exit "$status"
