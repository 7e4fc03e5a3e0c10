using System.Globalization;
using System.Text;

namespace CodeLedger.Core.Audits;

/// <summary>
/// The names a reader knows the audit's parties by, which the sample itself holds only as ids: the
/// practice's organization code (e.g. NORTHSIDE-FM) and each sampled coder's user name. The desk
/// reads them from the organizations and coders tables, the replay from the replayed organizations
/// and coder enrolments, so the two reports stay the same bytes.
/// </summary>
public sealed record AuditNames(string Practice, IReadOnlyDictionary<Guid, string> Coders)
{
    /// <summary>The coder's user name; the id only if no coder with that id is known (a coder row deleted by hand), so the figure is still attributed.</summary>
    public string Coder(Guid id) => Coders.TryGetValue(id, out var name) ? name : id.ToString("D");
}

/// <summary>
/// One finding as the report lists it, with its dispute status (open, rebutted, upheld, reversed).
/// <paramref name="Encounter"/> is the practice's encounter id (the key the sample was drawn on), which
/// the text prints; <paramref name="EncounterId"/> is CodeLedger's internal id, kept in the JSON for joins.
/// </summary>
public sealed record ReportedFinding(string Id, Guid EncounterId, string Encounter, ErrorCategory Category, AuditComponent Component, string Detail, decimal DollarDelta, string Status);

/// <summary>
/// The audit report the CLI prints as text and JSON and the replay rebuilds: the plan, the frame and
/// how the sample was drawn from it, the definitions the figures use, the initial and final figures,
/// and every finding with its status. Nothing in it is PHI: ids, NPIs, codes and counts.
/// </summary>
public sealed record AuditReport(
    string Plan,
    string Frame,
    string Method,
    IReadOnlyList<AuditStratum> Strata,
    int RequiredSize,
    string Definitions,
    AuditFigures Figures,
    IReadOnlyList<ReportedFinding> Findings)
{
    /// <summary>How the three accuracies are defined; the report repeats it so a figure is never read without its definition.</summary>
    public const string AccuracyDefinitions =
        "Encounter-level accuracy (the contract figure): share of audited encounters whose every component (E/M level, procedures, diagnoses, modifiers, linkage, units) matches the auditor's coding, with a Wilson 95% interval. "
        + "Code-level accuracy: share of code items right, where the items are each distinct ICD-10-CM code of the auditor's coding, each vendor diagnosis code with no same-category counterpart, and each service line of either coding (a paired line counts once); an item is wrong when a standing finding names it. "
        + "Dollar-level accuracy: 1 − Σ|auditor − vendor| RVU dollars per encounter / Σ auditor RVU dollars (errors in both directions count, none nets another).";

    public static AuditReport Create(AuditSample sample, IReadOnlyList<EncounterComparison> comparisons, AuditDisputes disputes, AuditNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var figures = AuditScorer.Score(sample, comparisons, disputes, names);
        var plan = sample.Plan;
        var findings = comparisons.Where(c => sample.Contains(c.EncounterId))
            .SelectMany(c => c.Findings.Select(f => new ReportedFinding(f.Id, f.EncounterId, sample.Find(f.EncounterId)!.Member.EncounterKey, f.Category, f.Component, f.Detail,
                Math.Round(f.RvuDelta * c.ConversionFactor, 2), disputes.Status(f.Id))))
            .ToList();
        var frame = string.Create(CultureInfo.InvariantCulture,
            $"{sample.FrameSize} encounters of practice {names.Practice} with a date of service from {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd}{(plan.Specialty is null ? string.Empty : " in specialty " + plan.Specialty)}; {sample.Members.Count} drawn, {figures.Audited} audited");
        var method = $"each encounter's draw key is SHA-256(UTF-8(seed + \"\\n\" + encounter key)); per stratum the smallest keys are drawn (ties by encounter id text), the sample listed by ascending key; allocation {(plan.IsSelfWeighting ? "proportional by largest remainder" : "equal, K per stratum")} (docs/AUDIT.md)";
        var definitions = $"{AccuracyDefinitions} Coding guideline and releases: {plan.Definition}.";
        return new AuditReport(plan.Describe(), frame, method, sample.Strata, sample.RequiredSize, definitions, figures, findings);
    }

    /// <summary>The report as the CLI prints it.</summary>
    public string ToText()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"Audit: {Plan}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Frame: {Frame}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Method: {Method}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Size: {Figures.Validity}");
        s.AppendLine(CultureInfo.InvariantCulture, $"Definitions: {Definitions}");
        foreach (var set in new[] { Figures.Initial, Figures.Final })
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"{set.Basis} figures ({set.Label})");
            if (Figures.Audited == 0)
            {
                // 0 of 0 has no accuracy: a sentence, not "NaN%" a reader could take for a figure.
                s.AppendLine(CultureInfo.InvariantCulture, $"  no encounter audited yet: no encounter-, code- or dollar-level accuracy until the auditor records a coding");
            }
            else
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  encounter-level accuracy {Line(set.EncounterAccuracy)}");
                s.AppendLine(CultureInfo.InvariantCulture, $"  code-level accuracy      {AuditScorer.Percent(set.CodeAccuracy.Point)} ({set.CodeAccuracy.Successes} of {set.CodeAccuracy.Trials} code items)");
                s.AppendLine(CultureInfo.InvariantCulture, $"  dollar-level accuracy    {AuditScorer.Percent(set.DollarAccuracy)}");
            }

            s.AppendLine(CultureInfo.InvariantCulture, $"  floor: {set.FloorStatement}");
            s.AppendLine(CultureInfo.InvariantCulture, $"  dollars: undercoding {set.Dollars.Undercoding:0.00}, overcoding {set.Dollars.Overcoding:0.00}, net {set.Dollars.Net:0.00}; {set.Dollars.Projection}{(set.Dollars.ProjectedNet is { } projected ? string.Create(CultureInfo.InvariantCulture, $": {projected:0.00}") : string.Empty)}");
            foreach (var c in set.Components)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  component {c.Key,-10} {Line(c.Accuracy)}");
            }

            foreach (var c in set.ByCoder)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  coder {c.Key} {Line(c.Accuracy)}");
            }

            foreach (var p in set.ByPhysician)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  physician {p.Key} {Line(p.Accuracy)}");
            }
        }

        s.AppendLine();
        foreach (var f in Findings)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"{f.Id} {f.Encounter} {f.Category} {f.Status} {f.DollarDelta:0.00} {f.Detail}");
        }

        return s.ToString();

        static string Line(Proportion p) => p.Trials == 0 ? "no encounter"
            : $"{AuditScorer.Percent(p.Point)} ({p.Successes} of {p.Trials}; 95% CI {AuditScorer.Percent(p.Lower)}–{AuditScorer.Percent(p.Upper)})";
    }
}
