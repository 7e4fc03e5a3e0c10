using System.Text.Json;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Audits;

/// <summary>The audit tables as <see cref="StateRows"/> for <c>ledger verify</c>, written exactly as <c>ReplayedState.Audits.cs</c> writes the replayed rows.</summary>
internal static class AuditStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> ext, PhiLedgerHash hash, CancellationToken ct)
    {
        var engagements = await db.Set<AuditEngagementRow>().AsNoTracking().ToListAsync(ct);
        foreach (var a in engagements)
        {
            rows.Add(StateTables.AuditEngagements, StateRows.Text(a.Id), $"audit {a.Id:D}", 0)
                .Set("practice", code(a.PracticeId)).Set("auditor_organization", code(a.AuditorOrganizationId)).Set("kind", a.Kind).Set("adjudicator", a.Adjudicator)
                .Set("seed", a.Seed).Set("from_date", StateRows.Text(a.FromDate)).Set("to_date", StateRows.Text(a.ToDate)).Set("fixed_size", a.FixedSize is { } n ? StateRows.Text(n) : null)
                .Set("size_from_margin", StateRows.Text(a.SizeFromMargin)).Set("margin", StateRows.Text(a.Margin)).Set("expected_accuracy", StateRows.Text(a.ExpectedAccuracy))
                .Set("stratification", a.Stratification).Set("per_stratum", a.PerStratum is { } k ? StateRows.Text(k) : null).Set("specialty", a.Specialty)
                .Set("floor", StateRows.Text(a.Floor)).Set("definition", a.Definition).Set("frame_size", StateRows.Text(a.FrameSize))
                .Set("required_size", StateRows.Text(a.RequiredSize)).Set("strata", AuditRowText.Strata(a.Strata))
                .Set("conversion_factors", AuditRowText.Factors(a.ConversionFactors)).Set("grant", StateRows.Text(a.GrantId))
                .Set("created_by", a.CreatedBy).Set("created_at", StateRows.Text(a.CreatedAt));
        }

        var keys = new Dictionary<(Guid Audit, Guid Encounter), string>();
        foreach (var m in await db.Set<AuditSampleMemberRow>().AsNoTracking().ToListAsync(ct))
        {
            keys[(m.AuditId, m.EncounterId)] = m.EncounterKey;
            rows.Add(StateTables.AuditSampleMembers, StateTables.VersionKey(m.AuditId, m.Position), $"audit {m.AuditId:D} sample position {m.Position}", 0)
                .Set("encounter", m.EncounterKey).Set("physician", m.PhysicianNpi).Set("specialty", m.Specialty).Set("coder", m.CoderId is { } c ? StateRows.Text(c) : null)
                .Set("date_of_service", StateRows.Text(m.DateOfService)).Set("stratum", m.Stratum).Set("stratum_rank", StateRows.Text(m.StratumRank));
        }

        var audits = engagements.ToDictionary(a => a.GrantId, a => a.Id);
        foreach (var g in await db.Set<AuditGrant>().IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
        {
            var label = audits.TryGetValue(g.Id, out var audit) ? $"audit grant {g.Id:D} of audit {audit:D}" : $"audit grant {g.Id:D}";
            rows.Add(StateTables.AuditGrants, StateRows.Text(g.Id), label, 0)
                .Set("auditor_organization", code(g.AuditorOrganizationId)).Set("practice", code(g.PracticeId))
                .Set("encounters", AuditRowText.Encounters(g.EncounterIds.Select(ext)))
                .Set("from", StateRows.Text(g.From)).Set("to", StateRows.Text(g.To));
        }

        foreach (var c in await db.Set<AuditCodingRow>().AsNoTracking().ToListAsync(ct))
        {
            var key = keys.GetValueOrDefault((c.AuditId, c.EncounterId), ext(c.EncounterId));
            rows.Add(StateTables.AuditCodings, StateRows.Text(c.Id), $"audit {c.AuditId:D} coding of encounter {key}", 0)
                .Set("audit", StateRows.Text(c.AuditId)).Set("encounter", key).Set("recorded_by", c.RecordedBy).Set("recorded_at", StateRows.Text(c.RecordedAt))
                .Set("diagnoses", StateRows.Text(c.Diagnoses.Select(d => d.Value))).Set("service_lines", AuditRowText.Lines(AuditDesk.Lines(c.ServiceLines)))
                .Set("em", c.Em is null ? null : Canonical(c.Em))
                .Set("vendor_source", c.VendorSource).Set("vendor_version", StateRows.Text(c.VendorVersion))
                .Set("vendor_diagnoses", StateRows.Text(c.VendorDiagnoses.Select(d => d.Value))).Set("vendor_service_lines", AuditRowText.Lines(AuditDesk.Lines(c.VendorServiceLines)))
                .Set("prices", AuditRowText.Prices(c.Prices)).Set("conversion_factor", StateRows.Text(c.ConversionFactor));
        }

        foreach (var r in await db.Set<AuditRebuttalRow>().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.AuditRebuttals, StateRows.Text(r.Id), $"audit {r.AuditId:D} rebuttal of {r.FindingId}", 0)
                .Set("audit", StateRows.Text(r.AuditId)).Set("finding", r.FindingId).Set("rebutted_by", r.RebuttedBy).Set("reason_hash", hash.Of(r.Reason))
                .Set("rebutted_at", StateRows.Text(r.RebuttedAt));
        }

        foreach (var j in await db.Set<AuditAdjudicationRow>().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.AuditAdjudications, StateRows.Text(j.Id), $"audit {j.AuditId:D} adjudication of {j.FindingId}", 0)
                .Set("audit", StateRows.Text(j.AuditId)).Set("finding", j.FindingId).Set("outcome", j.Outcome).Set("adjudicated_by", j.AdjudicatedBy)
                .Set("adjudicated_at", StateRows.Text(j.AdjudicatedAt));
        }
    }

    /// <summary>The E/M elements' JSON in the compact form the replay writes the event's element in.</summary>
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
