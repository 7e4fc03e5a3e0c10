#!/usr/bin/env bash
# `ledger verify` at sizes the demo cannot write in reasonable time: the demo's 2,000 encounters
# (seed 2026) stamped K times by bench/CodeLedger.ReplayStamp (2,000 x (K + 1) encounters, about
# 3.33 events each), then /usr/bin/time on the full verification and on --chain-only. SQLite always;
# PostgreSQL too when CODELEDGER_BENCH_PG names a server (an ADO.NET connection string to its
# maintenance database, e.g. "Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres").
#
#   bench/replay/stamp-verify.sh [ENCOUNTERS...]     # default 100000; each a multiple of 2,000
#   REPEATS=2 KEEP=1 bench/replay/stamp-verify.sh 100000 250000 1000000
#
# Check the generator first: bench/replay/stamp-check.sh. Databases go to $WORK (default
# /tmp/codeledger-stamp-bench; about 7 KB of SQLite per encounter) and are deleted unless KEEP=1.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/codeledger-stamp-bench}
REPEATS=${REPEATS:-2}
SIZES=("${@:-100000}")
mkdir -p "$WORK"
dotnet build "$ROOT/src/CodeLedger.Cli" -c Release >/dev/null
dotnet build "$ROOT/bench/CodeLedger.ReplayStamp" -c Release >/dev/null
CLI="dotnet $ROOT/src/CodeLedger.Cli/bin/Release/net10.0/codeledger.dll"
STAMP="dotnet $ROOT/bench/CodeLedger.ReplayStamp/bin/Release/net10.0/replay-stamp.dll"
FORMAT="wall %e s, cpu user %U + sys %S s, peak rss %M KB"

measure() { # label, then the command
  local label=$1; shift
  for i in $(seq "$REPEATS"); do
    local load; load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "$label run $i [load $load]: $FORMAT" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { cat "$WORK/last.out" "$WORK/last.err"; exit 1; }
    tail -n 1 "$WORK/last.out" | sed "s/^/  /"
    tail -n 1 "$WORK/last.err"
  done
}

BASE="$WORK/base-2000.db"
if [[ ! -f "$BASE" ]]; then
  $CLI demo --db "$BASE" >/dev/null
fi
export CODELEDGER_PHI_KEY
CODELEDGER_PHI_KEY=$(cat "$BASE.phikey")

for N in "${SIZES[@]}"; do
  (( N % 2000 == 0 && N >= 4000 )) || { echo "$N: not a multiple of 2,000 above 2,000"; exit 2; }
  K=$(( N / 2000 - 1 ))
  DB="$WORK/stamped-$N.db"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  cp "$BASE" "$DB"
  cp "$BASE.phikey" "$DB.phikey"
  /usr/bin/time -f "sqlite $N stamp: $FORMAT" $STAMP --db "$DB" --copies "$K"
  measure "sqlite $N verify" $CLI ledger verify --db "$DB"
  measure "sqlite $N chain-only" $CLI ledger verify --db "$DB" --chain-only
  [[ -n "${KEEP:-}" ]] || rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.phikey"

  if [[ -n "${CODELEDGER_BENCH_PG:-}" ]]; then
    NAME="codeledger_stamp_$N"
    PG="${CODELEDGER_BENCH_PG/Database=postgres/Database=$NAME}"
    $STAMP --admin "$CODELEDGER_BENCH_PG" --recreate "$NAME"
    $CLI demo --db "$PG" >/dev/null
    /usr/bin/time -f "postgres $N stamp: $FORMAT" $STAMP --db "$PG" --copies "$K"
    measure "postgres $N verify" $CLI ledger verify --db "$PG"
    measure "postgres $N chain-only" $CLI ledger verify --db "$PG" --chain-only
    [[ -n "${KEEP:-}" ]] || $STAMP --admin "$CODELEDGER_BENCH_PG" --drop "$NAME"
  fi
done
