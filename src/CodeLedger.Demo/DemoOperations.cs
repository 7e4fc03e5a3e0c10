using System.Globalization;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Turnaround;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Demo;

/// <summary>The month's operation as the reports compute it from the database: work status, the SLA per practice and coverage.</summary>
public sealed record DemoOperations(
    string Month,
    DemoCounts Counts,
    int FinalizedWithoutQueryResponse,
    IReadOnlyList<(AssignmentBasis Basis, int Count)> Assignment,
    IReadOnlyList<(WorkStatus Status, int Count)> Work,
    IReadOnlyList<DemoPracticeReport> Practices)
{
    public static async Task<DemoOperations> ComputeAsync(CodeLedgerStore store, DemoWorld world, DemoCounts counts, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var statuses = await db.Set<WorkItem>().AsNoTracking().GroupBy(w => w.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var withoutResponse = await db.Set<WorkItem>().CountAsync(w => w.CodedWithoutQueryResponse, ct);
        var basis = await db.Set<WorkItem>().AsNoTracking().GroupBy(w => w.Basis).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var month = world.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var reports = new List<DemoPracticeReport>();
        foreach (var p in world.Practices)
        {
            var sla = await new SlaReporter(store).ReportAsync(p.Practice.Code, month, ct);
            var coverage = await new CoverageReader(store).ReportAsync(p.Practice.Code, ct);
            reports.Add(new DemoPracticeReport(p.Practice.Code, sla, coverage));
        }

        return new DemoOperations(month, counts, withoutResponse,
            [.. basis.OrderBy(b => b.Key).Select(b => (b.Key, b.Count))],
            [.. statuses.OrderBy(s => s.Key).Select(s => (s.Key, s.Count))],
            reports);
    }
}

public sealed record DemoPracticeReport(string Practice, SlaMonthReport Sla, IReadOnlyList<SpecialtyCoverage> Coverage);
