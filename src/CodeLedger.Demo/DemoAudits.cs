using System.Globalization;
using System.Text;
using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Demo;

/// <summary>One practice's independent audit as the demo ran it: the engagement, its report, and the finding rebutted and reversed (if it was this practice's).</summary>
public sealed record DemoAudit(string Practice, AuditSummary Engagement, AuditReport Report, string? ReversedFinding);

/// <summary>
/// After the month, one independent audit of each practice by the audit firm <see cref="Firm"/>,
/// through <see cref="AuditDesk"/> (the path <c>codeledger audit</c> takes). The auditor records the
/// coding each sampled note supports (<see cref="DemoWorkflow.Coding"/>), so findings appear exactly
/// where the vendor's coding of record differs from it: the broken diagnosis pointers the lead
/// overrode (about 1.7% of encounters; the month's other deliberate errors are fixed before
/// finalizing). The vendor's admin rebuts the first finding (by id) of the first practice that has one
/// and the adjudicator reverses it.
/// </summary>
public static class DemoAudits
{
    /// <summary>The audit firm's code; its two users are <see cref="AuditorUserName"/> (records) and <see cref="AdjudicatorUserName"/> (rules on rebuttals).</summary>
    public const string Firm = "LEDGER-AUDIT";

    public const string FirmName = "Ledger Audit Partners";

    public const string AuditorUserName = "auditor-kim";

    /// <summary>
    /// A second auditor of the firm: AuditDesk accepts as adjudicator an enabled practice admin or
    /// auditor of the practice or of the auditing organization, and a colleague who did not record is
    /// the independent choice.
    /// </summary>
    public const string AdjudicatorUserName = "adjudicator-ortiz";

    /// <summary>The firm's id: fixed, not drawn from the simulation's generator, so adding the firm moved no other id of the demo.</summary>
    public static readonly Guid FirmId = new("6c0a7e1d-2f43-4b1e-9d55-4c4544474552");

    /// <summary>
    /// The sample: 95% expected accuracy within ±5 points (<c>--margin 0.05 --expected 0.95</c>), about
    /// 70 encounters of a practice's thousand: a statistically valid sample, so the report projects the
    /// dollars to the frame, where a fixed 30 would not.
    /// </summary>
    public const decimal Margin = 0.05m;

    public const decimal Expected = 0.95m;

    /// <summary>
    /// The CMS physician fee schedule conversion factors for 2024–2026, copied from
    /// ../shared/data/pfs-rvu/conversion_factors_2024_2026.csv so the demo runs without ../shared:
    /// 2024 RVU24A and RVU24AR (the Consolidated Appropriations Act 2024 update from 9 March), the
    /// CY2025 PFS final rule (CMS-1807-F), and the CY2026 PFS final rule (FR Doc 2025-19787),
    /// non-qualifying APM, the factor the PPRRVU file carries.
    /// </summary>
    public static readonly ConversionFactorTable ConversionFactors = new([
        new(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 8), "single", 32.7442m),
        new(new DateOnly(2024, 3, 9), new DateOnly(2024, 12, 31), "single", 33.2875m),
        new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), "single", 32.3465m),
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), ConversionFactorTable.NonQualifyingApm, 33.4009m),
    ]);

    /// <summary>The sample's seed for a practice: the demo's seed and the practice code, so each practice's draw is fixed and different.</summary>
    public static string Seed(int seed, string practice) => string.Create(CultureInfo.InvariantCulture, $"demo {seed} {practice}");

    public const string RebuttalReason = "the lead verified the extra pointer against the paper superbill; the payer accepts it";

    /// <summary>
    /// Runs the audits, an hour apart on the demo's clock. The starter code set is imported first so the
    /// comparisons are priced in RVUs (the month's coding used it in memory). Ids come from a generator
    /// of their own, seeded from the demo's seed: the same seed gives the same ledger.
    /// </summary>
    internal static async Task<IReadOnlyList<DemoAudit>> RunAsync(CodeLedgerStore store, ManualClock clock, DemoWorld world, int seed, CancellationToken ct)
    {
        var random = new Random(unchecked((seed * 104_729) + 71));
        var desk = new AuditDesk(store, random.NextGuid);
        var auditor = new Principal(AuditorUserName, UserRole.Auditor, FirmId);
        var adjudicator = new Principal(AdjudicatorUserName, UserRole.Auditor, FirmId);
        var vendor = new Principal(DemoWorldWriter.Admin, UserRole.VendorAdmin, world.Vendor.Id);
        var month = world.Month;
        var encounters = world.Encounters.ToDictionary(e => (e.PracticeId, e.ExternalId));

        clock.MoveTo(clock.GetUtcNow().AddHours(1));
        await CodeSetCatalog.ImportStarterAsync(store, DemoWorldWriter.Admin, ct);

        var audits = new List<(DemoPractice Practice, AuditSummary Engagement)>();
        foreach (var p in world.Practices)
        {
            clock.MoveTo(clock.GetUtcNow().AddHours(1));
            var engagement = await desk.SampleAsync(new AuditSampleRequest(p.Practice.Code, month, month.AddMonths(1).AddDays(-1), Seed(seed, p.Practice.Code), Firm,
                ConversionFactors, Margin: Margin, Expected: Expected, Adjudicator: AdjudicatorUserName), auditor, ct);
            foreach (var member in await desk.SampleListAsync(engagement.Id.ToString("D"), auditor, ct))
            {
                clock.MoveTo(clock.GetUtcNow().AddMinutes(12));
                var correct = DemoWorkflow.Coding(encounters[(p.Practice.Id, member.Encounter)]);
                await desk.RecordAsync(engagement.Id.ToString("D"), member.Encounter, Json(correct), auditor, ct);
            }

            audits.Add((p, engagement));
        }

        string? reversed = null;
        Guid? reversedIn = null;
        foreach (var (_, engagement) in audits)
        {
            var findings = (await desk.ReportAsync(engagement.Id.ToString("D"), null, ct)).Findings;
            if (findings.Count > 0)
            {
                var first = findings.Select(f => f.Id).Order(StringComparer.Ordinal).First();
                clock.MoveTo(clock.GetUtcNow().AddDays(1));
                await desk.RebutAsync(engagement.Id.ToString("D"), first, RebuttalReason, vendor, ct);
                clock.MoveTo(clock.GetUtcNow().AddDays(2));
                await desk.AdjudicateAsync(engagement.Id.ToString("D"), first, AdjudicationOutcome.Reversed, adjudicator, ct);
                (reversed, reversedIn) = (first, engagement.Id);
                break;
            }
        }

        var result = new List<DemoAudit>();
        foreach (var (p, engagement) in audits)
        {
            var report = await desk.ReportAsync(engagement.Id.ToString("D"), null, ct);
            result.Add(new DemoAudit(p.Practice.Code, engagement, report, reversedIn == engagement.Id ? reversed : null));
        }

        return result;
    }

    /// <summary>A coding as coding.json, the file <c>audit record</c> takes.</summary>
    internal static string Json(Core.Workflow.CodingSubmission coding) => JsonSerializer.Serialize(new
    {
        diagnoses = coding.Diagnoses.Select(d => d.Value),
        lines = coding.Lines.Select(l => new { code = l.Code.Value, modifiers = l.Modifiers.Select(m => m.Value), units = l.Units, charge = l.Charge.ToString(), pointers = l.Pointers }),
        em = coding.Em is { } em ? JsonDocument.Parse(EmInputJson.WriteInput(em)).RootElement : (JsonElement?)null,
    });

    /// <summary>What the demo prints about one audit: the encounter-level accuracy initial and final with its Wilson interval and the floor sentence, findings by category, and the dollars.</summary>
    public static string Text(DemoAudit audit)
    {
        var inv = CultureInfo.InvariantCulture;
        var figures = audit.Report.Figures;
        var text = new StringBuilder();
        text.Append(inv, $"\nAudit {audit.Practice} by {Firm} ({audit.Engagement.Id:D}): {figures.Audited} of {audit.Engagement.FrameSize} encounters re-coded blind; {figures.Validity}\n");
        foreach (var set in new[] { figures.Initial, figures.Final })
        {
            var a = set.EncounterAccuracy;
            text.Append(inv, $"  {set.Basis,-7} encounter-level accuracy {AuditScorer.Percent(a.Point)} ({a.Successes} of {a.Trials}; Wilson 95% {AuditScorer.Percent(a.Lower)}–{AuditScorer.Percent(a.Upper)})\n");
            text.Append(inv, $"          {set.FloorStatement}\n");
            var categories = set.FindingsByCategory.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}").ToList();
            text.Append(inv, $"          findings: {(categories.Count == 0 ? "none" : string.Join(", ", categories))}; dollars: undercoding {set.Dollars.Undercoding:0.00}, overcoding {set.Dollars.Overcoding:0.00}, net {set.Dollars.Net:0.00}\n");
        }

        if (audit.Report.Findings.Count == 0)
        {
            text.Append("  No finding in this sample: the vendor's coding of record matched the auditor's on every sampled encounter, so there was nothing to rebut.\n");
        }
        else if (audit.ReversedFinding is { } reversed)
        {
            text.Append(inv, $"  Finding {reversed} rebutted by {DemoWorldWriter.Admin} and reversed by {AdjudicatorUserName}.\n");
        }

        return text.ToString();
    }
}
