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

    private sealed class UnixMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => (v.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10,
        m => new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (m * 10), TimeSpan.Zero));
}
