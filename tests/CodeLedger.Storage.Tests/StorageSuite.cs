using CodeLedger.Core.Codes;
using CodeLedger.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Tests;

/// <summary>
/// The storage contract, run once on SQLite and once on PostgreSQL. Each test gets a fresh database.
/// </summary>
public abstract class StorageSuite(DatabaseProvider provider)
{
    protected Task<TestDatabase> NewDatabaseAsync() => TestDatabase.CreateAsync(provider);

    internal static async Task SaveAllAsync(CodeLedgerStore store, SampleData d)
    {
        await store.WriteAsync("test", (db, ledger) =>
        {
            db.AddRange(d.Practice, d.Vendor, d.Auditor);
            db.Add(d.Baa);
            db.Add(d.Physician);
            db.Add(d.Coder);
            db.Add(d.Contract);
            ledger.Append(d.Practice.Code, new OrganizationRegistered(d.Practice.Id, d.Practice.Name, d.Practice.Kind));
            ledger.Append(d.Vendor.Code, new OrganizationRegistered(d.Vendor.Id, d.Vendor.Name, d.Vendor.Kind));
            return Task.CompletedTask;
        });
        await store.WriteAsync("test", (db, ledger) =>
        {
            db.Add(d.Encounter);
            db.Add(d.Coding);
            ledger.Append(d.Encounter.ExternalId, new Stored(d.Encounter.Id));
            ledger.Append(d.Encounter.ExternalId, new Stored(d.Coding.Id));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Every_entity_round_trips()
    {
        await using var database = await NewDatabaseAsync();
        var store = await database.OpenAsync();
        var d = new SampleData();
        await SaveAllAsync(store, d);

        await using var db = store.CreateContext();
        var practice = await db.Organizations.SingleAsync(o => o.Id == d.Practice.Id, TestContext.Current.CancellationToken);
        Assert.Equal((d.Practice.Code, d.Practice.Name, d.Practice.Kind), (practice.Code, practice.Name, practice.Kind));
        Assert.Equal(3, await db.Organizations.CountAsync(TestContext.Current.CancellationToken));

        var baa = await db.BusinessAssociateAgreements.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal((d.Baa.PracticeId, d.Baa.VendorId, d.Baa.PracticeSignatory, d.Baa.VendorSignatory, d.Baa.SignedOn, d.Baa.EffectiveOn, d.Baa.ExpiresOn, d.Baa.DocumentSha256),
            (baa.PracticeId, baa.VendorId, baa.PracticeSignatory, baa.VendorSignatory, baa.SignedOn, baa.EffectiveOn, baa.ExpiresOn, baa.DocumentSha256));

        var physician = await db.Physicians.SingleAsync(p => p.Npi == Npi.Parse("1234567893"), TestContext.Current.CancellationToken);
        Assert.Equal((d.Physician.Name, d.Physician.Taxonomy, d.Physician.Specialty, d.Physician.PracticeId), (physician.Name, physician.Taxonomy, physician.Specialty, physician.PracticeId));

        var coder = await db.Coders.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(d.Coder.Credentials, coder.Credentials);
        Assert.Equal(d.Coder.Specialties, coder.Specialties);
        Assert.Equal(d.Coder.Absences, coder.Absences);
        Assert.True(coder.IsAwayOn(new DateOnly(2026, 3, 10)));

        var encounter = await db.Encounters.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(d.Encounter.Patient, encounter.Patient);
        Assert.Equal((d.Encounter.ExternalId, d.Encounter.DateOfService, d.Encounter.PlaceOfService, d.Encounter.Specialty, d.Encounter.DocumentationText),
            (encounter.ExternalId, encounter.DateOfService, encounter.PlaceOfService, encounter.Specialty, encounter.DocumentationText));
        Assert.Equal(d.Encounter.DocumentationCompletedAt, encounter.DocumentationCompletedAt);
        Assert.Equal(d.Encounter.ReceivedAt, encounter.ReceivedAt);

        var coding = await db.CodingResults.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(d.Coding.Diagnoses, coding.Diagnoses);
        Assert.Equal(d.Coding.ServiceLines, coding.ServiceLines);
        Assert.Equal((d.Coding.Version, d.Coding.CoderId, d.Coding.CodedAt), (coding.Version, coding.CoderId, coding.CodedAt));

        var contract = await db.SlaContracts.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(d.Contract.WorkingHours, contract.WorkingHours);
        Assert.Equal(d.Contract.Holidays, contract.Holidays);
        Assert.Equal(d.Contract.CreditSchedule, contract.CreditSchedule);
        Assert.Equal(Money.Parse("12500.00"), contract.MonthlyFee);
        Assert.Equal((48, "America/Chicago", 95m, 72, true, false, 3),
            (contract.TurnaroundTargetHours, contract.TimeZoneId, contract.AccuracyFloorPercent, contract.QueryResponseWindowHours,
             contract.OpenQueryPausesClock, contract.CorrectedDocumentationRestartsClock, contract.RemediationAfterConsecutiveBreachMonths));
    }

    [Fact]
    public async Task Every_write_appends_its_events_to_one_intact_chain()
    {
        await using var database = await NewDatabaseAsync();
        var store = await database.OpenAsync();
        await SaveAllAsync(store, new SampleData());

        var events = await ToListAsync(store.ReadLedgerAsync(TestContext.Current.CancellationToken));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Sequence));
        Assert.Equal(LedgerHash.Genesis, events[0].PreviousHash);
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal("2026-03-02T14:00:00.000000Z", Core.Common.Instants.Format(events[0].Instant));

        var verification = await store.VerifyLedgerAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(4, verification.EventCount);
    }

    [Fact]
    public async Task A_failed_change_leaves_neither_state_nor_ledger_event()
    {
        await using var database = await NewDatabaseAsync();
        var store = await database.OpenAsync();
        var d = new SampleData();
        await SaveAllAsync(store, d);

        // Same practice code twice violates the unique index: the whole write must roll back.
        var duplicate = new Core.Organizations.Organization(Guid.NewGuid(), d.Practice.Code, "Copy", Core.Organizations.OrganizationKind.Practice);
        await Assert.ThrowsAsync<DbUpdateException>(() => store.WriteAsync("test", (db, ledger) =>
        {
            db.Add(duplicate);
            ledger.Append(duplicate.Code, new OrganizationRegistered(duplicate.Id, duplicate.Name, duplicate.Kind));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken));

        var verification = await store.VerifyLedgerAsync(TestContext.Current.CancellationToken);
        Assert.Equal(4, verification.EventCount);
        await using var check = store.CreateContext();
        Assert.Equal(3, await check.Organizations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_connections_appending_at_once_leave_one_unbroken_chain()
    {
        await using var database = await NewDatabaseAsync();
        var first = await database.OpenAsync();
        var second = await database.OpenAsync();
        const int writesEach = 40;

        async Task WriteMany(CodeLedgerStore store, string actor)
        {
            for (var i = 0; i < writesEach; i++)
            {
                await store.WriteAsync(actor, (db, ledger) =>
                {
                    ledger.Append($"{actor}-{i}", new Tick(i));
                    ledger.Append($"{actor}-{i}", new Tock(i));
                    return Task.CompletedTask;
                });
            }
        }

        await Task.WhenAll(Task.Run(() => WriteMany(first, "writer-a")), Task.Run(() => WriteMany(second, "writer-b")));

        var verification = await first.VerifyLedgerAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact, verification.Reason);
        Assert.Equal(2 * 2 * writesEach, verification.EventCount);

        // Each write's two events are adjacent: a write never interleaves with another.
        var events = await ToListAsync(first.ReadLedgerAsync(TestContext.Current.CancellationToken));
        for (var i = 0; i < events.Count; i += 2)
        {
            Assert.Equal((events[i].Actor, events[i].Subject), (events[i + 1].Actor, events[i + 1].Subject));
        }
    }

    [Fact]
    public async Task Changed_payload_is_detected_at_its_sequence_number()
    {
        await using var database = await TamperedAsync("UPDATE ledger_events SET payload = '{\"i\":999}' WHERE sequence = 5");
        await AssertBrokenAtAsync(database, 5);
    }

    [Fact]
    public async Task Deleted_event_is_detected_at_its_sequence_number()
    {
        await using var database = await TamperedAsync("DELETE FROM ledger_events WHERE sequence = 5");
        await AssertBrokenAtAsync(database, 5);
    }

    [Fact]
    public async Task Inserted_event_is_detected_at_its_sequence_number()
    {
        // Make room at 5 by renumbering 5..10 to 6..11, then slip a forged event in at 5.
        await using var database = await TamperedAsync(
            "UPDATE ledger_events SET sequence = sequence + 1000 WHERE sequence >= 5",
            "UPDATE ledger_events SET sequence = sequence - 999 WHERE sequence >= 1000",
            $"INSERT INTO ledger_events (sequence, instant, actor, type, subject, payload, previous_hash, hash) " +
            $"SELECT 5, instant, 'intruder', 'coding.submitted', 'EHR-X', '{{}}', hash, '{new string('f', 64)}' FROM ledger_events WHERE sequence = 4");
        await AssertBrokenAtAsync(database, 5);
    }

    [Fact]
    public async Task Swapped_events_are_detected_at_the_first_of_them()
    {
        await using var database = await TamperedAsync(
            "UPDATE ledger_events SET sequence = 1005 WHERE sequence = 5",
            "UPDATE ledger_events SET sequence = 5 WHERE sequence = 6",
            "UPDATE ledger_events SET sequence = 6 WHERE sequence = 1005");
        await AssertBrokenAtAsync(database, 5);
    }

    private async Task<TestDatabase> TamperedAsync(params string[] statements)
    {
        var database = await NewDatabaseAsync();
        var store = await database.OpenAsync();
        for (var i = 1; i <= 10; i++)
        {
            await store.WriteAsync("test", (db, ledger) =>
            {
                ledger.Append($"subject-{i}", new Tick(i));
                return Task.CompletedTask;
            });
        }

        Assert.True((await store.VerifyLedgerAsync()).IsIntact);
        foreach (var sql in statements)
        {
            await database.TamperAsync(sql);
        }

        return database;
    }

    private static async Task AssertBrokenAtAsync(TestDatabase database, long sequence)
    {
        var store = await database.OpenAsync();
        var verification = await store.VerifyLedgerAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(sequence, verification.FailedSequence);
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

public sealed class SqliteStorageTests() : StorageSuite(DatabaseProvider.Sqlite);

public sealed class PostgresStorageTests() : StorageSuite(DatabaseProvider.PostgreSql);
