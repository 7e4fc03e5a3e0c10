using CodeLedger.Core.Coding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage;

public sealed class SqliteCodeLedgerDbContext(DbContextOptions<SqliteCodeLedgerDbContext> options) : CodeLedgerDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and EF cannot compare DateTimeOffset text in SQL; microseconds
        // since the Unix epoch (UTC) sort, compare and subtract as plain integers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // The monthly package reads, per finalized work item of the month, its final coding's coder,
        // diagnoses and service lines (MonthlyRows). Through the unique (encounter, version) index
        // that is an index probe and then a probe of the table by rowid, into a file of gigabytes at
        // a million encounters; this index holds what is read, so the row is not fetched (in sqlite3
        // at a million, with the work index covering too: 3.9 -> 1.1 CPU-s; docs/PERFORMANCE.md,
        // "Covering the work read"). It repeats the codes' JSON (about 200 bytes a coding). SQLite
        // only: PostgreSQL joins the codings by hashing a scan of the table, and its b-tree entries
        // are limited to about 2.7 KB, which a coding of many lines could pass.
        modelBuilder.Entity<CodingResult>()
            .HasIndex(c => new { c.EncounterId, c.Version, c.CoderId, c.Diagnoses, c.ServiceLines })
            .HasDatabaseName(Mapping.CodingResultConfiguration.FinalCodesIndex);

        // The claims' (practice, status) index stays on SQLite: SQLite has no HOT updates for its absence
        // to buy (PostgreSQL drops it, ClaimRowConfiguration), and it keeps the reads by status (the fix
        // queue, `claims list --status`) off a scan of the practice's claims. No event depends on its
        // order: the acknowledgment import sorts the claims it lists (AcknowledgmentPoster).
        modelBuilder.Entity<Billing.ClaimRow>().HasIndex(c => new { c.PracticeId, c.Status });
    }

    private sealed class UnixMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => (v.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10,
        m => new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (m * 10), TimeSpan.Zero));
}
