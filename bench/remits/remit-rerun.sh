#!/usr/bin/env bash
# Times `import remits` of the kept 835 into a fresh copy of a prepared matched database, so that two
# builds (main's CLI and a branch's) post the same file to the same claims in turn.
#   bench/remits/remit-rerun.sh CLI.dll NAME      (env: DIR=the folder remit-import.sh kept, default /tmp/post2)
# DIR must hold remit-56mb.835, prepared-matched.db (a copy of matched.db after remit-fixture, before
# the import: sqlite3 DIR/matched.db ".backup DIR/prepared-matched.db") and matched.db.phikey/.signkey.
set -euo pipefail
CLI=$1
NAME=$2
DIR=${DIR:-/tmp/post2}
rm -rf "$DIR/$NAME.db" "$DIR/$NAME.db"-*
cp "$DIR/prepared-matched.db" "$DIR/$NAME.db"
cp "$DIR/matched.db.phikey" "$DIR/$NAME.db.phikey"
cp "$DIR/matched.db.signkey" "$DIR/$NAME.db.signkey"
for d in inbox outbox reports; do mkdir -p "$DIR/$NAME.db.$d"; done
echo "== $NAME $(date -u +%T) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "wall %e user %U sys %S maxrss %M" dotnet "$CLI" import remits "$DIR/remit-56mb.835" --practice NORTHSIDE-FM --as pa-north --db "$DIR/$NAME.db" >"$DIR/$NAME.out"
head -6 "$DIR/$NAME.out"
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
