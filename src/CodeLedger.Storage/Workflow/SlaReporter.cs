using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Turnaround;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// The monthly SLA report of a practice: encounters finalized in the month (in the contract's time
/// zone), each measured from its clock start to finalization on the contract's clock, less the time
/// its queries were open when the contract pauses for queries. Reads two narrow statements (work
/// items, query intervals) with a data reader and keeps one number per encounter, so a million
/// encounters stay a streaming scan, not an object graph.
/// </summary>
public sealed class SlaReporter(CodeLedgerStore store)
{
    public async Task<SlaMonthReport> ReportAsync(string practiceCode, string month, CancellationToken ct = default)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw new DomainException(ContractErrors.Month, $"month '{month}' is not YYYY-MM");
        }

        await using var db = store.CreateContext();
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var contract = await WorkflowLookup.ContractAsync(db, practice.Id, null, first.AddMonths(1).AddDays(-1), ct)
            ?? throw new DomainException(ContractErrors.NoContract, $"no SLA contract of practice {practice.Code} is in force in {month}");

        // Every read below runs on one connection, opened once.
        SlaMonthReport report;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var tally = await MeasureAsync(db, contract, first, ct);

            // The consecutive-breach rule needs the verdicts of the months before, most recent first.
            var earlier = new List<bool>();
            for (var i = 1; i < contract.RemediationAfterConsecutiveBreachMonths; i++)
            {
                var m = first.AddMonths(-i);
                if (m < new DateOnly(contract.EffectiveOn.Year, contract.EffectiveOn.Month, 1))
                {
                    break;
                }

                var earlierTally = await MeasureAsync(db, contract, m, ct);
                earlier.Add(SlaCalculator.IsBreach(contract, earlierTally.Count, earlierTally.WithinTarget));
            }

            report = SlaCalculator.Build(contract, month, tally, earlier);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

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

    /// <summary>
    /// Measures every encounter of the contract's practice and vendor finalized in the month. Rows are
    /// read with a plain data reader over a narrow statement (three columns of the covering index on
    /// SQLite), not materialized by EF: at a million rows EF's per-row shaping cost more than the
    /// measuring. Names, parameters and stored instants still come from the EF model, so the
    /// statement reads what EF would.
    /// </summary>
    private static async Task<TurnaroundTally> MeasureAsync(CodeLedgerDbContext db, SlaContract contract, DateOnly first, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(contract.TimeZoneId);
        var monthStart = LocalMidnight(first, zone);
        var monthEnd = LocalMidnight(first.AddMonths(1), zone);
        var schema = SlaSchema.Of(db);

        // Each encounter's queries; a query pauses the clock from being raised until closed, or until
        // finalization while still open, and not at all if closed before it was raised.
        var queries = new Dictionary<Guid, List<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)>>();
        if (contract.OpenQueryPausesClock)
        {
            await using var command = schema.QueryIntervals(db, contract, monthStart, monthEnd);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var encounterId = reader.GetGuid(0);
                if (!queries.TryGetValue(encounterId, out var list))
                {
                    queries[encounterId] = list = [];
                }

                list.Add((schema.ReadInstant(reader, 1), reader.IsDBNull(2) ? null : schema.ReadInstant(reader, 2)));
            }
        }

        var clock = new TurnaroundClock(contract);
        var tally = new TurnaroundTally(contract);
        await using (var command = schema.FinalizedWork(db, contract, monthStart, monthEnd))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var encounterId = reader.GetGuid(0);
                var start = schema.ReadInstant(reader, 1);
                var stop = schema.ReadInstant(reader, 2);
                var elapsed = queries.Count > 0 && queries.TryGetValue(encounterId, out var open)
                    ? clock.Measure(start, stop, Pauses(open, stop))
                    : clock.Measure(start, stop);
                tally.Add(elapsed, start, stop, encounterId);
            }
        }

        return tally;
    }

    private static List<TimePeriod> Pauses(List<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)> queries, DateTimeOffset finalizedAt)
    {
        var pauses = new List<TimePeriod>(queries.Count);
        foreach (var (raisedAt, closedAt) in queries)
        {
            var end = closedAt ?? finalizedAt;
            if (end >= raisedAt)
            {
                pauses.Add(new TimePeriod(raisedAt, end));
            }
        }

        return pauses;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
