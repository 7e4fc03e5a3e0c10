using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Who works a practice's claims (docs/BILLING.md, "Who"): a role of <see cref="AccountRules.Claims"/>
/// (the practice's admin; a vendor's admin or coding lead) whose tenant scope reaches the practice
/// (its own organization, or a vendor under a BAA in force with it). Anyone else is told there is no
/// such practice, exactly as for a code that does not exist, so a stranger learns nothing.
/// </summary>
public static class ClaimAccess
{
    public static void Require(Principal principal, TenantScope scope, Guid? practiceId, string practiceCode, string work)
    {
        AccountRules.Require(principal, AccountRules.Claims, work);
        if (practiceId is not { } id || !(scope.IsUnrestricted || scope.PracticeIds.Contains(id)))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }
    }
}

/// <summary>
/// Whether a claim may be replaced (frequency 7) or voided (frequency 8) (docs/BILLING.md,
/// "Corrections and voids"): only a claim that left (submitted, or answered since) and that no
/// acknowledgment rejected, that is not itself a void, and that no later submission of the
/// encounter already replaces, voids or resends. The
/// refusal names the claim and why, never the patient.
/// </summary>
public static class ClaimCorrection
{
    /// <summary>A claim of the encounter as the rule needs it: CLM01, frequency, status and the claim it replaces.</summary>
    public sealed record Sent(string ClaimId, ClaimFrequency Frequency, ClaimStatus Status, string? ReplacesClaimId);

    /// <summary>
    /// The coding version a correction is built from: a replacement (7) sends what the encounter's
    /// final coding says now (the reason to correct), a void (8) the voided claim's own lines; a
    /// replacement of an encounter with no final coding on record keeps the claim's version.
    /// </summary>
    public static int CodingVersion(ClaimFrequency frequency, int claimVersion, int? currentFinalVersion) =>
        frequency == ClaimFrequency.Replacement ? currentFinalVersion ?? claimVersion : claimVersion;

    private static string Followed(ClaimFrequency frequency) => frequency switch
    {
        ClaimFrequency.Void => "voided by",
        ClaimFrequency.Replacement => "replaced by",
        _ => "resent as",
    };

    public static void Check(Sent target, IEnumerable<Sent> encounterClaims, ClaimFrequency frequency)
    {
        var what = frequency == ClaimFrequency.Void ? "voided" : "corrected";
        if (frequency == ClaimFrequency.Original)
        {
            throw new DomainException(BillingErrors.ClaimSubmission, "a correction is a replacement (7) or a void (8)");
        }

        if (target.Status is ClaimStatus.FixQueue or ClaimStatus.Ready)
        {
            throw new DomainException(BillingErrors.ClaimNotCorrectable,
                $"claim {target.ClaimId} never left (it is {target.Status.Name()}): it cannot be {what}; fix it and let claims submit send it");
        }

        // A rejection stopped the claim before the payer adjudicated it: there is nothing on the payer's
        // side to replace or void, and the next claims submit sends it again (ClaimResend).
        if (target.Status == ClaimStatus.Rejected)
        {
            throw new DomainException(BillingErrors.ClaimNotCorrectable,
                $"claim {target.ClaimId} was rejected by an acknowledgment before the payer adjudicated it: it cannot be {what}; fix the cause and the next claims submit resends it");
        }

        if (target.Frequency == ClaimFrequency.Void)
        {
            throw new DomainException(BillingErrors.ClaimNotCorrectable, $"claim {target.ClaimId} is a void: it cannot be {what}");
        }

        if (encounterClaims.FirstOrDefault(c => string.Equals(c.ReplacesClaimId, target.ClaimId, StringComparison.Ordinal)) is { } later)
        {
            throw new DomainException(BillingErrors.ClaimNotCorrectable,
                $"claim {target.ClaimId} is already {Followed(later.Frequency)} {later.ClaimId} ({later.Status.Name()}); correct or void that one");
        }
    }
}
