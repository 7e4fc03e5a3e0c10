namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A 999, TA1 or 277CA was put back onto a practice's claims (docs/BILLING.md, "Acknowledgments"):
/// the file (name, sha256, its sender's ISA06), what it said of each claim it names and what that
/// did (the status after it, the findings of a rejection, the payer's claim control number), and
/// what it named that was never sent. No PHI: claims are named by CLM01, reasons are codes and
/// segment positions. Subject: the practice's code.
/// </summary>
/// <param name="Kind">999, TA1 or 277CA.</param>
/// <param name="At">When it was imported: the claims' acknowledged-at.</param>
public sealed record AcknowledgmentImported(
    Guid Id,
    Guid Practice,
    string Kind,
    string FileName,
    string Sha256,
    string Sender,
    DateTimeOffset At,
    IReadOnlyList<AcknowledgmentImported.Claim> Claims,
    IReadOnlyList<string> Unmatched) : ILedgerEvent
{
    public static string Type => "acks.imported";

    /// <param name="Status">The claim's status after the acknowledgment (kebab-case, <c>ClaimStatusNames</c>).</param>
    /// <param name="Changed">False when the acknowledgment left the claim as it was (findings none, status unchanged).</param>
    public sealed record Claim(string ClaimId, bool Accepted, string Status, bool Changed, string? PayerClaimControlNumber, IReadOnlyList<Finding> Findings);

    /// <summary>A fix-queue finding of a rejection: code, line or null, message.</summary>
    public sealed record Finding(string Code, int? Line, string Message);
}
