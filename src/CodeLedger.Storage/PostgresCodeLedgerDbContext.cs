using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CodeLedger.Storage;

public sealed class PostgresCodeLedgerDbContext(DbContextOptions<PostgresCodeLedgerDbContext> options) : CodeLedgerDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

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
    }
}
