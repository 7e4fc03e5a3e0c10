using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage.X12;
using CodeLedger.X12.Acknowledgments;

namespace CodeLedger.Storage.Tests.X12;

/// <summary>
/// The acknowledgment control-number counters, on SQLite and on PostgreSQL: unique per pair of
/// parties, kept across processes, and never handing out a number given with --control-number.
/// </summary>
public abstract class X12ControlNumberSuite(DatabaseProvider provider)
{
    private static readonly X12Parties ToPayer = new("ZZ", "CODELEDGER", "ZZ", "PAYER01");
    private static readonly X12Parties ToOtherPayer = new("ZZ", "CODELEDGER", "30", "PAYER02");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_reservation_takes_the_next_number_of_its_parties_counter()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        Assert.Equal([1], await X12ControlNumbers.ReserveAsync(store, [ToPayer], null, Ct));
        Assert.Equal([2, 3], await X12ControlNumbers.ReserveAsync(store, [ToPayer, ToPayer], null, Ct));
        Assert.Equal([1, 4], await X12ControlNumbers.ReserveAsync(store, [ToOtherPayer, ToPayer], null, Ct));

        // Another process opening the same database continues the count.
        var reopened = await database.OpenAsync();
        Assert.Equal([5], await X12ControlNumbers.ReserveAsync(reopened, [ToPayer], null, Ct));
    }

    [Fact]
    public async Task A_given_number_is_used_and_the_counter_never_hands_it_out_afterwards()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        Assert.Equal([40, 41], await X12ControlNumbers.ReserveAsync(store, [ToPayer, ToPayer], 40, Ct));
        Assert.Equal([42], await X12ControlNumbers.ReserveAsync(store, [ToPayer], null, Ct));

        // A number the counter has passed is used as given (a resend), and the counter stays put.
        Assert.Equal([7], await X12ControlNumbers.ReserveAsync(store, [ToPayer], 7, Ct));
        Assert.Equal([43], await X12ControlNumbers.ReserveAsync(store, [ToPayer], null, Ct));
    }

    [Fact]
    public async Task Every_number_taken_is_a_ledger_event_naming_the_parties()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        await X12ControlNumbers.ReserveAsync(store, [ToPayer], null, Ct);
        await X12ControlNumbers.ReserveAsync(store, [ToOtherPayer], 40, Ct);

        var events = new List<LedgerEntry>();
        await foreach (var e in store.ReadLedgerAsync(Ct))
        {
            events.Add(e);
        }

        Assert.Equal(
            [("ZZ:CODELEDGER>ZZ:PAYER01", new X12ControlNumberReserved("ZZ", "CODELEDGER", "ZZ", "PAYER01", 1, Given: false)),
             ("ZZ:CODELEDGER>30:PAYER02", new X12ControlNumberReserved("ZZ", "CODELEDGER", "30", "PAYER02", 40, Given: true))],
            events.Select(e => (e.Subject, (X12ControlNumberReserved)LedgerEvents.Read(e.Type, e.Payload)!)));
        Assert.True((await store.VerifyLedgerAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task The_count_wraps_from_nine_nines_to_1()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        Assert.Equal([999_999_999, 1], await X12ControlNumbers.ReserveAsync(store, [ToPayer, ToPayer], 999_999_999, Ct));
        Assert.Equal([1], await X12ControlNumbers.ReserveAsync(store, [ToOtherPayer], null, Ct));
    }

    [Fact]
    public async Task Two_processes_reserving_at_once_never_get_the_same_number()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await database.OpenAsync();
        var second = await database.OpenAsync();
        const int each = 15;

        static async Task<List<int>> ReserveMany(CodeLedgerStore store)
        {
            var numbers = new List<int>();
            for (var i = 0; i < each; i++)
            {
                numbers.AddRange(await X12ControlNumbers.ReserveAsync(store, [ToPayer], null));
            }

            return numbers;
        }

        var results = await Task.WhenAll(Task.Run(() => ReserveMany(first), Ct), Task.Run(() => ReserveMany(second), Ct));
        Assert.Equal(Enumerable.Range(1, 2 * each), results.SelectMany(r => r).Order());
    }
}

public sealed class SqliteX12ControlNumberTests() : X12ControlNumberSuite(DatabaseProvider.Sqlite);

public sealed class PostgresX12ControlNumberTests() : X12ControlNumberSuite(DatabaseProvider.PostgreSql);
