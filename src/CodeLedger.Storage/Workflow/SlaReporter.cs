using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// The monthly SLA report of a practice: encounters finalized in the month (in the contract's time
/// zone), each measured from its clock start to finalization on the contract's clock, less the time
/// its queries were open when the contract pauses for queries. Reads two narrow projections (work
/// items, query intervals), so a million encounters stay a streaming scan, not an object graph.
/// </summary>
public sealed class SlaReporter(CodeLedgerStore store)
{
    public async Task<SlaMonthReport> ReportAsync(string practiceCode, string month, CancellationToken ct = default)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw new DomainException("SLA-MONTH", $"month '{month}' is not YYYY-MM");
        }

        await using var db = store.CreateContext();
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var contract = await WorkflowLookup.ContractAsync(db, practice.Id, null, first.AddMonths(1).AddDays(-1), ct)
            ?? throw new DomainException("SLA-NO-CONTRACT", $"no SLA contract of practice {practice.Code} is in force in {month}");

        var samples = await SamplesAsync(db, contract, first, ct);

        // The consecutive-breach rule needs the verdicts of the months before, most recent first.
        var earlier = new List<bool>();
        for (var i = 1; i < contract.RemediationAfterConsecutiveBreachMonths; i++)
        {
            var m = first.AddMonths(-i);
            if (m < new DateOnly(contract.EffectiveOn.Year, contract.EffectiveOn.Month, 1))
            {
                break;
            }

            var earlierSamples = await SamplesAsync(db, contract, m, ct);
            var target = TimeSpan.FromHours(contract.TurnaroundTargetHours);
            earlier.Add(SlaCalculator.IsBreach(contract, earlierSamples.Count, earlierSamples.Count(s => s.Elapsed <= target)));
        }

        var report = SlaCalculator.Build(contract, month, samples, earlier);

        // Only breaches are shown by reference, so only their external ids are read.
        var breachIds = report.Breaches.Select(b => Guid.Parse(b.EncounterRef)).ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in breachIds.Chunk(500))
        {
            foreach (var row in await db.Encounters.AsNoTracking().Where(e => chunk.Contains(e.Id)).Select(e => new { e.Id, e.ExternalId }).ToListAsync(ct))
            {
                names[row.Id] = row.ExternalId;
            }
        }

        return report with
        {
            Breaches = [.. report.Breaches.Select(b => b with { EncounterRef = names.GetValueOrDefault(Guid.Parse(b.EncounterRef), b.EncounterRef) })],
        };
    }

    private static async Task<List<TurnaroundSample>> SamplesAsync(CodeLedgerDbContext db, SlaContract contract, DateOnly first, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(contract.TimeZoneId);
        var monthStart = LocalMidnight(first, zone);
        var monthEnd = LocalMidnight(first.AddMonths(1), zone);
        var practiceId = contract.PracticeId;
        var vendorId = contract.VendorId;

        var pauses = new Dictionary<Guid, List<TimePeriod>>();
        if (contract.OpenQueryPausesClock)
        {
            var intervals = await (from q in db.Set<DocumentationQuery>().AsNoTracking()
                                   join w in db.Set<WorkItem>() on q.EncounterId equals w.EncounterId
                                   where w.PracticeId == practiceId && w.VendorId == vendorId && w.FinalizedAt >= monthStart && w.FinalizedAt < monthEnd
                                   select new { q.EncounterId, q.RaisedAt, q.ClosedAt, w.FinalizedAt }).ToListAsync(ct);
            foreach (var i in intervals)
            {
                var end = i.ClosedAt ?? i.FinalizedAt!.Value;
                if (end < i.RaisedAt)
                {
                    continue;
                }

                if (!pauses.TryGetValue(i.EncounterId, out var list))
                {
                    pauses[i.EncounterId] = list = [];
                }

                list.Add(new TimePeriod(i.RaisedAt, end));
            }
        }

        var clock = new TurnaroundClock(contract);
        var samples = new List<TurnaroundSample>();
        var rows = db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.PracticeId == practiceId && w.VendorId == vendorId && w.FinalizedAt >= monthStart && w.FinalizedAt < monthEnd)
            .Select(w => new { w.EncounterId, w.ClockStart, w.FinalizedAt })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            var stop = row.FinalizedAt!.Value;
            var elapsed = clock.Measure(row.ClockStart, stop, pauses.GetValueOrDefault(row.EncounterId));
            samples.Add(new TurnaroundSample(row.EncounterId.ToString(), row.ClockStart, stop, elapsed));
        }

        return samples;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
