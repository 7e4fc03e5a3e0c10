using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Tests.Workflow;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Storage.Tests.Ledger;

/// <summary>
/// Checkpoints on a real database of each provider, built through the real desks: a receipt
/// signed of the stored ledger, then the stored ledger cut short or rewritten behind the
/// application's back (with a consistently recomputed chain, which <c>ledger verify</c> alone passes).
/// </summary>
public abstract class CheckpointSuite(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<LedgerEntry>> LedgerAsync(CodeLedgerStore store)
    {
        var entries = new List<LedgerEntry>();
        await foreach (var e in store.ReadLedgerAsync(Ct))
        {
            entries.Add(e);
        }

        return entries;
    }

    private async Task<(TestDatabase Database, CodeLedgerStore Store)> WithVisitsAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var world = new WorkflowWorld();
        await world.SaveAsync(store);
        var documented = database.Time.GetUtcNow();
        await new EncounterIntake(store).ImportAsync(world.Practice.Code, world.Vendor.Code,
            () => [.. Enumerable.Range(1, 6).Select(i => WorkflowWorld.Visit($"A-{i}", documented))], "intake", ct: Ct);
        return (database, store);
    }

    private static async Task<CheckpointReceipt> SignAsync(CodeLedgerStore store, SigningKey key)
    {
        var tally = new CheckpointTally();
        foreach (var e in await LedgerAsync(store))
        {
            tally.Add(e);
        }

        return CheckpointReceipt.Sign(tally.Checkpoint(store.Time.GetUtcNow()), key);
    }

    private static async Task<CheckpointFinding> CheckAsync(CodeLedgerStore store, CheckpointReceipt receipt)
    {
        var check = new CheckpointCheck([("receipt.json", receipt)], null);
        foreach (var e in await LedgerAsync(store))
        {
            check.Add(e);
        }

        return Assert.Single(check.Finish());
    }

    [Fact]
    public async Task The_stored_ledger_holds_the_receipt_taken_of_it()
    {
        var (database, store) = await WithVisitsAsync();
        await using var _ = database;
        using var key = SigningKey.Generate();

        var finding = await CheckAsync(store, await SignAsync(store, key));

        Assert.True(finding.IsOk, finding.Message);
    }

    [Fact]
    public async Task Deleting_the_newest_events_passes_the_chain_but_not_the_receipt()
    {
        var (database, store) = await WithVisitsAsync();
        await using var _ = database;
        using var key = SigningKey.Generate();
        var receipt = await SignAsync(store, key);
        var keep = receipt.Checkpoint.Sequence - 3;

        await database.TamperAsync($"DELETE FROM ledger_events WHERE sequence > {keep}");

        Assert.True((await store.VerifyLedgerAsync(Ct)).IsIntact);
        var finding = await CheckAsync(store, receipt);
        Assert.Equal(CheckpointErrors.Truncated, finding.Error);
        Assert.Contains($"the ledger ends at event {keep}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewriting_an_event_and_recomputing_the_chain_passes_the_chain_but_not_the_receipt()
    {
        var (database, store) = await WithVisitsAsync();
        await using var _ = database;
        using var key = SigningKey.Generate();
        var receipt = await SignAsync(store, key);

        var stored = await LedgerAsync(store);
        var forged = ChainFrom(stored, 3);
        foreach (var e in forged.Where(e => e.Sequence >= 3))
        {
            await database.TamperAsync(string.Create(CultureInfo.InvariantCulture,
                $"UPDATE ledger_events SET actor = '{e.Actor}', previous_hash = '{e.PreviousHash}', hash = '{e.Hash}' WHERE sequence = {e.Sequence}"));
        }

        Assert.True((await store.VerifyLedgerAsync(Ct)).IsIntact);
        var finding = await CheckAsync(store, receipt);
        Assert.Equal(CheckpointErrors.Rewritten, finding.Error);
        Assert.Contains($"event {receipt.Checkpoint.Sequence} now has hash {forged[^1].Hash}", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_whose_chain_is_broken_gets_no_checkpoint()
    {
        var (database, store) = await WithVisitsAsync();
        await using var _ = database;
        await database.TamperAsync("UPDATE ledger_events SET actor = 'someone-else' WHERE sequence = 2");

        using var key = SigningKey.Generate();
        var e = await Assert.ThrowsAsync<DomainException>(() => SignAsync(store, key));

        Assert.Equal(CheckpointErrors.LedgerNotIntact, e.Error);
        Assert.Contains("sequence 2", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Event <paramref name="from"/> given another actor and every hash from it on recomputed.</summary>
    private static List<LedgerEntry> ChainFrom(IReadOnlyList<LedgerEntry> entries, long from)
    {
        var result = new List<LedgerEntry>();
        var previous = LedgerHash.Genesis;
        foreach (var e in entries)
        {
            var edited = e.Sequence == from ? e with { Actor = "forger" } : e;
            edited = edited with { PreviousHash = previous };
            edited = edited with { Hash = LedgerHash.Compute(edited) };
            result.Add(edited);
            previous = edited.Hash;
        }

        return result;
    }
}

public sealed class SqliteCheckpointTests() : CheckpointSuite(DatabaseProvider.Sqlite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_signing_key_file_is_created_beside_the_database_once_readable_by_its_owner_only()
    {
        await using var database = TestDatabase.Sqlite();
        var store = await database.OpenAsync();

        var first = await SigningKeys.ResolveAsync(store.Location, null, Ct);
        var second = await SigningKeys.ResolveAsync(store.Location, null, Ct);

        var file = database.Spec + SigningKeys.FileSuffix;
        Assert.Equal(file, first.CreatedFile);
        Assert.Null(second.CreatedFile);
        Assert.Equal(first.Key.PublicKey, second.Key.PublicKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.DoesNotContain("PRIVATE KEY", await File.ReadAllTextAsync(database.Spec, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_variable_wins_over_the_key_file_and_a_bad_one_is_refused_without_quoting_it()
    {
        await using var database = TestDatabase.Sqlite();
        var store = await database.OpenAsync();
        using var given = SigningKey.Generate();

        var resolved = await SigningKeys.ResolveAsync(store.Location, given.ToPem(), Ct);

        Assert.Equal(given.PublicKey, resolved.Key.PublicKey);
        Assert.Equal(SigningKeys.Variable, resolved.Source);
        Assert.False(File.Exists(database.Spec + SigningKeys.FileSuffix));
        var e = await Assert.ThrowsAsync<DomainException>(() => SigningKeys.ResolveAsync(store.Location, "c2VjcmV0LXZhbHVl", Ct));
        Assert.Equal(CheckpointErrors.SigningKeyInvalid, e.Error);
        Assert.DoesNotContain("c2VjcmV0LXZhbHVl", e.Message, StringComparison.Ordinal);
    }
}

public sealed class PostgresCheckpointTests() : CheckpointSuite(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task A_postgres_database_has_no_key_beside_it_without_the_variable()
    {
        // A PostgreSQL server is shared: no key file is made for it, whatever the machine.
        var location = DatabaseLocation.Parse("Host=127.0.0.1;Port=1;Database=nowhere");

        var e = await Assert.ThrowsAsync<DomainException>(() => SigningKeys.ResolveAsync(location, null, TestContext.Current.CancellationToken));

        Assert.Equal(CheckpointErrors.SigningKeyMissing, e.Error);
        Assert.Contains(SigningKeys.Variable, e.Message, StringComparison.Ordinal);
    }
}
