#!/usr/bin/env bash
# The monthly package at a million with the client's CPU (/usr/bin/time) and the PostgreSQL server's
# CPU for the run's own backends and their parallel workers (connections named pkg4-bench, polled
# in pg_stat_activity; utime + stime from /proc/PID/stat, so run it on the server's machine).
# usage: package-cpu.sh CLI_DIR TAG what...   what: cold pk-sqlite pk-pg
#   cold: scan 2.7 GB of another database first (the server's buffers hold other work)
# env: SQLITE_DB (default /tmp/pkg3/new/package-1000000.db), PG_DB (default pkg3new_1m), OUT (default /tmp/package-cpu),
#      CODELEDGER_PHI_KEY and CODELEDGER_SIGNING_KEY for PostgreSQL, PG_OTHER (default codeledger_package_1000000)
set -u
CLI=$1/codeledger.dll; TAG=$2; shift 2
F='wall %e user %U sys %S maxrss %M'
PGC="Host=127.0.0.1;Port=55433;Username=postgres"
PG="$PGC;Command Timeout=0;Timeout=60;Application Name=pkg4-bench"
O=${OUT:-/tmp/package-cpu}; mkdir -p "$O"
SQLITE_DB=${SQLITE_DB:-/tmp/pkg3/new/package-1000000.db}; PG_DB=${PG_DB:-pkg3new_1m}; PG_OTHER=${PG_OTHER:-codeledger_package_1000000}
psql_() { psql -h 127.0.0.1 -p 55433 -U postgres "$@"; }
server_cpu() {
  declare -A T
  trap 'tot=0; for p in "${!T[@]}"; do tot=$((tot+T[$p])); done; echo "server backends ticks $tot (${#T[@]} pids)" > "$1"; exit 0' TERM
  while true; do
    for p in $(psql_ -d postgres -Atc "select pid from pg_stat_activity where application_name='pkg4-bench' or leader_pid in (select pid from pg_stat_activity where application_name='pkg4-bench')" 2>/dev/null); do
      v=$(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null); [ -n "$v" ] && T[$p]=$v
    done
    sleep 0.05
  done
}
for w in "$@"; do
  l=$(cut -d' ' -f1-3 /proc/loadavg)
  case $w in
    cold) psql_ -d "$PG_OTHER" -Atc "select count(*) from ledger_events" >/dev/null; psql_ -d "$PG_OTHER" -Atc "select count(*), sum(length(diagnoses)) from coding_results" >/dev/null; sleep 2 ;;
    pk-sqlite) rm -rf "$O/$TAG-s"; /usr/bin/time -f "$TAG $w [$l] $F" dotnet "$CLI" report monthly --db "$SQLITE_DB" --practice NORTHSIDE-FM --month 2026-10 --out "$O/$TAG-s" > "$O/$TAG-$w.out" 2> "$O/$TAG-$w.err"; tail -1 "$O/$TAG-$w.err" ;;
    pk-pg) rm -rf "$O/$TAG-p"; server_cpu "$O/$TAG-srv" & SP=$!; sleep 0.3
      /usr/bin/time -f "$TAG $w [$l] $F" dotnet "$CLI" report monthly --db "$PG;Database=$PG_DB" --practice NORTHSIDE-FM --month 2026-10 --out "$O/$TAG-p" > "$O/$TAG-$w.out" 2> "$O/$TAG-$w.err"
      kill $SP; wait $SP 2>/dev/null; cat "$O/$TAG-srv" >> "$O/$TAG-$w.err"; tail -2 "$O/$TAG-$w.err" ;;
  esac
done
