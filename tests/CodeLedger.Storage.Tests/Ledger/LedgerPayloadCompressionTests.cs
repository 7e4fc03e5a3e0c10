namespace CodeLedger.Storage.Tests.Ledger;

/// <summary>
/// PostgreSQL compresses the ledger's large payloads with lz4, not pglz (migration
/// LedgerPayloadLz4): a 50 MB 835 writes about 180 MB of payload, and pglz cost the server about
/// 2 s of CPU on it (docs/PERFORMANCE.md "`import remits` end to end").
/// </summary>
public sealed class LedgerPayloadCompressionTests
{
    [Fact]
    public async Task On_PostgreSQL_a_migrated_database_compresses_ledger_payloads_with_lz4()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await database.OpenAsync();

        var compression = await database.RawAsync(
            "SELECT attcompression::text FROM pg_attribute WHERE attrelid = 'ledger_events'::regclass AND attname = 'payload'");

        Assert.Equal(["l"], compression);
    }
}
