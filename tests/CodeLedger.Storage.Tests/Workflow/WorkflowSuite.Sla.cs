using System.Globalization;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Workflow;
using CodeLedger.Testing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Workflow;

/// <summary>The SLA report's fast path (plain reader, business-hours calendar, tally) against the reference it replaced.</summary>
public abstract partial class WorkflowSuite
{
    [Theory]
    [InlineData("2026-02")]
    [InlineData("2026-03")]
    [InlineData("2026-04")]
    [InlineData("2026-06")]
    public async Task Sla_report_matches_the_day_by_day_reference_on_generated_work(string month)
    {
        await using var h = await StartAsync();
        await SeedGeneratedWorkAsync(h, count: 3_000);

        var report = await new SlaReporter(h.Store).ReportAsync("FM-NORTH", month, Ct);

        SlaAssert.Same(await ReferenceReportAsync(h, month), report);
        Assert.True(report.Count > 0 || month == "2026-06");
    }

    [Fact]
    public async Task Practice_with_two_vendors_gets_one_report_per_contract_and_must_name_the_vendor()
    {
        await using var h = await StartAsync();
        var rival = new Core.Organizations.Organization(Guid.NewGuid(), "RIVAL", "Rival Coding", Core.Organizations.OrganizationKind.CodingVendor);
        var c = h.World.Contract;
        var rivalContract = new Core.Contracts.SlaContract(Guid.NewGuid(), h.World.Practice.Id, rival.Id, new DateOnly(2026, 2, 1), 24, c.Clock, c.TimeZoneId,
            c.WorkingHours, c.Holidays, 95m, 72, true, false, c.CreditSchedule, c.MonthlyFee, 3);
        await h.Store.WriteAsync("setup", (db, _) =>
        {
            db.AddRange(rival, rivalContract);
            return Task.CompletedTask;
        }, Ct);
        await h.ImportAsync(WorkflowWorld.Visit("A-1", h.Now));
        await h.CodeAsync("A-1", await AssigneeAsync(h, "A-1"));
        var reporter = new SlaReporter(h.Store);

        var refusal = await Assert.ThrowsAsync<Core.Common.DomainException>(() => reporter.ReportAsync("FM-NORTH", "2026-03", Ct));
        var acme = await reporter.ReportAsync("FM-NORTH", "ACME", "2026-03", Ct);
        var ofRival = await reporter.ReportAsync("FM-NORTH", "RIVAL", "2026-03", Ct);

        Assert.Equal("SLA-VENDOR-REQUIRED", refusal.Code);
        Assert.Contains("ACME, RIVAL", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(("ACME", 48, 1), (acme.Vendor, acme.TargetHours, acme.Count));
        Assert.Equal(("RIVAL", 24, 0, new DateOnly(2026, 2, 1)), (ofRival.Vendor, ofRival.TargetHours, ofRival.Count, ofRival.ContractEffectiveOn));
    }

    /// <summary>
    /// Work documented from late January to mid May (crossing months, the March daylight-saving change,
    /// weekends and Memorial Day), finalized within hours or weeks, with no query, one, or several
    /// overlapping, answered or still open, some raised after finalization; plus work of another vendor and
    /// another practice, and unfinalized work, which the report must leave out.
    /// </summary>
    private static async Task SeedGeneratedWorkAsync(Harness h, int count)
    {
        var random = new Random(20260302);
        var w = h.World;
        var otherVendor = new Core.Organizations.Organization(Guid.NewGuid(), "OTHER-VENDOR", "Other Coding", Core.Organizations.OrganizationKind.CodingVendor);
        var patient = new PatientDemographics("Bench", "Patient", new DateOnly(1960, 1, 1), PatientSex.Female, "M0");
        var origin = new DateTimeOffset(2026, 1, 25, 0, 0, 0, TimeSpan.Zero);
        var encounters = new List<Encounter>();
        var work = new List<WorkItem>();
        var queries = new List<DocumentationQuery>();
        for (var i = 0; i < count; i++)
        {
            var practice = i % 97 == 0 ? w.Unbound : w.Practice;
            var documented = origin.AddSeconds(random.Next(0, 110 * 24 * 3600)).AddTicks(random.Next(0, 10) * 10);
            var received = random.Next(4) == 0 ? documented.AddMinutes(random.Next(1, 600)) : documented.AddMinutes(-random.Next(0, 60));
            var encounter = new Encounter(Guid.NewGuid(), practice.Id, w.Physician.Id, string.Create(CultureInfo.InvariantCulture, $"G-{i:D5}"), patient,
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, w.Physician.Specialty, "note", documented, received);
            var item = new WorkItem(encounter, i % 89 == 0 ? otherVendor.Id : w.Vendor.Id, new CoderAssignment(w.Jdoe.Id, w.Jdoe.UserName, AssignmentBasis.Primary), received);
            var hours = random.Next(10) == 0 ? random.NextDouble() * 24 * 30 : random.NextDouble() * random.NextDouble() * 150;
            var finalized = encounter.ClockStart.AddHours(hours);
            for (var q = random.Next(10) < 8 ? 0 : random.Next(1, 4); q > 0; q--)
            {
                var raised = encounter.ClockStart.AddMinutes(random.Next(-60, (int)(hours * 70) + 60));
                var query = new DocumentationQuery(Guid.NewGuid(), encounter.Id, w.Physician.Id, w.Jdoe.Id, QueryCategory.DiagnosisSpecificity, "Please clarify.", [], raised, 72);
                if (random.Next(3) > 0)
                {
                    query.Respond("Clarified.", raised.AddMinutes(random.Next(1, 71 * 60)));
                }

                queries.Add(query);
            }

            if (i % 53 != 0)
            {
                item.Finalize(finalized, 1, false, null, null);
            }

            encounters.Add(encounter);
            work.Add(item);
        }

        await h.Store.WriteAsync("test", async (db, ledger) =>
        {
            db.Add(otherVendor);
            await db.SaveChangesAsync(Ct);
            await BulkInsert.InsertAsync(db, encounters, Ct);
            await BulkInsert.InsertAsync(db, work, Ct);
            await BulkInsert.InsertAsync(db, queries, Ct);
        }, Ct);
    }

    /// <summary>The report as computed before the fast path: entities through EF, the day-by-day clock, a sample per encounter.</summary>
    private static async Task<SlaMonthReport> ReferenceReportAsync(Harness h, string month)
    {
        var contract = h.World.Contract;
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var db = h.Store.CreateContext();
        var work = await db.Set<WorkItem>().AsNoTracking().Where(x => x.PracticeId == contract.PracticeId && x.VendorId == contract.VendorId).ToListAsync(Ct);
        var queries = await db.Set<DocumentationQuery>().AsNoTracking().ToListAsync(Ct);
        var names = await db.Encounters.AsNoTracking().ToDictionaryAsync(e => e.Id.ToString(), e => e.ExternalId, Ct);

        List<TurnaroundSample> Samples(DateOnly m)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(contract.TimeZoneId);
            DateTimeOffset Midnight(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            var (from, to) = (Midnight(m), Midnight(m.AddMonths(1)));
            var clock = new ReferenceClock(contract);
            return [.. work.Where(x => x.FinalizedAt >= from && x.FinalizedAt < to).Select(x =>
            {
                var pauses = queries.Where(q => q.EncounterId == x.EncounterId && (q.ClosedAt ?? x.FinalizedAt!.Value) >= q.RaisedAt)
                    .Select(q => new TimePeriod(q.RaisedAt, q.ClosedAt ?? x.FinalizedAt!.Value)).ToList();
                return new TurnaroundSample(x.EncounterId.ToString(), x.ClockStart, x.FinalizedAt!.Value, clock.Measure(x.ClockStart, x.FinalizedAt!.Value, pauses.Count == 0 ? null : pauses));
            })];
        }

        var earlier = new List<bool>();
        for (var i = 1; i < contract.RemediationAfterConsecutiveBreachMonths && first.AddMonths(-i) >= new DateOnly(contract.EffectiveOn.Year, contract.EffectiveOn.Month, 1); i++)
        {
            var samples = Samples(first.AddMonths(-i));
            earlier.Add(SlaCalculator.IsBreach(contract, samples.Count, samples.Count(s => s.Elapsed <= TimeSpan.FromHours(contract.TurnaroundTargetHours))));
        }

        var report = ReferenceSlaCalculator.Build(contract, month, Samples(first), earlier);
        return report with
        {
            Breaches = [.. report.Breaches.Select(b => b with { EncounterRef = names[b.EncounterRef] })],
            Practice = h.World.Practice.Code,
            Vendor = h.World.Vendor.Code,
            ContractEffectiveOn = contract.EffectiveOn,
        };
    }
}
