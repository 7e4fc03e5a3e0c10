using System.Text.Json;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Billing;

/// <summary>
/// What one <c>claims submit</c> builds (docs/BILLING.md, "Claims submit"), decided from plain views
/// of the practice's finalized work and its existing claims, before anything is assembled:
/// <list type="bullet">
/// <item><see cref="Originals"/>: every finalized encounter with a final coding that has no claim yet, built from that final version as submission 1;</item>
/// <item><see cref="Rebuilds"/>: every claim that never left (fix queue or ready), assembled again because the practice may have added the
/// missing fee, payer or profile since; a void keeps its own coding version (it repeats the voided claim's lines), any other takes the
/// encounter's final version as it is now, or its own when the encounter has no final coding on record;</item>
/// <item><see cref="Resends"/>: every rejected claim due again (<see cref="ClaimResend"/>), built as the encounter's next submission.</item>
/// </list>
/// Storage loads the views, assembles what the plan names and saves the rows; the order of each list is
/// the order of the ledger's events, so a submit on the same data appends the same events.
/// </summary>
public sealed class ClaimSubmitPlan
{
    /// <summary>An encounter whose coding is finalized, and the final coding version on record (null when none is).</summary>
    public sealed record FinalizedWork(Guid EncounterId, int? FinalCodingVersion);

    /// <summary>A claim of the practice as the plan needs it: row id, encounter, CLM01, submission, frequency, status, coding version, the claim it follows and its REF*F8.</summary>
    public sealed record ExistingClaim(Guid Id, Guid EncounterId, string ClaimId, int Submission, ClaimFrequency Frequency, ClaimStatus Status, int CodingVersion,
        string? ReplacesClaimId, string? PayerClaimControlNumber);

    /// <summary>A new original (frequency 1, submission 1) of an encounter, from its final coding version.</summary>
    public sealed record Original(Guid EncounterId, int CodingVersion);

    /// <summary>A claim that never left, assembled again from <paramref name="CodingVersion"/> under its own submission and CLM01.</summary>
    public sealed record Rebuild(ExistingClaim Claim, int CodingVersion);

    /// <summary>A rejected claim built again as <paramref name="Submission"/> of its encounter, as <paramref name="Resend"/> says.</summary>
    public sealed record Resubmission(ExistingClaim Rejected, int Submission, ClaimResend.Resend Resend);

    private readonly IReadOnlyList<Original> _originals;

    private ClaimSubmitPlan(IReadOnlyList<Original> originals, IReadOnlyList<Rebuild> rebuilds, IReadOnlyList<Resubmission> resends)
    {
        _originals = originals;
        Rebuilds = rebuilds;
        Resends = resends;
    }

    /// <summary>The claims assembled again, in CLM01 order.</summary>
    public IReadOnlyList<Rebuild> Rebuilds { get; }

    /// <summary>The rejected claims sent again, in the rejected CLM01's order.</summary>
    public IReadOnlyList<Resubmission> Resends { get; }

    /// <summary>The encounters whose inputs assembly needs: the originals', the rebuilt claims' and the resent claims' (once each, in that order).</summary>
    public IReadOnlyList<Guid> Encounters =>
        [.. _originals.Select(o => o.EncounterId).Concat(Rebuilds.Select(r => r.Claim.EncounterId)).Concat(Resends.Select(r => r.Rejected.EncounterId)).Distinct()];

    /// <summary>
    /// The new originals in the order their claims are built: by the encounter's key (its external
    /// id, which CLM01 starts with), so the ledger lists them as <c>claims list</c> does.
    /// </summary>
    public IReadOnlyList<Original> Originals(Func<Guid, string> encounterKey) =>
        [.. _originals.OrderBy(o => encounterKey(o.EncounterId), StringComparer.Ordinal)];

    /// <summary>True when the submit has nothing to build, rebuild or resend.</summary>
    public bool IsEmpty => _originals.Count == 0 && Rebuilds.Count == 0 && Resends.Count == 0;

    public static ClaimSubmitPlan Of(IEnumerable<FinalizedWork> finalized, IEnumerable<ExistingClaim> practiceClaims)
    {
        var work = finalized.ToList();
        var claims = practiceClaims.ToList();

        // An encounter is billed once: any claim of it, whatever its status, means its original was built.
        var billed = claims.Select(c => c.EncounterId).ToHashSet();
        var originals = work.Where(w => !billed.Contains(w.EncounterId) && w.FinalCodingVersion is not null)
            .Select(w => new Original(w.EncounterId, w.FinalCodingVersion!.Value)).ToList();

        var finalVersions = work.ToDictionary(w => w.EncounterId, w => w.FinalCodingVersion);
        var rebuilds = claims.Where(c => c.Status is ClaimStatus.FixQueue or ClaimStatus.Ready).OrderBy(c => c.ClaimId, StringComparer.Ordinal)
            .Select(c => new Rebuild(c, RebuildVersion(c.Frequency, c.CodingVersion, finalVersions.GetValueOrDefault(c.EncounterId)))).ToList();

        var due = ClaimResend.Due(claims.Select(c => new ClaimResend.Claim(c.ClaimId, c.Status, c.ReplacesClaimId))).ToHashSet(StringComparer.Ordinal);
        var submissions = claims.GroupBy(c => c.EncounterId).ToDictionary(g => g.Key, g => g.Max(c => c.Submission));
        var resends = new List<Resubmission>();
        foreach (var rejected in claims.Where(c => due.Contains(c.ClaimId)).OrderBy(c => c.ClaimId, StringComparer.Ordinal))
        {
            // Two resends of one encounter in one submit take consecutive numbers.
            var submission = submissions[rejected.EncounterId] = ClaimSubmissions.Next(submissions[rejected.EncounterId]);
            var resend = ClaimResend.Of(new ClaimResend.Rejected(rejected.ClaimId, rejected.Frequency, rejected.CodingVersion, rejected.PayerClaimControlNumber),
                finalVersions.GetValueOrDefault(rejected.EncounterId));
            resends.Add(new Resubmission(rejected, submission, resend));
        }

        return new ClaimSubmitPlan(originals, rebuilds, resends);
    }

    /// <summary>
    /// The coding version a held or ready claim is assembled from again: a void repeats the voided
    /// claim's lines, so it keeps its own; an original or a replacement takes the encounter's final
    /// version as it is now (a coder may have re-finalized it), or its own when none is on record.
    /// </summary>
    public static int RebuildVersion(ClaimFrequency frequency, int claimVersion, int? currentFinalVersion) =>
        frequency == ClaimFrequency.Void ? claimVersion : currentFinalVersion ?? claimVersion;
}

/// <summary>
/// Submission numbers of an encounter's claims (the number after CLM01's dash): the original is 1,
/// and every later claim (a correction, a void, a resend) takes the next after the highest so far.
/// </summary>
public static class ClaimSubmissions
{
    public const int First = 1;

    public static int Next(int highest) => highest + 1;

    /// <summary>The next submission after the encounter's claims <paramref name="submissions"/> (at least one: a correction follows a claim).</summary>
    public static int Next(IEnumerable<int> submissions) => Next(submissions.Max());
}

/// <summary>
/// What a rebuilt claim's row says, as the <c>claim.rebuilt</c> event would record it: the coding
/// version, status, payer, total and every line and finding. A rebuild whose content is the same as
/// before is not ledgered (nothing changed), so a submit run twice appends nothing the second time.
/// </summary>
public sealed record ClaimContent(int CodingVersion, string Status, string? PayerCode, string? PayerId, string? TotalCharge,
    IReadOnlyList<ClaimBuilt.Line> Lines, IReadOnlyList<ClaimBuilt.Finding> Findings)
{
    /// <summary>Whether the rebuilt content differs from the content before, field by field and element by element (lists compared by value, not by reference).</summary>
    public static bool Changed(ClaimContent before, ClaimContent after) =>
        !string.Equals(Fingerprint(before), Fingerprint(after), StringComparison.Ordinal);

    private static string Fingerprint(ClaimContent content) => JsonSerializer.Serialize(content);
}

/// <summary>
/// What sending a planned 837P does to its claims (docs/BILLING.md, "Claims submit"): the practice's
/// billing profile is the submitter (nothing is sent without one); one reserved control number per
/// interchange serves as its ISA13, GS06 and ST02, since each 837P holds one group and one set; every
/// claim of the batch becomes submitted at the submit's instant with those numbers, the receiver
/// (ISA08, trimmed of X12's padding) and the file's name.
/// </summary>
public static class ClaimSending
{
    /// <summary>The submitter of a practice's batches, or BATCH-REFUSED when it has no billing profile.</summary>
    public static ClaimSubmitter RequireSubmitter(ClaimSubmitter? submitter, string practiceCode) =>
        submitter ?? throw new Common.DomainException(BillingErrors.BatchRefused, $"practice {practiceCode} has no billing profile (submitter ETIN, contact): nothing can be sent");

    /// <summary>The interchange's parties, whose control number sequence the batch draws from: the submitter's ETIN (qualifier ZZ) to the partner.</summary>
    public static X12.Acknowledgments.X12Parties Parties(ClaimBatchPlan plan, ClaimSubmitter submitter) =>
        new("ZZ", submitter.Etin.Trim(), plan.Partner.InterchangeQualifier.Trim(), plan.Partner.InterchangeId.Trim());

    /// <summary>One reserved number for the interchange, its group and its set.</summary>
    public static BatchControlNumbers Numbers(int reserved) => new(reserved, reserved, reserved);

    /// <summary>How every claim of <paramref name="plan"/> stands once its file <paramref name="fileName"/> is written with control number <paramref name="number"/>.</summary>
    public static SentClaimStamp Stamp(ClaimBatchPlan plan, int number, string fileName, DateTimeOffset now) =>
        new(ClaimStatus.Submitted, now, number, number, number, plan.Partner.InterchangeQualifier.Trim(), plan.Partner.InterchangeId.Trim(), fileName);
}

/// <summary>What a claim sent in an 837P holds: its status, when, ISA13, GS06, ST02, the receiver (ISA07/ISA08) and the file.</summary>
public sealed record SentClaimStamp(ClaimStatus Status, DateTimeOffset SubmittedAt, int Interchange, int Group, int Transaction, string ReceiverQualifier, string ReceiverId,
    string FileName);

/// <summary>
/// The fix-queue summary a submit prints: how many claims are held, and for each error finding code
/// how many held claims carry it (a claim with the same error on two lines counts once), by code.
/// Warnings do not hold a claim, so they are not counted.
/// </summary>
public sealed record ClaimFixQueue(int Held, IReadOnlyDictionary<string, int> ByFinding)
{
    /// <summary>A claim of the practice as the summary needs it: its status and its findings' codes and severities ("error" or "warning").</summary>
    public sealed record Claim(ClaimStatus Status, IEnumerable<(string Code, string Severity)> Findings);

    /// <summary>
    /// What <c>claims fixes</c> lists, by CLM01: what keeps the practice's claims from the payer, the
    /// claims held in the fix queue and the rejected claims not resent yet (<see cref="ClaimResend.Due"/>:
    /// the next submit resends those, so they are listed with the acknowledgment's reasons until then).
    /// </summary>
    public static IReadOnlySet<string> ToFix(IEnumerable<ClaimResend.Claim> practiceClaims)
    {
        var claims = practiceClaims.ToList();
        var fix = ClaimResend.Due(claims).ToHashSet(StringComparer.Ordinal);
        fix.UnionWith(claims.Where(c => c.Status == ClaimStatus.FixQueue).Select(c => c.ClaimId));
        return fix;
    }

    public static ClaimFixQueue Of(IEnumerable<Claim> practiceClaims)
    {
        var held = practiceClaims.Where(c => c.Status == ClaimStatus.FixQueue).ToList();
        var byFinding = held.SelectMany(c => c.Findings.Where(f => f.Severity == "error").Select(f => f.Code).Distinct())
            .GroupBy(code => code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new ClaimFixQueue(held.Count, byFinding);
    }
}
