using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Acknowledgments replayed (docs/BILLING.md, "Acknowledgments"): each imported 999, TA1 or 277CA
/// from <c>acks.imported</c> as the row of the acknowledgments table, and what they did to each
/// claim, in ledger order, for the claims table's replay to apply (<see cref="AcknowledgedClaim"/>).
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (AcknowledgmentImported Event, long Sequence)> _acknowledgments = [];
    private readonly HashSet<(Guid Practice, string Sha256)> _acknowledgmentFiles = [];
    private readonly Dictionary<(Guid Practice, string ClaimId), AcknowledgedClaimState> _acknowledgedClaims = [];

    /// <summary>
    /// What the acknowledgments of a claim did, the last that changed it winning: its status, the
    /// findings they added (appended to the claim's own, in order), the payer's claim control number
    /// from a 277CA, and when it was last answered. Null when no acknowledgment changed the claim.
    /// </summary>
    public AcknowledgedClaimState? AcknowledgedClaim(Guid practice, string claimId) =>
        _acknowledgedClaims.TryGetValue((practice, claimId), out var state) ? state : null;

    private void ApplyAcknowledgment(LedgerEntry entry, AcknowledgmentImported e)
    {
        if (!_organizations.ContainsKey(e.Practice))
        {
            Contradict(entry, $"acknowledgment {e.Id:D} is for organization {e.Practice:D}, which was never registered");
            return;
        }

        // The same file twice changes nothing (docs/BILLING.md): a second event for it contradicts the first.
        if (_acknowledgments.ContainsKey(e.Id) || !_acknowledgmentFiles.Add((e.Practice, e.Sha256)))
        {
            Contradict(entry, $"practice {Code(e.Practice)} already imported the acknowledgment file with sha256 {e.Sha256}");
            return;
        }

        _acknowledgments[e.Id] = (e, entry.Sequence);
        foreach (var claim in e.Claims.Where(c => c.Changed))
        {
            var key = (e.Practice, claim.ClaimId);
            var before = _acknowledgedClaims.TryGetValue(key, out var s) ? s : new AcknowledgedClaimState(string.Empty, [], null, e.At, entry.Sequence);
            _acknowledgedClaims[key] = new AcknowledgedClaimState(
                claim.Status,
                [.. before.Findings, .. claim.Findings],
                claim.PayerClaimControlNumber ?? before.PayerClaimControlNumber,
                e.At,
                entry.Sequence);
        }
    }

    private void AddAcknowledgmentRows(StateRows rows, Func<string, bool> want)
    {
        if (!want(StateTables.Acknowledgments))
        {
            return;
        }

        foreach (var (id, (e, seq)) in _acknowledgments)
        {
            rows.Add(StateTables.Acknowledgments, StateRows.Text(id), $"{e.Kind} {e.FileName} of {Code(e.Practice)}", seq)
                .Set("practice", Code(e.Practice)).Set("kind", e.Kind).Set("file_name", e.FileName).Set("sha256", e.Sha256).Set("sender", e.Sender)
                .Set("imported_at", StateRows.Text(e.At))
                .Set("claims", StateTables.AcknowledgedClaims(e.Claims.Select(c => (c.ClaimId, c.Accepted))))
                .Set("unmatched", StateRows.Text(e.Unmatched.Count));
        }
    }
}

/// <summary>A claim as its acknowledgments left it (replay): status name, added findings, payer's claim control number, last answered, and the event that last changed it.</summary>
public sealed record AcknowledgedClaimState(
    string Status,
    IReadOnlyList<AcknowledgmentImported.Finding> Findings,
    string? PayerClaimControlNumber,
    DateTimeOffset AcknowledgedAt,
    long Sequence);
