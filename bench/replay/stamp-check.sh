#!/usr/bin/env bash
# The stamped benchmark database must be one `ledger verify` accepts, and an edited row in it must
# still be found: a demo of 200 encounters stamped 3 times (800 encounters) verifies OK, then one
# copied work item's finalized_at moved by an hour is named as STATE-DIVERGES with the copy's
# external id, and `ledger verify` exits 1. Run before trusting figures measured on stamped databases.
#
#   bench/replay/stamp-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/codeledger-stamp-check-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
dotnet build "$ROOT/src/CodeLedger.Cli" -c Release >/dev/null
dotnet build "$ROOT/bench/CodeLedger.ReplayStamp" -c Release >/dev/null
CLI="dotnet $ROOT/src/CodeLedger.Cli/bin/Release/net10.0/codeledger.dll"
STAMP="dotnet $ROOT/bench/CodeLedger.ReplayStamp/bin/Release/net10.0/replay-stamp.dll"

DB="$WORK/check.db"
$CLI demo --db "$DB" --encounters 200 >/dev/null
$STAMP --db "$DB" --copies 3
[[ $(sqlite3 "$DB" "select count(*) from encounters") == 800 ]] || { echo "FAIL: expected 800 encounters"; exit 1; }
$CLI ledger verify --db "$DB" | tee "$WORK/ok.out"
grep -q "^OK: state replayed" "$WORK/ok.out" || { echo "FAIL: the stamped database does not verify"; exit 1; }

EXT=$(sqlite3 "$DB" "select external_id from encounters e join work_items w on w.encounter_id = e.id where external_id like '%-C3' and w.finalized_at is not null order by external_id limit 1")
sqlite3 "$DB" "update work_items set finalized_at = finalized_at + 3600000000 where encounter_id = (select id from encounters where external_id = '$EXT')"
set +e
$CLI ledger verify --db "$DB" >"$WORK/edited.out"
RC=$?
set -e
cat "$WORK/edited.out"
[[ $RC == 1 ]] || { echo "FAIL: verify of an edited stamped database exited $RC, not 1"; exit 1; }
grep -q "STATE-DIVERGES: work_items row for encounter $EXT: finalized_at" "$WORK/edited.out" || { echo "FAIL: the edited row of $EXT was not named"; exit 1; }
echo "PASS: stamped database verifies; the edited copy $EXT is named"
