using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage;

public sealed class PostgresCodeLedgerDbContext(DbContextOptions<PostgresCodeLedgerDbContext> options) : CodeLedgerDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Writers run concurrently on PostgreSQL (WriteAttempt): an update of a work item or a query
        // succeeds only if the row is still the version this write read. xmin is the system column
        // PostgreSQL changes on every update, so no column is added and every writer, whatever its
        // build, moves it. SQLite has one writer at a time and checks the whole database instead.
        modelBuilder.Entity<WorkItem>().Property<uint>(EncounterConcurrency.RowVersion).IsRowVersion();
        modelBuilder.Entity<DocumentationQuery>().Property<uint>(EncounterConcurrency.RowVersion).IsRowVersion();
    }
}
