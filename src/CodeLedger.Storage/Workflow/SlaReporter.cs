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
    /// <summary>The report of the practice's one contract in force in the month (SLA-VENDOR-REQUIRED when it has several).</summary>
    public Task<SlaMonthReport> ReportAsync(string practiceCode, string month, CancellationToken ct = default) => ReportAsync(practiceCode, null, month, ct);

    /// <summary>The report of the practice's contract with the vendor named, or with its only vendor when <paramref name="vendorCode"/> is null.</summary>
    public async Task<SlaMonthReport> ReportAsync(string practiceCode, string? vendorCode, string month, CancellationToken ct = default)
    {
        var slaMonth = SlaMonth.Parse(month);
        await using var db = store.CreateContext();
        var practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
        var named = vendorCode is null ? null : await WorkflowLookup.OrganizationAsync(db, vendorCode, OrganizationKind.CodingVendor, ct);
        var inForce = slaMonth.InForce(await db.SlaContracts.AsNoTracking().Where(c => c.PracticeId == practice.Id).ToListAsync(ct));
        var vendorIds = inForce.Select(c => c.VendorId).Append(named?.Id ?? Guid.Empty).ToList();
        var vendorCodes = await db.Organizations.AsNoTracking().Where(o => vendorIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var contract = SlaContractChoice.Choose(inForce, named?.Id, id => vendorCodes[id], practice.Code, slaMonth);

        // Every read below runs on one connection, opened once.
        SlaMonthReport report;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            report = await SlaMonthMeasure.ReportAsync(contract, slaMonth, m => MeasureAsync(db, contract, m, ct));
            report = report with
            {
                Practice = practice.Code,
                Vendor = vendorCodes[contract.VendorId],
                ContractEffectiveOn = contract.EffectiveOn,
            };
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
    private static async Task<TurnaroundTally> MeasureAsync(CodeLedgerDbContext db, SlaContract contract, SlaMonth month, CancellationToken ct)
    {
        var measure = new SlaMonthMeasure(contract, month);
        var (monthStart, monthEnd) = (measure.Window.Start, measure.Window.End);
        var schema = SlaSchema.Of(db);

        // Each encounter's queries, turned into pauses by QueryPause.
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

        await using (var command = schema.FinalizedWork(db, contract, monthStart, monthEnd))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var encounterId = reader.GetGuid(0);
                measure.Add(encounterId, schema.ReadInstant(reader, 1), schema.ReadInstant(reader, 2), queries.GetValueOrDefault(encounterId));
            }
        }

        return measure.Tally;
    }
}
