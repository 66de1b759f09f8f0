#!/usr/bin/env bash
# Compliance checks (issue 9): the check of a proposal at province scale (target <= 500 ms) and
# the full-model check of a generated 100k-concept model, SHACL policy rules included (target for
# the SHACL validation <= 30 s), on the packaged app.
#
#   tests/bench/compliance.sh [ComplianceBench options...]      e.g. --runs 50
#
# 1. Makes (or reuses, GEN_FILE) a 100k-concept exchange file with tests/generator/ScaleGenerator.java
#    --elements $ELEMENTS --relationships $RELATIONSHIPS --seed $SEED --mix egov-mix.tsv
#    --profile vn-egov (default
#    33,334 + 66,666 = 100,000 concepts, with agencies, applications with owners and security
#    levels, databases: the data the policy rules read).
# 2. Starts the app (a copy of target/quarkus-app) pinned to CPUS on a fresh store (the Trà Vinh
#    architecture is loaded at the first start) and runs ComplianceBench.java: it imports the sample
#    proposal import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml, times --runs checks of it and of
#    the Trà Vinh architecture (POST /api/models/{id}/compliance: read, overlay, model checks, RDF,
#    SHACL), then imports the generated model and times --scale-runs full checks of it.
#    Each check is timed by the client (the whole request) and by the server (the report's millis
#    and its phases).
#
# Then the sample proposal is laid over the generated model and checked --runs times (the
# proposal check at a larger scale than the Trà Vinh model).
#
# Environment: APP_DIR, HTTP_PORT, BOLT_PORT, CPUS (as lib.sh), JVM_OPTS (default -Xmx6g), WORK_DIR
# (default a new /tmp/eams-compliance.XXXXXX), GEN_FILE, ELEMENTS, RELATIONSHIPS, SEED,
# KEEP_RUNNING=1 leaves the app up at the end.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-compliance.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
JVM_OPTS=${JVM_OPTS--Xmx6g}
ELEMENTS=${ELEMENTS:-33334}
RELATIONSHIPS=${RELATIONSHIPS:-66666}
SEED=${SEED:-42}
GEN_FILE=${GEN_FILE:-$WORK_DIR/egov-$ELEMENTS-$RELATIONSHIPS-seed$SEED.xml}
if [ "${KEEP_RUNNING:-0}" != 1 ]; then trap 'stop_app' EXIT INT TERM; fi

machine_info
if [ ! -s "$GEN_FILE" ]; then
  java "$REPO_DIR/tests/generator/ScaleGenerator.java" --elements "$ELEMENTS" \
    --relationships "$RELATIONSHIPS" --seed "$SEED" --mix "$REPO_DIR/tests/generator/egov-mix.tsv" \
    --profile vn-egov --out "$GEN_FILE"
fi
echo "# generated model: $GEN_FILE ($(( $(stat -c %s "$GEN_FILE") / 1024 / 1024 )) MB)"
read -r -a jvm_opts <<<"$JVM_OPTS"
start_app "$WORK_DIR" "$WORK_DIR/app.log" ${jvm_opts[@]+"${jvm_opts[@]}"}
wait_ready 300 || { tail -30 "$WORK_DIR/app.log" >&2; exit 1; }
echo "# app pid $APP_PID ready in $(( READY_MS - APP_LAUNCH_MS )) ms (HTTP $HTTP_PORT, JVM $JVM_OPTS)"
java "$BENCH_DIR/ComplianceBench.java" --base "http://127.0.0.1:$HTTP_PORT" \
  --sample "$REPO_DIR/import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml" \
  --scale-file "$GEN_FILE" "$@" | tee "$WORK_DIR/compliance.out"
echo "# app rss now $(( $(rss_kb "$APP_PID") / 1024 )) MB"
