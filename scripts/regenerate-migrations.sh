#!/usr/bin/env bash
# Regenerates the initial migration of both providers from the current EF Core model.
# Used while the schema has not been released: once a release ships, add migrations instead
# (dotnet ef migrations add NAME --context ... as below, without deleting anything).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/CodeLedger.Storage/Migrations
for ctx in Sqlite Postgres; do
  dotnet ef migrations add Initial \
    --project src/CodeLedger.Storage --startup-project src/CodeLedger.Storage \
    --context "${ctx}CodeLedgerDbContext" \
    --output-dir "Migrations/${ctx}"
done
