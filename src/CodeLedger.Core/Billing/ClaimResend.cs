namespace CodeLedger.Core.Billing;

/// <summary>
/// What happens to a claim an acknowledgment rejected (docs/BILLING.md, "Resending a rejected
/// claim"). A 999, TA1 or 277CA rejection stops a claim at the front door: the payer never
/// adjudicated it, so there is nothing on its side to replace or void. The next <c>claims submit</c>
/// builds it again from the encounter's current coding and the practice's current setup as a new
/// submission with its own CLM01 (<c>ENC-2</c> after <c>ENC-1</c>) that names the rejected one
/// (<see cref="Resend.RejectedClaimId"/>). It keeps the rejected claim's frequency: an original stays
/// an original (1); a rejected replacement (7) or void (8) is sent again as one, with the same
/// payer's claim control number, since the claim it replaces is still the payer's.
/// </summary>
public static class ClaimResend
{
    /// <summary>A claim of the practice as the rule needs it: CLM01, status, and the claim it replaces or resends.</summary>
    public sealed record Claim(string ClaimId, ClaimStatus Status, string? ReplacesClaimId);

    /// <summary>A rejected claim as it was sent: CLM01, frequency, the coding version it was built from, and its REF*F8.</summary>
    public sealed record Rejected(string ClaimId, ClaimFrequency Frequency, int CodingVersion, string? PayerClaimControlNumber);

    /// <summary>The submission to build for a rejected claim: the claim it resends, its frequency, REF*F8 and coding version.</summary>
    public sealed record Resend(string RejectedClaimId, ClaimFrequency Frequency, string? PayerClaimControlNumber, int CodingVersion);

    /// <summary>
    /// The rejected claims no later submission resends, replaces or voids yet, in CLM01 order: those
    /// the next submit builds again, and those <c>claims fixes</c> lists with the acknowledgment's
    /// reasons until then. A rejected claim is resent once; the resend then lives its own life (a
    /// rejection of the resend is resent in turn).
    /// </summary>
    public static IReadOnlyList<string> Due(IEnumerable<Claim> practiceClaims)
    {
        var claims = practiceClaims.ToList();
        var followed = claims.Where(c => c.ReplacesClaimId is not null).Select(c => c.ReplacesClaimId!).ToHashSet(StringComparer.Ordinal);
        return [.. claims.Where(c => c.Status == ClaimStatus.Rejected && !followed.Contains(c.ClaimId)).Select(c => c.ClaimId).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// How <paramref name="rejected"/> is built again. An original or a replacement takes the
    /// encounter's final coding as it is now (a coder may have fixed it since), or the rejected
    /// claim's version when no final coding is on record; a void repeats the voided claim's lines,
    /// so it keeps its own version.
    /// </summary>
    public static Resend Of(Rejected rejected, int? currentFinalVersion)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var version = rejected.Frequency == ClaimFrequency.Void ? rejected.CodingVersion : currentFinalVersion ?? rejected.CodingVersion;
        return new Resend(rejected.ClaimId, rejected.Frequency, rejected.Frequency == ClaimFrequency.Original ? null : rejected.PayerClaimControlNumber, version);
    }
}
