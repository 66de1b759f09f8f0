#!/usr/bin/env bash
# Where the time of the batch goes: runs BatchVsUnwind under Java Flight Recorder and prints, for each
# kind of measurement, the GC pause time inside its time windows and the JFR execution samples of the
# app bucketed by activity (jfr-categories.awk).
#
#   tests/bench/profile-batch.sh [BatchVsUnwind options...]        default: --reps 3
#   tests/bench/profile-batch.sh --analyse DIR                      re-print the analysis of a run
#
# A warm-up run (2 reps of batch and unwind, not recorded) comes first. JFR (settings=profile) adds
# some overhead: use batch-vs-unwind.sh for the timings themselves. Environment as batch-vs-unwind.sh.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

analyse() {
  local WORK_DIR=$1
  # JFR prints local wall-clock times (HH:MM:SS.mmm); turn them into ms since local midnight
  local day0
  day0=$(date -d "$(date +%F) 00:00:00" +%s%3N)
  tolocal() { awk '/startTime = / { split($3, a, /[:.]/); print "  __ms = " ((a[1] * 60 + a[2]) * 60 + a[3]) * 1000 + a[4]; next } { print }'; }
  jfr print --events jdk.GarbageCollection "$WORK_DIR/bench.jfr" | tolocal |
    awk '/__ms = / { t = $3 } /sumOfPauses/ { v = $3; if ($4 == "s") v *= 1000; if ($4 == "us") v /= 1000; print t, v }' >"$WORK_DIR/gc.txt"
  jfr print --events jdk.ExecutionSample --stack-depth 200 "$WORK_DIR/bench.jfr" | tolocal >"$WORK_DIR/samples.txt"
  tail -n +2 "$WORK_DIR/results.csv" | awk -F, -v d="$day0" '$2 !~ /:/ { print $1 " " $2 "," $3 "," $4 "," $7 - d "," $8 - d }' >"$WORK_DIR/windows.txt"

  echo
  echo "# GC pauses (JFR jdk.GarbageCollection sumOfPauses) inside each timed window"
  while IFS=, read -r what rep ms b e; do
    awk -v b="$b" -v e="$e" -v w="$what" -v r="$rep" -v ms="$ms" '$1 >= b && $1 <= e { s += $2; n++ }
      END { printf "%-20s rep %s: %8.0f ms, GC pauses %6.0f ms in %d collections\n", w, r, ms, s, n }' "$WORK_DIR/gc.txt"
  done <"$WORK_DIR/windows.txt"

  for what in $(cut -d, -f1 "$WORK_DIR/windows.txt" | tr ' ' '~' | awk '!seen[$0]++'); do
    w=${what//\~/ }
    echo
    echo "# JFR execution samples during '$w' (all reps)"
    awk -F, -v W="$w" 'FNR == NR { if ($1 == W) { b[++n] = $4; e[n] = $5 } next }
      /jdk.ExecutionSample/ { keep = 0; buf = $0 "\n"; inS = 1; next }
      inS && /__ms = / { split($0, x, "= "); t = x[2] + 0; for (i = 1; i <= n; i++) if (t >= b[i] && t <= e[i]) keep = 1; next }
      inS { buf = buf $0 "\n" }
      inS && /^}/ { if (keep) printf "%s", buf; inS = 0 }' "$WORK_DIR/windows.txt" "$WORK_DIR/samples.txt" |
      awk -f "$BENCH_DIR/jfr-categories.awk"
  done
  echo
  echo "# files: $WORK_DIR (bench.jfr, bench.out, results.csv)"
}

if [ "${1:-}" = --analyse ]; then
  analyse "$2"
  exit 0
fi

ensure_app_copy
WORK_DIR=${WORK_DIR:-$(mktemp -d /tmp/eams-profile.XXXXXX)}
mkdir -p "$WORK_DIR"
rm -rf "$WORK_DIR/data"
trap 'stop_app' EXIT INT TERM
[ $# -gt 0 ] || set -- --reps 3

machine_info
start_app "$WORK_DIR" "$WORK_DIR/app.log"
wait_ready 300
CP=$(driver_classpath)
echo "# warm-up (not recorded)"
java -cp "$CP" "$BENCH_DIR/BatchVsUnwind.java" --base "http://127.0.0.1:$HTTP_PORT" --bolt "bolt://127.0.0.1:$BOLT_PORT" \
  --reps 2 --only batch,unwind --skip-chunked --tag warm >"$WORK_DIR/warmup.out" 2>&1
jcmd "$APP_PID" JFR.start name=bench settings=profile >/dev/null
java -cp "$CP" "$BENCH_DIR/BatchVsUnwind.java" --base "http://127.0.0.1:$HTTP_PORT" --bolt "bolt://127.0.0.1:$BOLT_PORT" \
  --app-pid "$APP_PID" --tag prof --csv "$WORK_DIR/results.csv" \
  ${QUIET_MAX_BUSY:+--quiet-max-busy "$QUIET_MAX_BUSY"} "$@" | tee "$WORK_DIR/bench.out" | grep -E '^rep|^ratio'
jcmd "$APP_PID" JFR.dump name=bench filename="$WORK_DIR/bench.jfr" >/dev/null
jcmd "$APP_PID" JFR.stop name=bench >/dev/null
stop_app

analyse "$WORK_DIR"
