#!/usr/bin/env bash
# Times `import remits` of a generated 835 (X12SyntheticFile, benchmark seed; 56 MB ≈ 200,000 claims,
# issue 18's target) with the Release CLI, on the matched path (the practice has one submitted claim
# per CLP: remit-fixture) and the unmatched path (it has none), on SQLite and, when
# CODELEDGER_BENCH_PG names a server (an admin connection string), on PostgreSQL.
# Each database: `codeledger demo --encounters 40`, the practice admin pa-north, then the fixture.
# Prints /usr/bin/time's wall, user, sys and peak RSS with the load average before and after.
#   bench/remits/remit-import.sh [MB]          (env: DIR=folder to keep files in, BUILD=0 to skip the builds,
#                                               ONLY=sqlite|postgresql, PATHS="matched unmatched")
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MB=${1:-56}
DIR=${DIR:-$(mktemp -d /tmp/remit-import.XXXXXX)}
mkdir -p "$DIR"
if [ "${BUILD:-1}" = 1 ]; then
  dotnet build "$ROOT/src/CodeLedger.Cli" -c Release -v q >/dev/null
  dotnet build "$ROOT/bench/CodeLedger.Benchmarks" -c Release -v q >/dev/null
fi
CLI=(dotnet "$ROOT/src/CodeLedger.Cli/bin/Release/net10.0/codeledger.dll")
BENCH=(dotnet "$ROOT/bench/CodeLedger.Benchmarks/bin/Release/net10.0/CodeLedger.Benchmarks.dll")
FILE="$DIR/remit-${MB}mb.835"
# One PHI key for every database (PostgreSQL keeps no key file).
export CODELEDGER_PHI_KEY=${CODELEDGER_PHI_KEY:-$(head -c 32 /dev/urandom | base64)}

providers=(sqlite)
if [ -n "${CODELEDGER_BENCH_PG:-}" ]; then providers+=(postgresql); fi
if [ -n "${ONLY:-}" ]; then providers=("$ONLY"); fi

pg() { # psql against the admin database CODELEDGER_BENCH_PG names
  local host port user
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$CODELEDGER_BENCH_PG")
  port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$CODELEDGER_BENCH_PG")
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$CODELEDGER_BENCH_PG")
  psql -q -h "$host" -p "${port:-5432}" -U "$user" -d postgres -c "$1"
}

for provider in "${providers[@]}"; do
  for path in ${PATHS:-matched unmatched}; do
    if [ "$provider" = sqlite ]; then
      db="$DIR/$path.db"
      rm -f "$db" "$db"-*
    else
      name="remit_bench_$path"
      pg "DROP DATABASE IF EXISTS $name WITH (FORCE)"
      pg "CREATE DATABASE $name"
      db="${CODELEDGER_BENCH_PG/Database=postgres/Database=$name}"
    fi
    "${CLI[@]}" demo --db "$db" --encounters 40 --seed 17 >/dev/null
    "${CLI[@]}" users add pa-north --name "North Admin" --org NORTHSIDE-FM --role practice-admin --db "$db" >/dev/null
    generate=()
    if [ ! -f "$FILE" ]; then generate=(--generate-mb "$MB"); fi
    if [ "$path" = matched ]; then
      "${BENCH[@]}" remit-fixture --db "$db" --practice NORTHSIDE-FM --file "$FILE" "${generate[@]}"
    elif [ ${#generate[@]} -gt 0 ]; then
      echo "run the matched path first: it writes $FILE" >&2; exit 2
    fi
    echo "== import remits, $provider, $path ($(stat -c %s "$FILE") bytes) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "wall %e user %U sys %S maxrss %M" "${CLI[@]}" import remits "$FILE" --practice NORTHSIDE-FM --as pa-north --db "$db" | head -6
    echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
echo "files in $DIR"
