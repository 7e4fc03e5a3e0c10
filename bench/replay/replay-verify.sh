#!/usr/bin/env bash
# Whole-process figures for `ledger verify` (chain + replay) at a given size, on SQLite and, when
# CODELEDGER_BENCH_PG names a server (an ADO.NET connection string to its maintenance database),
# on PostgreSQL: wall, CPU (user + sys) and peak RSS from /usr/bin/time. The database is the demo's
# (seed 2026) of N encounters, written once per provider and kept in $WORK for reruns.
#
#   bench/replay/replay-verify.sh [ENCOUNTERS] [REPEATS]      # defaults 20000 and 2
#
# Uses a Release publish in $CLI (default: publish to /tmp/codeledger-bench-cli first).
set -euo pipefail
N=${1:-20000}
REPEATS=${2:-2}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLI=${CLI:-/tmp/codeledger-bench-cli}
WORK=${WORK:-/tmp/codeledger-replay-bench}
mkdir -p "$WORK"

if [[ ! -x "$CLI/codeledger" ]]; then
  dotnet publish "$ROOT/src/CodeLedger.Cli" -c Release -o "$CLI" >/dev/null
fi

measure() { # label, then the command
  local label=$1; shift
  for i in $(seq "$REPEATS"); do
    /usr/bin/time -f "$label run $i: wall %e s, cpu user %U + sys %S s, peak rss %M KB" "$@" >"$WORK/last.out" 2>"$WORK/last.err" || { cat "$WORK/last.out" "$WORK/last.err"; exit 1; }
    tail -n 2 "$WORK/last.out" | sed "s/^/  /"
    tail -n 1 "$WORK/last.err"
  done
}

DB="$WORK/demo-$N.db"
if [[ ! -f "$DB" ]]; then
  echo "writing the demo of $N encounters to $DB"
  /usr/bin/time -f "demo: wall %e s, cpu %U+%S s, peak rss %M KB" "$CLI/codeledger" demo --db "$DB" --encounters "$N" >/dev/null
fi
measure "sqlite $N verify" "$CLI/codeledger" ledger verify --db "$DB"
measure "sqlite $N chain-only" "$CLI/codeledger" ledger verify --db "$DB" --chain-only

if [[ -n "${CODELEDGER_BENCH_PG:-}" ]]; then
  # The demo's PHI key is derived from its seed and the same on every provider: read it from the SQLite key file.
  export CODELEDGER_PHI_KEY
  CODELEDGER_PHI_KEY=$(cat "$DB.phikey")
  # The demo does not create a PostgreSQL database: create it first (createdb codeledger_replay_N).
  NAME="codeledger_replay_$N"
  PG="${CODELEDGER_BENCH_PG/Database=postgres/Database=$NAME}"
  if [[ ! -f "$WORK/$NAME.written" ]]; then
    echo "writing the demo of $N encounters to PostgreSQL database $NAME"
    /usr/bin/time -f "demo (postgres): wall %e s, cpu %U+%S s, peak rss %M KB" "$CLI/codeledger" demo --db "$PG" --encounters "$N" >/dev/null
    touch "$WORK/$NAME.written"
  fi
  measure "postgres $N verify" "$CLI/codeledger" ledger verify --db "$PG"
fi
