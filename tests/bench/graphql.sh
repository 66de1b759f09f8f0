#!/usr/bin/env bash
# The department query of issue #6 through POST /graphql ("all applications of Sở Y tế with their
# databases and security level", docs/graphql.md) on the Trà Vinh model and on a generated
# 100,000-element model: latency, throughput under a load from a separate process, and the time of
# one hand-written Cypher query that returns the same data (GraphQlBench.java's header has the
# details).
#
#   tests/bench/graphql.sh [GraphQlBench options...]     e.g. --duration-s 30 --concurrency 4,8,16,32
#
# 1. Trà Vinh: starts the app (a copy of target/quarkus-app) pinned to CPUS on an empty data folder,
#    so the shipped model is loaded at the first start, and measures the query for Sở Y tế
#    (tv-agency-so-y-te) twice: as shipped (label tra-vinh; the answer must be docs/graphql.md's:
#    no applications, no databases, six service domains), and after GraphQlBench --fixture has given
#    Sở Y tế eight applications with security levels and nine databases through one batch request
#    (label tra-vinh+fixture).
# 2. Generated model: makes (or reuses, GEN_FILE) an exchange file with
#    tests/generator/ScaleGenerator.java --elements $ELEMENTS --relationships $RELATIONSHIPS --seed
#    $SEED --mix tests/generator/egov-mix.tsv --profile vn-egov (agencies, applications with owners
#    and security levels, databases they access), imports it through POST /api/import into a fresh
#    store with LOAD_JVM_OPTS (the whole file is read into memory and written in one transaction,
#    which needs -Xmx8g at 100,000 / 200,000; impact.sh loads its 1.3 million concepts with UNWIND
#    instead because they do not fit), stops the app and keeps a copy of the loaded store in
#    STORE_CACHE. When STORE_CACHE holds a store, that copy is used and nothing is imported. Then
#    it starts the app on the loaded store and measures the query for AGENCY (default auto: the
#    "Sở y tế …" agency that owns or operates the most applications).
#
# The app runs with the README's JVM options (APP_DIR/jvm.options; JVM_OPTS overrides). The client is
# a separate JVM; it is pinned to CLIENT_CPUS when that is set. Unset (the default), it runs where
# the scheduler puts it: on a 2-core machine on the app's own 2 cores, so under load the client's
# CPU time is taken from the app's (every throughput line prints both, and the req/s the app's CPUs
# could give at the app's measured CPU cost per request). On a machine with more cores, set
# CLIENT_CPUS to cores outside CPUS.
#
# Environment: APP_DIR (default /tmp/bench-app, copied from target/quarkus-app when missing),
# HTTP_PORT (18080), BOLT_PORT (17687), CPUS (0,1), CLIENT_CPUS (unset), JVM_OPTS (app, measuring;
# default @$APP_DIR/jvm.options), LOAD_JVM_OPTS (app, importing; default -Xmx8g), CLIENT_OPTS
# (default -Xmx1g -XX:+UseSerialGC: no parallel GC threads competing with the app), WORK_DIR
# (default: a new /tmp/eams-graphql.XXXXXX: data/, app logs, *.out, the CSVs and summary.txt), SCALES (default "tra-vinh 100k"; either alone), ELEMENTS (100000),
# RELATIONSHIPS (200000), SEED (42), MIX (egov, dimpact, impact or a mix file), MODEL_ID
# (scale-100k), AGENCY (auto), GEN_FILE (default $WORK_DIR/<mix>-vn-egov-<elements>-<relationships>-
# seed<seed>.xml, reused when it exists), STORE_CACHE (default $WORK_DIR/store-<name of GEN_FILE>),
# QUIET_MAX_BUSY (before each timed phase wait until the machine is less busy than this percentage).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-graphql.XXXXXX)}
mkdir -p "$WORK_DIR"
JVM_OPTS=${JVM_OPTS:-@$APP_DIR/jvm.options}
LOAD_JVM_OPTS=${LOAD_JVM_OPTS--Xmx8g}
CLIENT_OPTS=${CLIENT_OPTS--Xmx1g -XX:+UseSerialGC}
CLIENT_CPUS=${CLIENT_CPUS:-}
SCALES=${SCALES:-tra-vinh 100k}
ELEMENTS=${ELEMENTS:-100000}
RELATIONSHIPS=${RELATIONSHIPS:-200000}
SEED=${SEED:-42}
MIX=${MIX:-egov}
case "$MIX" in
  egov | impact | dimpact) MIX_FILE="$REPO_DIR/tests/generator/$MIX-mix.tsv" ;;
  *) MIX_FILE=$MIX; MIX=$(basename "$MIX" .tsv) ;;
esac
MODEL_ID=${MODEL_ID:-scale-100k}
AGENCY=${AGENCY:-auto}
GEN_FILE=${GEN_FILE:-$WORK_DIR/$MIX-vn-egov-$ELEMENTS-$RELATIONSHIPS-seed$SEED.xml}
STORE_CACHE=${STORE_CACHE:-$WORK_DIR/store-$(basename "$GEN_FILE" .xml)}
read -r -a jvm_opts <<<"$JVM_OPTS"
read -r -a load_opts <<<"$LOAD_JVM_OPTS"
read -r -a client_opts <<<"$CLIENT_OPTS"
client_prefix=()
if [ -n "$CLIENT_CPUS" ]; then client_prefix=(taskset -c "$CLIENT_CPUS"); fi
CP="$(driver_classpath):$(ls "$APP_DIR"/lib/main/com.fasterxml.jackson.core.jackson-{core,databind,annotations}-*.jar | paste -sd:)"

bench() {
  ${client_prefix[@]+"${client_prefix[@]}"} java ${client_opts[@]+"${client_opts[@]}"} -cp "$CP" \
    "$BENCH_DIR/GraphQlBench.java" --base "http://127.0.0.1:$HTTP_PORT" \
    --bolt "bolt://127.0.0.1:$BOLT_PORT" --app-pid "$APP_PID" --out "$WORK_DIR" \
    ${QUIET_MAX_BUSY:+--quiet-max-busy "$QUIET_MAX_BUSY"} "$@"
}

trap 'stop_app' EXIT INT TERM
status=0
{
  machine_info
  echo "# app JVM options: $JVM_OPTS (importing: ${LOAD_JVM_OPTS:-(none)}); client JVM options: ${CLIENT_OPTS:-(none)}"
  if [ -n "$CLIENT_CPUS" ]; then
    echo "# client pinning: taskset -c $CLIENT_CPUS"
  else
    echo "# client pinning: none; this machine has $(nproc) cpus, so the load generator competes with the app for them (see the cpu lines)"
  fi
  echo "# work dir: $WORK_DIR; scales: $SCALES; benchmark options: ${*:-(defaults)}"
} | tee "$WORK_DIR/summary.txt"

measure_tra_vinh() {
  rm -rf "$WORK_DIR/data"
  echo "# Trà Vinh: app on an empty store (the shipped model is loaded at the first start)"
  start_app "$WORK_DIR" "$WORK_DIR/app-tra-vinh.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
  wait_ready 300 || { tail -30 "$WORK_DIR/app-tra-vinh.log" >&2; exit 1; }
  echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, Bolt $BOLT_PORT)"
  bench --label tra-vinh --model tra-vinh-v1.0 --agency tv-agency-so-y-te --expect shipped "$@" 2>&1 \
    | tee "$WORK_DIR/tra-vinh.out" || status=1
  bench --label tra-vinh+fixture --model tra-vinh-v1.0 --agency tv-agency-so-y-te --fixture \
    --expect fixture "$@" 2>&1 | tee "$WORK_DIR/tra-vinh+fixture.out" || status=1
  echo "# app rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
  stop_app
}

measure_generated() {
  if [ -d "$STORE_CACHE/neo4j" ]; then
    echo "# using the loaded store in $STORE_CACHE ($(du -sh "$STORE_CACHE" | cut -f1))"
  else
    if [ ! -s "$GEN_FILE" ]; then
      echo "# generating $GEN_FILE (ScaleGenerator --elements $ELEMENTS --relationships $RELATIONSHIPS --seed $SEED --mix $MIX_FILE --profile vn-egov)"
      t0=$(now_ms)
      (cd "$REPO_DIR" && java tests/generator/ScaleGenerator.java --elements "$ELEMENTS" \
          --relationships "$RELATIONSHIPS" --seed "$SEED" --mix "$MIX_FILE" --profile vn-egov \
          --out "$GEN_FILE")
      echo "# generated in $(( ($(now_ms) - t0) / 1000 )) s"
    fi
    echo "# file: $GEN_FILE, $(stat -c %s "$GEN_FILE") bytes, sha256 $(sha256sum "$GEN_FILE" | cut -c1-16)..."
    rm -rf "$WORK_DIR/data"
    echo "# importing: app on an empty store with ${LOAD_JVM_OPTS:-(no options)}"
    start_app "$WORK_DIR" "$WORK_DIR/app-import.log" ${load_opts[@]+"${load_opts[@]}"}
    wait_ready 300 || { tail -30 "$WORK_DIR/app-import.log" >&2; exit 1; }
    bench --import "$GEN_FILE" --model "$MODEL_ID" 2>&1 | tee "$WORK_DIR/import.out" \
      || { echo "the import failed" >&2; exit 1; }
    stop_app
    rm -rf "$STORE_CACHE"
    cp -a "$WORK_DIR/data" "$STORE_CACHE"
    echo "# loaded store kept in $STORE_CACHE ($(du -sh "$STORE_CACHE" | cut -f1); neo4j $(du -sh "$STORE_CACHE/neo4j" | cut -f1))"
  fi
  rm -rf "$WORK_DIR/data"
  cp -a "$STORE_CACHE" "$WORK_DIR/data"
  echo "# $MODEL_ID: app on the loaded store"
  start_app "$WORK_DIR" "$WORK_DIR/app-$MODEL_ID.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
  wait_ready 900 || { tail -30 "$WORK_DIR/app-$MODEL_ID.log" >&2; exit 1; }
  echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms; rss $(( $(rss_kb "$APP_PID") / 1024 )) MB"
  bench --label "$MODEL_ID" --model "$MODEL_ID" --agency "$AGENCY" --expect data "$@" 2>&1 \
    | tee "$WORK_DIR/$MODEL_ID.out" || status=1
  echo "# app rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
  stop_app
}

for scale in $SCALES; do
  case "$scale" in
    tra-vinh) measure_tra_vinh "$@" ;;
    100k | generated) measure_generated "$@" ;;
    *) echo "unknown scale $scale (tra-vinh, 100k)" >&2; exit 2 ;;
  esac
done

echo "# machine at the end: loadavg $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$WORK_DIR/summary.txt"
echo
echo "################ summary ($WORK_DIR/summary.txt)"
cat "$WORK_DIR/summary.txt"
echo "# results: $WORK_DIR (summary.txt, results.csv, throughput.csv, latency-*.csv, throughput-*.csv, *.out, app-*.log)"
exit "$status"
