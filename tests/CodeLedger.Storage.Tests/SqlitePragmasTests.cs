using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests;

/// <summary>
/// A large read or write widens SQLite's page cache for itself only (the package's reads, an 835's
/// posting): the connection goes back to the pool with the size it had, whatever that was.
/// </summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task A_widened_cache_is_put_back_to_the_size_the_connection_had()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.Sqlite();
        var store = await database.OpenAsync();
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -3000", ct);

        await using (await SqlitePragmas.WidenCacheAsync(db, 64 * 1024, ct))
        {
            Assert.Equal(-64 * 1024, await CacheSizeAsync(db, ct));
        }

        Assert.Equal(-3000, await CacheSizeAsync(db, ct));
    }

    [Fact]
    public async Task A_cache_size_that_is_not_positive_is_refused()
    {
        await using var database = TestDatabase.Sqlite();
        var store = await database.OpenAsync();
        await using var db = store.CreateContext();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SqlitePragmas.WidenCacheAsync(db, 0, TestContext.Current.CancellationToken));
    }

    private static async Task<long> CacheSizeAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA cache_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
