using CodeLedger.Core.Coding;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Tests.Reports;

/// <summary>
/// The monthly loader reads its large tables with a data reader over two joined statements
/// (Storage/Reports/MonthlyRows, issue 19); what it reads must be what the EF entities say, row for
/// row, on a demo month (400 encounters, seed 11); and an edited coding is not read quietly.
/// </summary>
public sealed class MonthlyReportLoaderTests(MonthlyPackageCommandTests.DemoWorld world) : IClassFixture<MonthlyPackageCommandTests.DemoWorld>
{
    private const string Practice = "NORTHSIDE-FM";
    private const string Month = "2026-10";

    [Fact]
    public async Task Every_encounter_finalized_in_the_month_or_the_twelve_before_reads_as_its_work_item_encounter_and_final_coding_say()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CodeLedgerStore.OpenAsync(world.Db, TimeProvider.System, ct);
        var loaded = await new MonthlyReportLoader(store).LoadAsync(Practice, null, Month, null, ct: ct);

        await using var db = store.CreateContext();
        var practice = await db.Organizations.AsNoTracking().SingleAsync(o => o.Code == Practice, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(loaded.Input.TimeZoneId);
        var month = SlaMonth.Parse(Month);
        var (from, to) = (month.AddMonths(-12).Window(zone).Start, month.Window(zone).End);
        var work = (await db.Set<WorkItem>().AsNoTracking().Where(w => w.PracticeId == practice.Id && w.FinalizedAt != null).ToListAsync(ct))
            .Where(w => w.FinalizedAt >= from && w.FinalizedAt < to).OrderBy(w => w.EncounterId).ToList();
        var encounters = await db.Encounters.AsNoTracking().Where(e => e.PracticeId == practice.Id).ToDictionaryAsync(e => e.Id, ct);
        var codings = (await db.CodingResults.AsNoTracking().ToListAsync(ct)).ToDictionary(c => (c.EncounterId, c.Version));
        var npis = await db.Physicians.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Npi, ct);

        Assert.True(work.Count > 100, $"the demo month has {work.Count} finalized encounters");
        Assert.Equal(work.Select(w => w.EncounterId), loaded.Input.Encounters.Select(e => e.EncounterId));
        foreach (var (w, read) in work.Zip(loaded.Input.Encounters))
        {
            var encounter = encounters[w.EncounterId];
            CodingResult? coding = w.FinalCodingVersion is { } v ? codings.GetValueOrDefault((w.EncounterId, v)) : null;
            var procedures = coding?.ServiceLines.Select(l => l.Code.Value).ToList() ?? [];
            Assert.Equal(npis[encounter.PhysicianId], read.Physician.Npi);
            Assert.Equal(encounter.DateOfService, read.DateOfService);
            Assert.Equal(procedures, read.Procedures);
            Assert.Equal(coding?.Diagnoses.Select(d => d.Value).ToList() ?? [], read.Diagnoses);
            Assert.Equal(procedures.FirstOrDefault(p => EmLevels.Classify(p) is not null), read.EmCode);
            Assert.Equal(coding?.CoderId ?? w.CoderId, read.CoderId);
            Assert.Equal((w.ClockStart, w.FinalizedAt!.Value), (read.Turnaround!.Start, read.Turnaround.Stop));
        }
    }

    [Fact]
    public async Task The_queries_are_those_raised_in_the_month_on_the_practices_encounters_as_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await CodeLedgerStore.OpenAsync(world.Db, TimeProvider.System, ct);
        var loaded = await new MonthlyReportLoader(store).LoadAsync(Practice, null, Month, null, ct: ct);

        await using var db = store.CreateContext();
        var practice = await db.Organizations.AsNoTracking().SingleAsync(o => o.Code == Practice, ct);
        var window = SlaMonth.Parse(Month).Window(TimeZoneInfo.FindSystemTimeZoneById(loaded.Input.TimeZoneId));
        var mine = (await db.Encounters.AsNoTracking().Where(e => e.PracticeId == practice.Id).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        var stored = (await db.Set<DocumentationQuery>().AsNoTracking().ToListAsync(ct))
            .Where(q => mine.Contains(q.EncounterId) && q.RaisedAt >= window.Start && q.RaisedAt < window.End)
            .OrderBy(q => q.Id).ToList();

        Assert.NotEmpty(stored);
        Assert.Equal(
            stored.Select(q => (q.Id, q.Category, q.RaisedAt, q.DueAt, q.Status, q.ClosedAt)),
            loaded.Input.Queries.Select(q => (q.QueryId, q.Category, q.RaisedAt, q.DueAt, q.Status, q.ClosedAt)));
    }

    [Fact]
    public async Task Work_beside_the_reads_starts_once_for_a_reader_let_in_and_never_for_one_refused()
    {
        // The package's checkpoint walk starts when the loader calls back (MonthlyPackageBuilder): a
        // practice the reader cannot open must not cost a walk of the ledger.
        var ct = TestContext.Current.CancellationToken;
        var store = await CodeLedgerStore.OpenAsync(world.Db, TimeProvider.System, ct);
        var started = 0;

        var loaded = await new MonthlyReportLoader(store).LoadAsync(Practice, null, Month, null, onAuthorized: () => started++, ct: ct);
        Assert.Equal(1, started);
        Assert.NotEmpty(loaded.Input.Encounters);

        var refused = await Record.ExceptionAsync(() => new MonthlyReportLoader(store).LoadAsync("NO-SUCH-PRACTICE", null, Month, null, onAuthorized: () => started++, ct: ct));
        Assert.IsType<CodeLedger.Core.Common.DomainException>(refused);
        Assert.Equal(1, started);
    }

    [Fact]
    public async Task A_coding_edited_to_hold_a_malformed_code_fails_the_load_instead_of_being_counted()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = world.Copy("malformed-coding");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE coding_results SET diagnoses = '[\"NOT A CODE\"]' WHERE id = (SELECT c.id FROM coding_results c JOIN work_items w ON w.encounter_id = c.encounter_id AND w.final_coding_version = c.version LIMIT 1)";
            Assert.Equal(1, edit.ExecuteNonQuery());
        }

        var store = await CodeLedgerStore.OpenAsync(db, TimeProvider.System, ct);
        var practices = new[] { "NORTHSIDE-FM", "HEARTWELL-CARDIO" };
        var failures = 0;
        foreach (var practice in practices)
        {
            if (await Record.ExceptionAsync(() => new MonthlyReportLoader(store).LoadAsync(practice, null, Month, null, ct: ct)) is FormatException or System.Text.Json.JsonException)
            {
                failures++;
            }
        }

        Assert.Equal(1, failures);
    }
}
