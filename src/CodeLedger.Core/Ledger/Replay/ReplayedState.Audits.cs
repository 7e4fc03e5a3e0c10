using System.Globalization;
using System.Text.Json;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Coding audits replayed (docs/AUDIT.md, "Commands and API"; docs/LEDGER.md, "Replay"): the
/// engagement, its sample and grant from <c>audit.sampled</c>, each re-coding from
/// <c>audit.coding-recorded</c>, rebuttals and adjudications; and the audit's report recomputed from
/// these alone (<see cref="AuditReport(Guid)"/>), by the same <see cref="AuditBook"/> function the
/// stored tables use.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, AuditState> _audits = [];

    /// <summary>The audits the ledger describes, in the order they were sampled.</summary>
    public IEnumerable<Guid> Audits => _audits.Values.OrderBy(a => a.Sequence).Select(a => a.Sampled.Audit);

    private void ApplyAudit(LedgerEntry entry, ILedgerEvent payload)
    {
        switch (payload)
        {
            case AuditSampled e:
                if (_audits.ContainsKey(e.Audit))
                {
                    Contradict(entry, $"audit {e.Audit:D} was already sampled");
                    return;
                }

                if (Organization(entry, e.Practice) is null || Organization(entry, e.AuditorOrganization) is null)
                {
                    return;
                }

                if (e.Members.FirstOrDefault(m => !_encounters.ContainsKey(m.Encounter)) is { } unknown)
                {
                    Contradict(entry, $"audit {e.Audit:D} samples encounter {unknown.Key}, which no event received");
                    return;
                }

                _audits[e.Audit] = new AuditState(e, entry.Actor, entry.Sequence);
                break;
            case AuditCodingRecorded e:
                if (!_audits.TryGetValue(e.Audit, out var audit))
                {
                    Contradict(entry, $"audit {e.Audit:D} was never sampled");
                    return;
                }

                if (!audit.Sampled.Members.Any(m => m.Encounter == e.Encounter) || audit.Codings.Any(c => c.Event.Encounter == e.Encounter))
                {
                    Contradict(entry, $"encounter {entry.Subject} is not in audit {e.Audit:D}'s sample, or already recorded");
                    return;
                }

                audit.Codings.Add((e, entry.Sequence));
                break;
            case AuditFindingRebutted e:
                if (!_audits.TryGetValue(e.Audit, out var rebutted) || rebutted.Rebuttals.Any(r => r.Event.Finding == e.Finding))
                {
                    Contradict(entry, $"audit {e.Audit:D} was never sampled, or finding {e.Finding} was already rebutted");
                    return;
                }

                rebutted.Rebuttals.Add((e, entry.Sequence));
                break;
            case AuditFindingAdjudicated e:
                if (!_audits.TryGetValue(e.Audit, out var adjudicated) || !adjudicated.Rebuttals.Any(r => r.Event.Finding == e.Finding)
                    || adjudicated.Adjudications.Any(a => a.Event.Finding == e.Finding))
                {
                    Contradict(entry, $"audit {e.Audit:D} has no rebuttal of finding {e.Finding} to adjudicate, or it was already adjudicated");
                    return;
                }

                adjudicated.Adjudications.Add((e, entry.Sequence));
                break;
        }
    }

    /// <summary>
    /// The audit's report recomputed from the ledger alone: the plan and sample from <c>audit.sampled</c>,
    /// the comparisons from each <c>audit.coding-recorded</c> (both codings and the prices it carries),
    /// the disputes from the rebuttals and adjudications. Null when the ledger has no such audit.
    /// A rebuttal's reason is not in the ledger (its keyed hash is); the report does not print reasons.
    /// </summary>
    public AuditReport? AuditReport(Guid audit)
    {
        if (!_audits.TryGetValue(audit, out var a))
        {
            return null;
        }

        var e = a.Sampled;
        var practiceId = _organizationByCode[e.Practice];
        var plan = AuditPlan.Create(practiceId, e.From, e.To, e.Seed, e.Size, e.SizeFromMargin ? e.Margin : null, e.SizeFromMargin ? e.Expected : null,
            AuditBook.Parse<AuditStratification>(e.Stratification), e.PerStratum is null ? AuditAllocation.Proportional : AuditAllocation.Equal, e.PerStratum,
            e.Specialty, AuditBook.Parse<AuditKind>(e.Kind), e.Floor, e.Definition);
        var sample = AuditSample.Restore(plan, e.FrameSize, [.. e.Strata.Select(s => new AuditStratum(s.Name, s.FrameCount, s.Allocated))],
            [.. e.Members.Select(m => new SampledMember(new AuditPopulationMember(m.Encounter, m.Key, Npi.Parse(m.Npi), m.Specialty, m.Coder, m.DateOfService), m.Stratum, m.Position, m.StratumRank))],
            e.RequiredSize);
        var codings = a.Codings.Select(c => new RecordedAuditCoding(c.Event.Encounter,
            new CodingSubmission(Diagnoses(c.Event.VendorDiagnoses), Lines(c.Event.VendorLines)),
            new CodingSubmission(Diagnoses(c.Event.Diagnoses), Lines(c.Event.Lines), c.Event.Em is { } em ? EmInputJson.Parse(em) : null),
            c.Event.Prices.ToDictionary(p => SnapshotPricing.Key(p.Code, p.Modifiers), p => p.Rvu, StringComparer.Ordinal),
            c.Event.ConversionFactor));
        // The names the desk reads from its tables: the practice's code as sampled, each coder's user name (the enrolment's subject).
        var coderIds = e.Members.Where(m => m.Coder is not null).Select(m => m.Coder!.Value).ToHashSet();
        var coders = _coders.Where(c => coderIds.Contains(c.Value.Event.Id)).ToDictionary(c => c.Value.Event.Id, c => c.Key);
        return AuditBook.Report(sample, new AuditNames(e.Practice, coders), e.Adjudicator, codings,
            a.Rebuttals.Select(r => new Rebuttal(r.Event.Finding, r.Event.By, r.Event.ReasonHash, r.Event.At)),
            a.Adjudications.Select(j => new Adjudication(j.Event.Finding, AuditBook.Parse<AdjudicationOutcome>(j.Event.Outcome), j.Event.By, j.Event.At)));

        static IReadOnlyList<IcdCode> Diagnoses(IEnumerable<string> codes) => [.. codes.Select(IcdCode.Parse)];

        static IReadOnlyList<ServiceLine> Lines(IEnumerable<CodingSubmitted.Line> lines) =>
            [.. lines.Select(l => new ServiceLine(ProcedureCode.Parse(l.Code), [.. l.Modifiers.Select(Modifier.Parse)], l.Units, Money.Parse(l.Charge), l.Pointers))];
    }

    private void AddAuditRows(StateRows rows, Func<string, bool> want)
    {
        foreach (var (id, a) in _audits)
        {
            var e = a.Sampled;
            var keys = e.Members.ToDictionary(m => m.Encounter, m => m.Key);
            if (want(StateTables.AuditEngagements))
            {
                rows.Add(StateTables.AuditEngagements, StateRows.Text(id), $"audit {id:D}", a.Sequence)
                    .Set("practice", e.Practice).Set("auditor_organization", e.AuditorOrganization).Set("kind", e.Kind).Set("adjudicator", e.Adjudicator)
                    .Set("seed", e.Seed).Set("from_date", StateRows.Text(e.From)).Set("to_date", StateRows.Text(e.To)).Set("fixed_size", e.Size is { } n ? StateRows.Text(n) : null)
                    .Set("size_from_margin", StateRows.Text(e.SizeFromMargin)).Set("margin", StateRows.Text(e.Margin)).Set("expected_accuracy", StateRows.Text(e.Expected))
                    .Set("stratification", e.Stratification).Set("per_stratum", e.PerStratum is { } k ? StateRows.Text(k) : null).Set("specialty", e.Specialty)
                    .Set("floor", StateRows.Text(e.Floor)).Set("definition", e.Definition).Set("frame_size", StateRows.Text(e.FrameSize))
                    .Set("required_size", StateRows.Text(e.RequiredSize)).Set("strata", AuditRowText.Strata(e.Strata))
                    .Set("conversion_factors", AuditRowText.Factors(e.ConversionFactors)).Set("grant", StateRows.Text(e.Grant))
                    .Set("created_by", a.Actor).Set("created_at", StateRows.Text(e.SampledAt));
            }

            if (want(StateTables.AuditSampleMembers))
            {
                foreach (var m in e.Members)
                {
                    rows.Add(StateTables.AuditSampleMembers, StateTables.VersionKey(id, m.Position), $"audit {id:D} sample position {m.Position}", a.Sequence)
                        .Set("encounter", m.Key).Set("physician", m.Npi).Set("specialty", m.Specialty).Set("coder", m.Coder is { } c ? StateRows.Text(c) : null)
                        .Set("date_of_service", StateRows.Text(m.DateOfService)).Set("stratum", m.Stratum).Set("stratum_rank", StateRows.Text(m.StratumRank));
                }
            }

            if (want(StateTables.AuditGrants))
            {
                rows.Add(StateTables.AuditGrants, StateRows.Text(e.Grant), $"audit grant {e.Grant:D} of audit {id:D}", a.Sequence)
                    .Set("auditor_organization", e.AuditorOrganization).Set("practice", e.Practice)
                    .Set("encounters", AuditRowText.Encounters(e.Members.Select(m => m.Key)))
                    .Set("from", StateRows.Text(e.GrantFrom)).Set("to", StateRows.Text(e.GrantTo));
            }

            foreach (var (c, seq) in want(StateTables.AuditCodings) ? a.Codings : [])
            {
                rows.Add(StateTables.AuditCodings, StateRows.Text(c.Id), $"audit {id:D} coding of encounter {keys[c.Encounter]}", seq)
                    .Set("audit", StateRows.Text(id)).Set("encounter", keys[c.Encounter]).Set("recorded_by", c.Auditor).Set("recorded_at", StateRows.Text(c.RecordedAt))
                    .Set("diagnoses", StateRows.Text(c.Diagnoses)).Set("service_lines", AuditRowText.Lines(c.Lines))
                    .Set("em", c.Em is { } em ? JsonSerializer.Serialize(em) : null)
                    .Set("vendor_source", c.VendorSource).Set("vendor_version", StateRows.Text(c.VendorVersion))
                    .Set("vendor_diagnoses", StateRows.Text(c.VendorDiagnoses)).Set("vendor_service_lines", AuditRowText.Lines(c.VendorLines))
                    .Set("prices", AuditRowText.Prices(c.Prices)).Set("conversion_factor", StateRows.Text(c.ConversionFactor));
            }

            foreach (var (r, seq) in want(StateTables.AuditRebuttals) ? a.Rebuttals : [])
            {
                rows.Add(StateTables.AuditRebuttals, StateRows.Text(r.Id), $"audit {id:D} rebuttal of {r.Finding}", seq)
                    .Set("audit", StateRows.Text(id)).Set("finding", r.Finding).Set("rebutted_by", r.By).Set("reason_hash", r.ReasonHash).Set("rebutted_at", StateRows.Text(r.At));
            }

            foreach (var (j, seq) in want(StateTables.AuditAdjudications) ? a.Adjudications : [])
            {
                rows.Add(StateTables.AuditAdjudications, StateRows.Text(j.Id), $"audit {id:D} adjudication of {j.Finding}", seq)
                    .Set("audit", StateRows.Text(id)).Set("finding", j.Finding).Set("outcome", j.Outcome).Set("adjudicated_by", j.By).Set("adjudicated_at", StateRows.Text(j.At));
            }
        }
    }

    private sealed class AuditState(AuditSampled sampled, string actor, long sequence)
    {
        public AuditSampled Sampled { get; } = sampled;

        public string Actor { get; } = actor;

        public long Sequence { get; } = sequence;

        public List<(AuditCodingRecorded Event, long Sequence)> Codings { get; } = [];

        public List<(AuditFindingRebutted Event, long Sequence)> Rebuttals { get; } = [];

        public List<(AuditFindingAdjudicated Event, long Sequence)> Adjudications { get; } = [];
    }
}

/// <summary>The one text form of the audit tables' list columns, for the replayed and the stored rows alike.</summary>
public static class AuditRowText
{
    public static string Strata(IEnumerable<AuditSampled.Stratum> strata) =>
        string.Join(" ", strata.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name}:{s.FrameCount}:{s.Allocated}")));

    public static string Factors(IEnumerable<AuditSampled.Factor> factors) =>
        string.Join(" ", factors.Select(f => $"{StateRows.Text(f.From)}..{StateRows.Text(f.Through)}:{f.Type}:{StateRows.Text(f.Value)}"));

    /// <summary>Granted encounters by their external ids, ordinal order.</summary>
    public static string Encounters(IEnumerable<string> keys) => string.Join(" ", keys.Order(StringComparer.Ordinal));

    public static string Lines(IEnumerable<CodingSubmitted.Line> lines) =>
        string.Join(" ", lines.Select(l => StateTables.Line(l.Code, l.Modifiers, l.Units, l.Charge, l.Pointers)));

    public static string Prices(IEnumerable<AuditCodingRecorded.Price> prices) =>
        string.Join(" ", prices.Select(p => $"{SnapshotPricing.Key(p.Code, p.Modifiers)}={(p.Rvu is { } r ? StateRows.Text(r) : "-")}"));
}
