using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CodeLedger.Storage;

public sealed class PostgresCodeLedgerDbContext(DbContextOptions<PostgresCodeLedgerDbContext> options) : CodeLedgerDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary>The claims table's fill factor in per cent (see OnModelCreating).</summary>
    public const int ClaimsFillFactor = 50;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Writers run concurrently on PostgreSQL (WriteAttempt): an update of any row succeeds only
        // if the row is still the version this write read, so no write can overwrite a change it
        // did not see (two writers taking the next number of one counter, finalizing one work item).
        // xmin is the system column PostgreSQL changes on every update: no column is added, and every
        // writer, whatever its build, moves it. Ledger rows are only ever inserted. SQLite has one
        // writer at a time and checks the whole database instead.
        // The tables are the entity types configured with a table name (GetEntityTypes also lists value
        // types EF Core met on the way and dropped once their converters were configured).
        var tables = modelBuilder.Model.GetEntityTypes().Where(e => e.FindAnnotation(RelationalAnnotationNames.TableName) is not null && e.ClrType != typeof(LedgerEventRow));
        foreach (var entity in tables.ToList())
        {
            modelBuilder.Entity(entity.ClrType).Property<uint>(EncounterConcurrency.RowVersion).IsRowVersion();
        }

        // A claim is updated three or four times in its life (submitted, acknowledged, posted, corrected),
        // and an 835 updates every claim it pays in one transaction. Half of each page is left free so
        // that the new version of every row on it fits on the same page: the update is then HOT (no
        // index names a column it changes, ClaimRowConfiguration) and adds no index entries. Posting the
        // 200,000-claim 835: 197,906 of 199,893 claim updates HOT at 50, none at the default 100
        // (docs/PERFORMANCE.md, "HOT claim updates"). The table takes twice the pages.
        modelBuilder.Entity<ClaimRow>().HasStorageParameter("fillfactor", ClaimsFillFactor);
    }
}
