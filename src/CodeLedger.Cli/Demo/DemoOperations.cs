using System.Globalization;
using System.Text;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Coverage;
using CodeLedger.Cli.Sla;
using CodeLedger.Core.Demo;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Cli.Demo;

/// <summary>The month's operation as the reports compute it from the database: work status, the SLA per practice and coverage.</summary>
internal sealed record DemoOperations(string Text, string Json)
{
    public static async Task<DemoOperations> ComputeAsync(CodeLedgerStore store, DemoWorld world, DemoWorkflow.Counts counts, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        await using var db = store.CreateContext();
        var statuses = await db.Set<WorkItem>().AsNoTracking().GroupBy(w => w.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var withoutResponse = await db.Set<WorkItem>().CountAsync(w => w.CodedWithoutQueryResponse, ct);
        var basis = await db.Set<WorkItem>().AsNoTracking().GroupBy(w => w.Basis).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        text.Append(inv, $"\nOperations: {counts.Imports} imports, {counts.Submissions} coding submissions ({counts.EditBlocks} blocked by edit errors, {counts.Overrides} lead overrides)\n");
        text.Append(inv, $"  queries raised {counts.Queries}, answered {counts.Answered}, expired unresolved {counts.Expired}; finalized without query response {withoutResponse}\n");
        text.Append(inv, $"  assignment: {string.Join(", ", basis.OrderBy(b => b.Key).Select(b => $"{b.Key.ToString().ToLowerInvariant()} {b.Count}"))}\n");
        text.Append(inv, $"  work: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Count}"))}\n");

        var month = world.Month.ToString("yyyy-MM", inv);
        var reports = new List<object>();
        foreach (var p in world.Practices)
        {
            var sla = await new SlaReporter(store).ReportAsync(p.Practice.Code, month, ct);
            var coverage = await new CoverageReader(store).ReportAsync(p.Practice.Code, ct);
            text.Append('\n').Append(SlaCommand.Text(p.Practice.Code, sla, maxBreaches: 5));
            text.Append(inv, $"Coverage {p.Practice.Code}:\n").Append(CoverageCommand.Text(coverage));
            reports.Add(new { practice = p.Practice.Code, sla, coverage });
        }

        var json = WorkflowCli.Serialize(new
        {
            month, counts.Imports, counts.Submissions, counts.EditBlocks, counts.Overrides, queriesRaised = counts.Queries, queriesAnswered = counts.Answered,
            queriesExpired = counts.Expired, finalizedWithoutQueryResponse = withoutResponse, practices = reports,
        });
        return new DemoOperations(text.ToString(), json);
    }
}
