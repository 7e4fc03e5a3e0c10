using Npgsql;

namespace CodeLedger.Storage.Tests;

/// <summary>
/// Replay verification streams whole tables (DatabaseLocation.ForBulkReads): on PostgreSQL through a
/// read buffer wider than Npgsql's 8 KB, unless the connection string chose one; SQLite as it is.
/// </summary>
public sealed class DatabaseLocationTests
{
    [Fact]
    public void Bulk_reads_on_PostgreSQL_widen_the_read_buffer_and_keep_everything_else()
    {
        var location = DatabaseLocation.Parse("Host=127.0.0.1;Port=5999;Username=u;Database=d;Command Timeout=0");

        var bulk = location.ForBulkReads();

        var pg = new NpgsqlConnectionStringBuilder(bulk.ConnectionString);
        Assert.Equal(DatabaseLocation.BulkReadBufferBytes, pg.ReadBufferSize);
        Assert.Equal(("127.0.0.1", 5999, "u", "d", 0), (pg.Host, pg.Port, pg.Username, pg.Database, pg.CommandTimeout));
        Assert.Equal(location.Display, bulk.Display);
        Assert.Same(location.Phi, bulk.Phi);
    }

    [Fact]
    public void A_read_buffer_size_the_connection_string_chose_is_kept()
    {
        var location = DatabaseLocation.Parse("Host=127.0.0.1;Database=d;Read Buffer Size=65536");

        Assert.Same(location, location.ForBulkReads());
    }

    [Fact]
    public void Bulk_reads_on_SQLite_are_the_same_location()
    {
        var location = DatabaseLocation.Parse(Path.Combine(Path.GetTempPath(), "bulk.db"));

        Assert.Same(location, location.ForBulkReads());
    }
}
