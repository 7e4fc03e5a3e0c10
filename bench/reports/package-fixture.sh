#!/usr/bin/env bash
# The fixture of the monthly-package benchmark (bench/CodeLedger.Benchmarks/Reports/PackagePipelineBenchmarks.cs):
# the demo's 2,000 encounters (seed 2026, one month) stamped by bench/CodeLedger.ReplayStamp to N
# encounters in that month, on SQLite and, when CODELEDGER_BENCH_PG names a server, on PostgreSQL
# (database codeledger_package_N, created afresh). Prints the two specs to export for the benchmark.
#
#   bench/reports/package-fixture.sh [N [sqlite|postgres]]   # default 1000000, both; N a multiple of 2,000
#
# The two providers can be stamped at once, in two runs (one per provider).
#
# DEMO_ARGS (default --without-billing) is passed to the base demo: the stamp copies what an
# encounter owns (bench/CodeLedger.ReplayStamp), not claims and remittances, so a base that bills
# would leave its billing in the first 2,000 encounters only. Without billing a million encounters
# are about 3.4 million events, the size issue 15 names.
#
# Stamping takes minutes (about 400 s for a million on SQLite, 340 s on PostgreSQL): the fixture is
# kept under $WORK (default /tmp/codeledger-package-bench) and reused when it exists.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/codeledger-package-bench}
N=${1:-1000000}
ONLY=${2:-}
DEMO_ARGS=${DEMO_ARGS:---without-billing}
(( N % 2000 == 0 && N >= 4000 )) || { echo "$N: not a multiple of 2,000 above 2,000"; exit 2; }
K=$(( N / 2000 - 1 ))
mkdir -p "$WORK"
dotnet build "$ROOT/src/CodeLedger.Cli" -c Release >/dev/null
dotnet build "$ROOT/bench/CodeLedger.ReplayStamp" -c Release >/dev/null
CLI="dotnet $ROOT/src/CodeLedger.Cli/bin/Release/net10.0/codeledger.dll"
STAMP="dotnet $ROOT/bench/CodeLedger.ReplayStamp/bin/Release/net10.0/replay-stamp.dll"
FORMAT="wall %e s, cpu user %U + sys %S s, peak rss %M KB"

BASE="$WORK/base-2000.db"
[[ -f "$BASE" ]] || $CLI demo --db "$BASE" $DEMO_ARGS >/dev/null
DB="$WORK/package-$N.db"
if [[ "$ONLY" != postgres && ! -f "$DB.done" ]]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  cp "$BASE" "$DB"
  cp "$BASE.phikey" "$DB.phikey"
  /usr/bin/time -f "sqlite $N stamp: $FORMAT" $STAMP --db "$DB" --copies "$K"
  touch "$DB.done"
fi
[[ "$ONLY" == postgres ]] || echo "export CODELEDGER_BENCH_PACKAGE_SQLITE=$DB"

if [[ "$ONLY" != sqlite && -n "${CODELEDGER_BENCH_PG:-}" ]]; then
  NAME="codeledger_package_$N"
  PG="${CODELEDGER_BENCH_PG/Database=postgres/Database=$NAME}"
  if [[ ! -f "$WORK/$NAME.done" ]]; then
    $STAMP --admin "$CODELEDGER_BENCH_PG" --recreate "$NAME"
    CODELEDGER_PHI_KEY=$(cat "$BASE.phikey") $CLI demo --db "$PG" $DEMO_ARGS >/dev/null
    /usr/bin/time -f "postgres $N stamp: $FORMAT" $STAMP --db "$PG" --copies "$K"
    touch "$WORK/$NAME.done"
  fi
  echo "export CODELEDGER_BENCH_PACKAGE_PG=\"$PG\""
fi
