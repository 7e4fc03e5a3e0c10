using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Workflow;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Benchmarks.Audits;

/// <summary>
/// The report path from the tables as it was before issue 17's performance round (commit 205f677):
/// every audit row materialized by EF Core (the JSON columns through their value converters),
/// then <see cref="AuditBook"/>. Kept only so <c>audit-ab</c> can time it beside the desk's
/// current path in one process; the operator's principal (null), the audit by its full id.
/// </summary>
internal static class AuditReportBefore
{
    public static async Task<AuditReport> ReportAsync(CodeLedgerStore store, Guid audit, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var row = await db.Set<AuditEngagementRow>().FirstAsync(a => a.Id == audit, ct);
        var members = await db.Set<AuditSampleMemberRow>().AsNoTracking().Where(m => m.AuditId == row.Id).OrderBy(m => m.Position).ToListAsync(ct);
        var sample = AuditSample.Restore(AuditDesk.Plan(row), row.FrameSize, [.. row.Strata.Select(s => new AuditStratum(s.Name, s.FrameCount, s.Allocated))],
            [.. members.Select(m => new SampledMember(new AuditPopulationMember(m.EncounterId, m.EncounterKey, Npi.Parse(m.PhysicianNpi), m.Specialty, m.CoderId, m.DateOfService),
                m.Stratum, m.Position, m.StratumRank))], row.RequiredSize);
        var codings = (await db.Set<AuditCodingRow>().AsNoTracking().Where(c => c.AuditId == row.Id).ToListAsync(ct)).Select(c => new RecordedAuditCoding(c.EncounterId,
            new CodingSubmission(c.VendorDiagnoses, c.VendorServiceLines),
            new CodingSubmission(c.Diagnoses, c.ServiceLines, c.Em is null ? null : EmInputJson.Parse(c.Em)),
            c.Prices.ToDictionary(p => SnapshotPricing.Key(p.Code, p.Modifiers), p => p.Rvu, StringComparer.Ordinal),
            c.ConversionFactor)).ToList();
        var rebuttals = await db.Set<AuditRebuttalRow>().AsNoTracking().Where(r => r.AuditId == row.Id).ToListAsync(ct);
        var adjudications = await db.Set<AuditAdjudicationRow>().AsNoTracking().Where(r => r.AuditId == row.Id).ToListAsync(ct);
        var comparisons = AuditBook.Compare(sample, codings);
        var disputes = AuditBook.Disputes(row.Adjudicator, comparisons,
            rebuttals.Select(r => new Rebuttal(r.FindingId, r.RebuttedBy, r.Reason, r.RebuttedAt)),
            adjudications.Select(a => new Adjudication(a.FindingId, AuditBook.Parse<AdjudicationOutcome>(a.Outcome), a.AdjudicatedBy, a.AdjudicatedAt)));

        var practice = await db.Organizations.AsNoTracking().Where(o => o.Id == row.PracticeId).Select(o => o.Code).SingleAsync(ct);
        var coderIds = sample.Members.Where(m => m.Member.CoderId is not null).Select(m => m.Member.CoderId!.Value).Distinct().ToList();
        var coders = new Dictionary<Guid, string>();
        foreach (var chunk in coderIds.Chunk(1000))
        {
            foreach (var c in await db.Coders.IgnoreQueryFilters().AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.UserName }).ToListAsync(ct))
            {
                coders[c.Id] = c.UserName;
            }
        }

        return AuditReport.Create(sample, comparisons, disputes, new AuditNames(practice, coders));
    }
}
