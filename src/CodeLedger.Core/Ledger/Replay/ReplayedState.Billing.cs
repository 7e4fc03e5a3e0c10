using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// Claims out replayed (docs/BILLING.md): each version of a practice's fee schedule from
/// <c>fees.imported</c>, written as the same row text as <c>Storage/Billing/BillingStoredRows</c>
/// writes the stored table, so an edited charge is a divergence.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (FeeScheduleImported Event, long Sequence)> _feeSchedules = [];
    private readonly HashSet<(Guid Practice, DateOnly EffectiveOn)> _feeDays = [];
    private readonly Dictionary<Guid, ClaimState> _claims = [];
    private readonly Dictionary<(Guid Practice, string ClaimId), ClaimState> _claimsById = [];

    private void ApplyBilling(LedgerEntry entry, ILedgerEvent payload)
    {
        switch (payload)
        {
            case FeeScheduleImported e:
                if (!_organizations.ContainsKey(e.Practice))
                {
                    Contradict(entry, $"fee schedule {e.Id:D} is for organization {e.Practice:D}, which was never registered");
                    return;
                }

                // A version is never replaced (docs/BILLING.md): a second one for the same practice and day contradicts the first.
                if (_feeSchedules.ContainsKey(e.Id) || !_feeDays.Add((e.Practice, e.EffectiveOn)))
                {
                    Contradict(entry, $"practice {Code(e.Practice)} already has a fee schedule effective {StateRows.Text(e.EffectiveOn)}");
                    return;
                }

                _feeSchedules[e.Id] = (e, entry.Sequence);
                break;

            case ClaimBuilt e:
                if (Encounter(entry, e.Encounter) is not { } encounter)
                {
                    return;
                }

                if (encounter.PracticeId != e.Practice)
                {
                    Contradict(entry, $"claim {e.ClaimId} is for practice {Code(e.Practice)}, but encounter {encounter.ExternalId} is of {Code(encounter.PracticeId)}");
                    return;
                }

                // CLM01 is unique per practice (docs/BILLING.md): a second claim with the same id contradicts the first.
                if (_claims.ContainsKey(e.Id) || _claimsById.ContainsKey((e.Practice, e.ClaimId)))
                {
                    Contradict(entry, $"practice {Code(e.Practice)} already has claim {e.ClaimId}");
                    return;
                }

                // A resend (an original naming the claim it follows, docs/BILLING.md) follows a claim an
                // acknowledgment rejected: any other is a contradiction.
                if (e.Frequency == 1 && e.ReplacesClaimId is { } follows)
                {
                    if (!_claimsById.TryGetValue((e.Practice, follows), out var before))
                    {
                        Contradict(entry, $"claim {e.ClaimId} resends claim {follows}, which practice {Code(e.Practice)} never built");
                        return;
                    }

                    if (StatusNow(before.Built.Id, before) != "rejected")
                    {
                        Contradict(entry, $"claim {e.ClaimId} resends claim {follows}, which was {StatusNow(before.Built.Id, before)}, not rejected");
                        return;
                    }
                }

                var built = new ClaimState(e, encounter.ExternalId, entry.Sequence, entry.Instant);
                _claims[e.Id] = built;
                _claimsById[(e.Practice, e.ClaimId)] = built;
                break;

            case ClaimRebuilt e:
                if (!_claims.TryGetValue(e.Id, out var rebuilt) || rebuilt.Built.ClaimId != e.ClaimId)
                {
                    Contradict(entry, $"claim {e.ClaimId} ({e.Id:D}) was never built");
                    return;
                }

                if (rebuilt.Status is not ("fix-queue" or "ready"))
                {
                    Contradict(entry, $"claim {e.ClaimId} was {rebuilt.Status}: only a claim that has not left is rebuilt");
                    return;
                }

                rebuilt.Rebuild(e, entry.Sequence);
                break;

            case ClaimsSubmitted e:
                foreach (var claimId in e.ClaimIds)
                {
                    if (!_claimsById.TryGetValue((e.Practice, claimId), out var sent))
                    {
                        Contradict(entry, $"{e.FileName} names claim {claimId}, which practice {Code(e.Practice)} never built");
                        continue;
                    }

                    if (sent.Status != "ready")
                    {
                        Contradict(entry, $"{e.FileName} names claim {claimId}, which was {sent.Status}, not ready");
                        continue;
                    }

                    sent.Submit(e, entry.Sequence);
                }

                break;
        }
    }

    private void AddBillingRows(StateRows rows, Func<string, bool> want)
    {
        if (want(StateTables.Claims))
        {
            foreach (var (id, c) in _claims)
            {
                // What acknowledgments did to the claim after it left (ReplayedState.Acknowledgments.cs):
                // their status, their findings after the claim's own (every one an error), the 277CA's
                // payer claim control number.
                // Then what remittances did (ReplayedState.Remittances.cs): paid or denied wins over an
                // acknowledgment's status (a payer answers with money after it acknowledged), and the
                // first CLP07 fills a payer claim control number the claim did not have yet.
                var ack = AcknowledgedClaim(c.Built.Practice, c.Built.ClaimId);
                var payerNumber = ack?.PayerClaimControlNumber ?? c.Built.PayerClaimControlNumber
                    ?? (ClaimPayerNumbersFromRemittances.TryGetValue(id, out var clp07) ? clp07 : null);
                StateTables.ClaimRow(rows.Add(StateTables.Claims, StateRows.Text(id), StateTables.ClaimLabel(Code(c.Built.Practice), c.Built.ClaimId), c.Sequence),
                    Code(c.Built.Practice), c.EncounterExternalId, c.Built.ClaimId, c.Built.Submission, c.Built.Frequency, c.Built.ReplacesClaimId,
                    payerNumber, c.CodingVersion, StatusNow(id, c), c.PayerCode, c.PayerId, c.TotalCharge,
                    c.Lines.Select(l => (l.Number, l.ControlNumber, l.Code, (IEnumerable<string>)l.Modifiers, l.Units, (IEnumerable<int>)l.Pointers, l.DateOfService, l.Fee, l.Charge)),
                    c.Findings.Select(f => (f.Code, f.Severity, f.Line, f.Message))
                        .Concat((ack?.Findings ?? []).Select(f => (f.Code, "error", f.Line, f.Message))),
                    c.FileName, c.ReceiverId, c.Interchange, c.Group, c.Transaction, c.SubmittedAt);
            }
        }

        if (!want(StateTables.FeeSchedules))
        {
            return;
        }

        foreach (var (id, (e, seq)) in _feeSchedules)
        {
            rows.Add(StateTables.FeeSchedules, StateRows.Text(id), $"fee schedule of {Code(e.Practice)} effective {StateRows.Text(e.EffectiveOn)}", seq)
                .Set("practice", Code(e.Practice)).Set("effective_on", StateRows.Text(e.EffectiveOn)).Set("file_name", e.FileName).Set("sha256", e.Sha256)
                .Set("fees", StateTables.Fees(e.Fees.Select(f => (f.Code, f.Modifier, f.Charge))));
        }
    }

    /// <summary>One claim as its events describe it: built, perhaps rebuilt while it had not left, then submitted.</summary>
    /// <summary>A claim's status after everything replayed: paid or denied by a remittance, else what an acknowledgment said, else its own.</summary>
    private string StatusNow(Guid id, ClaimState c) =>
        ClaimStatusesFromRemittances.TryGetValue(id, out var paidOrDenied) ? paidOrDenied
        : AcknowledgedClaim(c.Built.Practice, c.Built.ClaimId)?.Status ?? c.Status;

    private sealed class ClaimState(ClaimBuilt built, string encounterExternalId, long sequence, DateTimeOffset builtAt)
    {
        public ClaimBuilt Built { get; } = built;

        /// <summary>When the claim.built event was recorded: the claims row's built-at.</summary>
        public DateTimeOffset BuiltAt { get; } = builtAt;

        public string EncounterExternalId { get; } = encounterExternalId;

        public long Sequence { get; private set; } = sequence;

        public int CodingVersion { get; private set; } = built.CodingVersion;

        public string Status { get; private set; } = built.Status;

        public string? PayerCode { get; private set; } = built.PayerCode;

        public string? PayerId { get; private set; } = built.PayerId;

        public string? TotalCharge { get; private set; } = built.TotalCharge;

        public IReadOnlyList<ClaimBuilt.Line> Lines { get; private set; } = built.Lines;

        public IReadOnlyList<ClaimBuilt.Finding> Findings { get; private set; } = built.Findings;

        public string? FileName { get; private set; }

        public string? ReceiverId { get; private set; }

        public int? Interchange { get; private set; }

        public int? Group { get; private set; }

        public int? Transaction { get; private set; }

        public DateTimeOffset? SubmittedAt { get; private set; }

        public void Rebuild(ClaimRebuilt e, long sequence)
        {
            (CodingVersion, Status, PayerCode, PayerId, TotalCharge, Lines, Findings, Sequence) =
                (e.CodingVersion, e.Status, e.PayerCode, e.PayerId, e.TotalCharge, e.Lines, e.Findings, sequence);
        }

        public void Submit(ClaimsSubmitted e, long sequence)
        {
            (Status, FileName, ReceiverId, Interchange, Group, Transaction, SubmittedAt, Sequence) =
                ("submitted", e.FileName, e.ReceiverId, e.InterchangeControlNumber, e.GroupControlNumber, e.TransactionControlNumber, e.SubmittedAt, sequence);
        }
    }
}
