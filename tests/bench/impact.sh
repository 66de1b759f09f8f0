#!/usr/bin/env bash
# Impact analysis on a generated repository (issue #5): POST /api/models/{m}/impact per start
# element next to a plain int[] BFS over the same graph and the equivalent Cypher query, the
# projection's build time, and its refresh after a 1,000-change batch, in one run.
#
#   tests/bench/impact.sh [ImpactBench --measure options...]     e.g. --starts 300 --rounds 1
#
# 1. Makes (or reuses, GEN_FILE) the exchange file with tests/generator/ScaleGenerator.java
#    --elements $ELEMENTS --relationships $RELATIONSHIPS --seed $SEED --mix <MIX> (default 300,000 /
#    1,000,000 / 42 / tests/generator/impact-mix.tsv, where most relationships are of types along
#    which a change travels; MIX=dimpact for the generator's default, Dimpact's own mix).
# 2. Loads it into a fresh store: starts the app (a copy of target/quarkus-app) pinned to CPUS on an
#    empty data folder (the migrations run, the shipped model is loaded), creates the model through
#    the API and writes its elements and relationships with batched Cypher UNWIND over the embedded
#    DBMS's Bolt port (ImpactBench.java --load: the import's single transaction does not fit in
#    memory at this size), stops the app and keeps a copy of the loaded store in STORE_CACHE. When
#    STORE_CACHE already holds a store, that copy is used instead and nothing is loaded.
# 3. Starts the app on the loaded store (the projection is built from the store at start), waits
#    for GET /api/models, then runs ImpactBench.java --measure (see its header for what is measured)
#    with --propagation metamodel/archimate-3.2/propagation.tsv when the checkout has that file.
#
# Environment: APP_DIR (default /tmp/bench-app, copied from target/quarkus-app when missing),
# HTTP_PORT (18080), BOLT_PORT (17687), CPUS (0,1), JVM_OPTS (options of the app's JVM; default
# -Xmx8g -Deams.neo4j.embedded.page-cache=3g: the projection, the loaded store's page cache, and
# room for the refresh batches), CLIENT_OPTS (options of the benchmark client's JVM; default
# -Xmx3g), WORK_DIR (default: a new /tmp/eams-impact.XXXXXX holding data/, the app logs, load.out,
# measure.out and the CSVs), GEN_FILE (default
# $WORK_DIR/<mix>-<elements>-<relationships>-seed<seed>.xml, reused when it exists), ELEMENTS,
# RELATIONSHIPS, SEED, MIX (impact, dimpact or a mix file), MODEL_ID (default scale-300k),
# STORE_CACHE (default $WORK_DIR/store-<name of GEN_FILE>), NO_API=1 (measure only the BFS and
# Cypher: for an app without the impact API), KEEP_RUNNING=1 leaves the app up at the end.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-impact.XXXXXX)}
mkdir -p "$WORK_DIR"
JVM_OPTS=${JVM_OPTS--Xmx8g -Deams.neo4j.embedded.page-cache=3g}
CLIENT_OPTS=${CLIENT_OPTS--Xmx3g}
ELEMENTS=${ELEMENTS:-300000}
RELATIONSHIPS=${RELATIONSHIPS:-1000000}
SEED=${SEED:-42}
MIX=${MIX:-impact}
case "$MIX" in
  impact | dimpact) MIX_FILE="$REPO_DIR/tests/generator/$MIX-mix.tsv" ;;
  *) MIX_FILE=$MIX; MIX=$(basename "$MIX" .tsv) ;;
esac
MODEL_ID=${MODEL_ID:-scale-300k}
GEN_FILE=${GEN_FILE:-$WORK_DIR/$MIX-$ELEMENTS-$RELATIONSHIPS-seed$SEED.xml}
STORE_CACHE=${STORE_CACHE:-$WORK_DIR/store-$(basename "$GEN_FILE" .xml)}
read -r -a jvm_opts <<<"$JVM_OPTS"
read -r -a client_opts <<<"$CLIENT_OPTS"
CP="$(driver_classpath):$(ls "$APP_DIR"/lib/main/com.fasterxml.jackson.core.jackson-{core,databind,annotations}-*.jar | paste -sd:)"
PROPAGATION="$REPO_DIR/metamodel/archimate-3.2/propagation.tsv"
bench() {
  java ${client_opts[@]+"${client_opts[@]}"} -cp "$CP" "$BENCH_DIR/ImpactBench.java" \
    --base "http://127.0.0.1:$HTTP_PORT" --bolt "bolt://127.0.0.1:$BOLT_PORT" \
    --file "$GEN_FILE" --model "$MODEL_ID" --app-pid "$APP_PID" "$@"
}

if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi
machine_info
echo "# app JVM options: ${JVM_OPTS:-(none)}; client JVM options: ${CLIENT_OPTS:-(none)}; work dir: $WORK_DIR"

if [ ! -s "$GEN_FILE" ]; then
  echo "# generating $GEN_FILE (ScaleGenerator --elements $ELEMENTS --relationships $RELATIONSHIPS --seed $SEED --mix $MIX_FILE)"
  t0=$(now_ms)
  (cd "$REPO_DIR" && java tests/generator/ScaleGenerator.java --elements "$ELEMENTS" \
      --relationships "$RELATIONSHIPS" --seed "$SEED" --mix "$MIX_FILE" --out "$GEN_FILE")
  echo "# generated in $(( ($(now_ms) - t0) / 1000 )) s"
fi
echo "# file: $GEN_FILE, $(stat -c %s "$GEN_FILE") bytes, sha256 $(sha256sum "$GEN_FILE" | cut -c1-16)..."

rm -rf "$WORK_DIR/data"
if [ -d "$STORE_CACHE/neo4j" ]; then
  echo "# using the loaded store in $STORE_CACHE ($(du -sh "$STORE_CACHE" | cut -f1))"
  cp -a "$STORE_CACHE" "$WORK_DIR/data"
else
  echo "# loading: app on an empty store"
  start_app "$WORK_DIR" "$WORK_DIR/app-load.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
  wait_ready 300 || { tail -30 "$WORK_DIR/app-load.log" >&2; exit 1; }
  echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, Bolt $BOLT_PORT)"
  t0=$(now_ms)
  if ! bench --load 2>&1 | tee "$WORK_DIR/load.out"; then echo "the load failed" >&2; exit 1; fi
  echo "# load: $(( ($(now_ms) - t0) / 1000 )) s including the client's start and the parse"
  stop_app
  rm -rf "$STORE_CACHE"
  cp -a "$WORK_DIR/data" "$STORE_CACHE"
  echo "# loaded store kept in $STORE_CACHE ($(du -sh "$STORE_CACHE" | cut -f1); neo4j $(du -sh "$STORE_CACHE/neo4j" | cut -f1))"
fi

echo "# measuring: app on the loaded store"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 900 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, Bolt $BOLT_PORT); rss $(( $(rss_kb "$APP_PID") / 1024 )) MB; jvm cpu $(jvm_cpu_ms "$APP_PID") ms"
cpu_before=$(jvm_cpu_ms "$APP_PID")
status=0
prop=()
if [ -f "$PROPAGATION" ]; then prop=(--propagation "$PROPAGATION"); fi
bench --measure --out "$WORK_DIR" ${NO_API:+--no-api} ${prop[@]+"${prop[@]}"} "$@" 2>&1 | tee "$WORK_DIR/measure.out" || status=$?
echo "# app JVM: cpu during the benchmark $(( $(jvm_cpu_ms "$APP_PID") - cpu_before )) ms, rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
echo "# store size: $(du -sh "$WORK_DIR/data/neo4j" 2>/dev/null | cut -f1)"
echo "# machine at the end: loadavg $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# results: $WORK_DIR (starts.csv, refresh.csv, load.out, measure.out, app.log)"
if [ "${KEEP_RUNNING:-0}" = 1 ]; then echo "# app left running: pid $APP_PID"; fi
exit "$status"
