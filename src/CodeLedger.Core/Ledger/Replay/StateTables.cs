using CodeLedger.Core.Coding;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// The tables replay rebuilds and the one text form of the values that are not plain scalars, so
/// the replayed rows and the stored rows are written alike. A table the ledger does not describe
/// (credential map history, X12 control numbers, PHI read log) is not in this list.
/// </summary>
public static class StateTables
{
    public const string Organizations = "organizations";
    public const string Agreements = "business_associate_agreements";
    public const string Contracts = "sla_contracts";
    public const string Physicians = "physicians";
    public const string Coders = "coders";
    public const string Encounters = "encounters";
    public const string DocumentationVersions = "documentation_versions";
    public const string WorkItems = "work_items";
    public const string CodingResults = "coding_results";
    public const string Queries = "documentation_queries";
    public const string Training = "training_records";
    public const string CodeSetReleases = "code_set_releases";
    public const string VendorClaimCodings = "vendor_claim_codings";
    public const string AuditEngagements = "audit_engagements";
    public const string AuditSampleMembers = "audit_sample_members";
    public const string AuditGrants = "audit_grants";
    public const string AuditCodings = "audit_codings";
    public const string AuditRebuttals = "audit_rebuttals";
    public const string AuditAdjudications = "audit_adjudications";
    public const string ScorecardAnswers = "scorecard_answers";

    public const string FeeSchedules = "fee_schedules";
    public const string Payers = "payers";
    public const string BillingProfiles = "billing_profiles";
    public const string EncounterCoverages = "encounter_coverages";
    public const string Claims = "claims";

    public const string Acknowledgments = "acknowledgments";

    public const string RemittancePayments = "remittance_payments";
    public const string ClaimPostings = "claim_postings";
    public const string ProviderAdjustments = "provider_adjustments";
    public const string UnmatchedClaimPayments = "unmatched_claim_payments";
    public const string DenialWorkItems = "denial_work_items";
    public const string DenialWorkSteps = "denial_work_steps";

    public static readonly IReadOnlyList<string> All =
        [Organizations, Agreements, Contracts, Physicians, Coders, Encounters, DocumentationVersions, WorkItems, CodingResults, Queries, Training, CodeSetReleases, VendorClaimCodings,
         AuditEngagements, AuditSampleMembers, AuditGrants, AuditCodings, AuditRebuttals, AuditAdjudications, ScorecardAnswers, FeeSchedules,
         Payers, BillingProfiles, EncounterCoverages, Claims, Acknowledgments,
         RemittancePayments, ClaimPostings, ProviderAdjustments, UnmatchedClaimPayments, DenialWorkItems, DenialWorkSteps];


    /// <summary>What an acknowledgment said of its claims, one word each, in CLM01 order: <c>ENC-1-1 accepted ENC-2-1 rejected</c>.</summary>
    public static string AcknowledgedClaims(IEnumerable<(string ClaimId, bool Accepted)> claims) =>
        string.Join(" ", claims.OrderBy(c => c.ClaimId, StringComparer.Ordinal).Select(c => $"{c.ClaimId} {(c.Accepted ? "accepted" : "rejected")}"));

    /// <summary>Rows of one encounter's version (documentation or coding) are keyed by both.</summary>
    public static string VersionKey(Guid encounter, int version) => $"{encounter:D}/{version}";

    /// <summary>
    /// A key in exactly the form <see cref="StateRows.Text(Guid)"/> writes, as (id, -1), or in exactly
    /// the form <see cref="VersionKey"/> writes, as (id, version); null for any other text, so that a key
    /// is found only by its one text form, as a dictionary of rows finds it.
    /// </summary>
    public static (Guid Id, int Version)? ParseKey(string key)
    {
        if (key.Length < 36 || !Guid.TryParseExact(key.AsSpan(0, 36), "D", out var id) || key.AsSpan(0, 36).ContainsAnyInRange('A', 'F'))
        {
            return null;
        }

        if (key.Length == 36)
        {
            return (id, -1);
        }

        var version = key.AsSpan(37);
        return key[36] == '/' && version.Length is > 0 and < 10 && (version[0] != '0' || version.Length == 1) && !version.ContainsAnyExceptInRange('0', '9')
            ? (id, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    public static string Credential(string kind, DateOnly issuedOn, DateOnly expiresOn) => $"{kind}:{StateRows.Text(issuedOn)}..{StateRows.Text(expiresOn)}";

    public static string WorkingHours(TimeOnly opens, TimeOnly closes, IEnumerable<DayOfWeek> days) =>
        $"{opens:HH\\:mm}-{closes:HH\\:mm} {string.Join(",", days.Order().Select(d => d.ToString()))}";

    public static string CreditSchedule(decimal threshold, decimal perPoint, decimal cap) =>
        $"{StateRows.Text(threshold)}% {StateRows.Text(perPoint)}/point cap {StateRows.Text(cap)}%";

    /// <summary>A service line as code, modifiers, units, charge and diagnosis pointers.</summary>
    public static string Line(string code, IEnumerable<string> modifiers, decimal units, string charge, IEnumerable<int> pointers) =>
        $"{code}[{string.Join(",", modifiers)}]x{StateRows.Text(units)}@{charge}->{string.Join(",", pointers)}";

    public static string Lines(IEnumerable<ServiceLine> lines) =>
        string.Join(" ", lines.Select(l => Line(l.Code.Value, l.Modifiers.Select(m => m.Value), l.Units, l.Charge.ToString(), l.Pointers)));

    /// <summary>A payer's interchange receiver as one text: <c>ZZ/CLEARINGHOUSE/CLEARINGHOUSE</c> (ISA07/ISA08/GS03).</summary>
    public static string Receiver(string qualifier, string id, string groupCode) => $"{qualifier}/{id}/{groupCode}";

    /// <summary>A postal address as one text, its parts separated by <c>|</c>.</summary>
    public static string Address(string line1, string? line2, string city, string state, string zip) => $"{line1}|{line2}|{city}|{state}|{zip}";

    /// <summary>A billing profile's submitter as one text, its parts separated by <c>|</c>.</summary>
    public static string Submitter(string etin, string name, string contactName, string contactPhone) => $"{etin}|{name}|{contactName}|{contactPhone}";

    /// <summary>A fee schedule's fees as one text: <c>99213=125.00 99213-25=140.00</c>, in key order.</summary>
    public static string Fees(IEnumerable<(string Code, string? Modifier, string Charge)> fees) =>
        string.Join(" ", fees.Select(f => (Key: f.Modifier is null ? f.Code : $"{f.Code}-{f.Modifier}", f.Charge)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Charge}"));

    /// <summary>How a claim row is named in a divergence: <c>claim CLM01 of PRACTICE</c>.</summary>
    public static string ClaimLabel(string practice, string claimId) => $"claim {claimId} of {practice}";

    /// <summary>
    /// A claim row's columns, one writer for the replayed and the stored row (docs/BILLING.md): lines as
    /// <c>1#ENC-1-1:99213[25]x1->1,2@2026-01-05 fee=125.00 charge=125.00</c> (number, REF*6R, code ...), findings as <c>CODE/error/line: message</c>.
    /// </summary>
    public static StateRow ClaimRow(StateRow row, string practice, string encounter, string claimId, int submission, int frequency, string? replaces,
        string? payerClaimNumber, int codingVersion, string status, string? payerCode, string? payerId, string? totalCharge,
        IEnumerable<(int Number, string Control, string Code, IEnumerable<string> Modifiers, int Units, IEnumerable<int> Pointers, DateOnly DateOfService, string? Fee, string? Charge)> lines,
        IEnumerable<(string Code, string Severity, int? Line, string Message)> findings,
        string? fileName, string? receiverId, int? interchange, int? group, int? transaction, DateTimeOffset? submittedAt) =>
        row.Set("practice", practice).Set("encounter", encounter).Set("claim_id", claimId).Set("submission", StateRows.Text(submission))
            .Set("frequency", StateRows.Text(frequency)).Set("replaces", replaces).Set("payer_claim_number", payerClaimNumber)
            .Set("coding_version", StateRows.Text(codingVersion)).Set("status", status).Set("payer_code", payerCode).Set("payer_id", payerId)
            .Set("total_charge", totalCharge)
            .Set("lines", string.Join(" ", lines.OrderBy(l => l.Number).Select(l =>
                $"{StateRows.Text(l.Number)}#{l.Control}:{l.Code}[{string.Join(",", l.Modifiers)}]x{StateRows.Text(l.Units)}->{string.Join(",", l.Pointers)}@{StateRows.Text(l.DateOfService)} fee={l.Fee} charge={l.Charge}")))
            .Set("findings", string.Join(" | ", findings.Select(f => $"{f.Code}/{f.Severity}/{StateRows.Text(f.Line)}: {f.Message}")))
            .Set("file_name", fileName).Set("receiver_id", receiverId).Set("interchange", StateRows.Text(interchange))
            .Set("group", StateRows.Text(group)).Set("transaction", StateRows.Text(transaction)).Set("submitted_at", StateRows.Text(submittedAt));
}
