using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Testing;
using CodeLedger.Web.Queries;
using CodeLedger.Web.Tests.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CodeLedger.Web.Tests.Queries;

/// <summary>
/// Several web hosts on one PostgreSQL database each run the query-expiry worker. Each claims the
/// overdue queries it expires (FOR UPDATE SKIP LOCKED), so a query due once is expired once: one
/// query.unresolved event per query, none twice, none missed, whatever the interleaving. Here two
/// hosts are two stores (two connection pools, as two processes would have) with two workers each,
/// all running at the same instant, round after round as more queries fall due.
/// </summary>
public sealed class ExpiryAcrossHostsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));
    private string? admin;
    private string? name;
    private string? spec;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        admin = TestEnvironment.RequirePostgres();
        name = "cl_web_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(Ct);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync(Ct);
        spec = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (admin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static readonly PhiKey Key = PhiKey.Generate();

    private Task<CodeLedgerStore> HostStoreAsync() => CodeLedgerStore.OpenAsync(spec!, time, Key, Ct);

    private QueryExpiryService Worker(CodeLedgerStore store) =>
        new(store, time, Options.Create(new QueryExpiryOptions()), NullLogger<QueryExpiryService>.Instance);

    [Fact]
    public async Task Two_hosts_expire_each_due_query_exactly_once()
    {
        var setup = await HostStoreAsync();
        var first = await MatrixWorld.TenantAsync(setup, "A", "1234567893", Ct, encounters: 12);
        time.Advance(TimeSpan.FromHours(1));
        var second = await MatrixWorld.TenantAsync(setup, "B", "1987654328", Ct, encounters: 12);
        var hostOne = await HostStoreAsync();
        var hostTwo = await HostStoreAsync();
        QueryExpiryService[] workers = [Worker(hostOne), Worker(hostOne), Worker(hostTwo), Worker(hostTwo)];

        var expired = 0;
        // Round one: tenant A's queries are due, B's not yet; round two: B's; round three: nothing left.
        foreach (var hours in new[] { 71.5, 1, 1 })
        {
            time.Advance(TimeSpan.FromHours(hours));
            using var start = new Barrier(workers.Length);
            var runs = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
            {
                start.SignalAndWait(Ct);
                return await w.RunOnceAsync(Ct);
            }, Ct)));
            expired += runs.Sum(r => r.Expired);
        }

        var unresolved = new List<string>();
        await foreach (var entry in setup.ReadLedgerAsync(Ct))
        {
            if (entry.Type == QueryUnresolved.Type)
            {
                unresolved.Add(entry.Payload);
            }
        }

        var all = first.QueryIds.Concat(second.QueryIds).ToList();
        Assert.Equal(all.Count, expired);
        Assert.Equal(all.Count, unresolved.Count);
        Assert.All(all, id => Assert.Single(unresolved, p => p.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase)));
        await using var db = setup.CreateContext();
        Assert.All(await db.Set<DocumentationQuery>().Select(q => q.Status).ToListAsync(Ct), s => Assert.Equal(QueryStatus.Unresolved, s));
        Assert.True((await setup.VerifyLedgerAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task A_run_skips_queries_another_host_holds_instead_of_waiting_and_takes_them_once_released()
    {
        var setup = await HostStoreAsync();
        var held = await MatrixWorld.TenantAsync(setup, "A", "1234567893", Ct, encounters: 2);
        var free = await MatrixWorld.TenantAsync(setup, "B", "1987654328", Ct, encounters: 2);
        time.Advance(TimeSpan.FromHours(73));
        var worker = Worker(await HostStoreAsync());

        // Another host in the middle of its run: it holds tenant A's overdue query rows.
        await using var other = new NpgsqlConnection(spec);
        await other.OpenAsync(Ct);
        await using var transaction = await other.BeginTransactionAsync(Ct);
        await using (var claim = new NpgsqlCommand("SELECT id FROM documentation_queries WHERE encounter_id IN (SELECT id FROM encounters WHERE external_id LIKE 'ENC-A-%') FOR UPDATE", other, transaction))
        {
            await claim.ExecuteNonQueryAsync(Ct);
        }

        var whileHeld = await worker.RunOnceAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await transaction.RollbackAsync(Ct);
        var afterwards = await worker.RunOnceAsync(Ct);

        Assert.Equal((free.QueryIds.Count, held.QueryIds.Count), (whileHeld.Expired, afterwards.Expired));
        Assert.Equal(0, (await worker.RunOnceAsync(Ct)).Expired);
    }
}
