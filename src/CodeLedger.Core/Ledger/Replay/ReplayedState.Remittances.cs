using CodeLedger.Core.Denials;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Remittances;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>
/// 835 posting and denials replayed (docs/REMITTANCE.md): each <c>remittance.posted</c> is one row
/// of remittance_payments with its claim_postings, provider_adjustments, unmatched_claim_payments
/// and denial_work_items; each <c>remittance.matched</c> removes an unmatched item and adds its
/// posting (and denial). A second payment with the same key for a practice, a reversal of a posting
/// no event made, or a match of an item not in the queue is a contradiction. The month's denial
/// figures are computed from these events by the same <see cref="DenialMonth"/> as from the tables.
/// </summary>
public sealed partial class ReplayedState
{
    private readonly Dictionary<Guid, (RemittancePosted Event, string Actor, long Sequence)> _payments = [];
    private readonly HashSet<(Guid Practice, string Payer, string Trace)> _paymentKeys = [];
    private readonly Dictionary<Guid, (Guid Payment, RemittancePosted.Posting Posting, long Sequence)> _postings = [];
    private readonly Dictionary<Guid, DateTimeOffset> _postedAt = [];
    private readonly Dictionary<Guid, (Guid Payment, RemittancePosted.ProviderAdjustment Adjustment, long Sequence)> _providerAdjustments = [];
    private readonly Dictionary<Guid, (Guid Payment, RemittancePosted.UnmatchedPayment Item, long Sequence)> _unmatched = [];
    private readonly Dictionary<Guid, ReplayedDenial> _denials = [];
    private readonly Dictionary<Guid, string> _claimStatusesFromRemittances = [];

    /// <summary>
    /// The status each claim (by claims row id) has after the remittances replayed so far: the
    /// claims table's replay reads it to set paid and denied as the remittance desk does.
    /// </summary>
    public IReadOnlyDictionary<Guid, string> ClaimStatusesFromRemittances => _claimStatusesFromRemittances;

    private readonly Dictionary<Guid, string> _claimPayerNumbersFromRemittances = [];

    /// <summary>The first CLP07 a remittance gave each claim (by claims row id): the desk keeps a claim's payer claim control number once it has one.</summary>
    public IReadOnlyDictionary<Guid, string> ClaimPayerNumbersFromRemittances => _claimPayerNumbersFromRemittances;

    private void ApplyRemittance(LedgerEntry entry, ILedgerEvent payload)
    {
        switch (payload)
        {
            case RemittancePosted e:
                if (!_organizations.ContainsKey(e.Practice))
                {
                    Contradict(entry, $"payment {e.Id:D} is for organization {e.Practice:D}, which was never registered");
                    return;
                }

                if (_payments.ContainsKey(e.Id) || !_paymentKeys.Add((e.Practice, e.PayerId, e.TraceNumber)))
                {
                    Contradict(entry, $"payment {e.PayerId}/{e.TraceNumber} of practice {Code(e.Practice)} was already posted; a payment posts once");
                    return;
                }

                var known = new HashSet<Guid>(_postings.Keys);
                foreach (var p in e.Claims)
                {
                    if (p.Reverses is { } undone && !known.Contains(undone))
                    {
                        Contradict(entry, $"claim {p.ClaimId}'s reversal undoes posting {undone:D}, which no event posted");
                        _paymentKeys.Remove((e.Practice, e.PayerId, e.TraceNumber));
                        return;
                    }

                    known.Add(p.Id);
                }

                _payments[e.Id] = (e, entry.Actor, entry.Sequence);
                foreach (var p in e.Claims)
                {
                    _postings[p.Id] = (e.Id, p, entry.Sequence);
                    _postedAt[p.Id] = e.PostedAt;
                    _claimStatusesFromRemittances[p.Claim] = p.ClaimStatus;
                    if (p.PayerClaimControlNumber is { } number)
                    {
                        _claimPayerNumbersFromRemittances.TryAdd(p.Claim, number);
                    }
                }

                foreach (var a in e.ProviderAdjustments)
                {
                    _providerAdjustments[a.Id] = (e.Id, a, entry.Sequence);
                }

                foreach (var u in e.Unmatched)
                {
                    _unmatched[u.Id] = (e.Id, u, entry.Sequence);
                }

                foreach (var d in e.Denials)
                {
                    _denials[d.Id] = new ReplayedDenial(e.Practice, d, e.PostedAt, entry.Sequence);
                }

                break;
            case RemittanceMatched e:
                if (!_unmatched.TryGetValue(e.Unmatched, out var item) || item.Payment != e.Payment)
                {
                    Contradict(entry, $"unmatched claim payment {e.Unmatched:D} is not in the queue of payment {e.Payment:D}");
                    return;
                }

                _unmatched.Remove(e.Unmatched);
                _postings[e.Posting.Id] = (e.Payment, e.Posting, entry.Sequence);
                _postedAt[e.Posting.Id] = e.MatchedAt;
                _claimStatusesFromRemittances[e.Posting.Claim] = e.Posting.ClaimStatus;
                if (e.Posting.PayerClaimControlNumber is { } matchedNumber)
                {
                    _claimPayerNumbersFromRemittances.TryAdd(e.Posting.Claim, matchedNumber);
                }
                foreach (var d in e.Denials)
                {
                    _denials[d.Id] = new ReplayedDenial(e.Practice, d, e.MatchedAt, entry.Sequence);
                }

                break;
            case DenialStepped e:
                ApplyDenialStep(entry, e);
                break;
        }
    }

    private void AddRemittanceRows(StateRows rows, Func<string, bool> want)
    {
        string PracticeOf(Guid payment) => Code(_payments[payment].Event.Practice);
        if (want(StateTables.RemittancePayments))
        {
            foreach (var (id, (e, actor, seq)) in _payments)
            {
                RemittanceStateRows.Payment(rows.Add(StateTables.RemittancePayments, StateRows.Text(id), PaymentLabel(Code(e.Practice), e.PayerId, e.TraceNumber), seq),
                    Code(e.Practice), e.PayerId, e.TraceNumber, e.TotalPayment, e.PaymentDate, e.FileName, e.FileSha256, e.TransactionSet, e.Unbalanced, e.PostedAt, actor);
            }
        }

        if (want(StateTables.ClaimPostings))
        {
            foreach (var (id, (payment, p, seq)) in _postings)
            {
                RemittanceStateRows.Posting(rows.Add(StateTables.ClaimPostings, StateRows.Text(id), PostingLabel(p.ClaimId, p.Position), seq), payment, PracticeOf(payment), p);
            }
        }

        if (want(StateTables.ProviderAdjustments))
        {
            foreach (var (id, (payment, a, seq)) in _providerAdjustments)
            {
                RemittanceStateRows.ProviderAdjustment(rows.Add(StateTables.ProviderAdjustments, StateRows.Text(id), $"PLB {a.Position} ({a.Reason})", seq), payment, PracticeOf(payment), a);
            }
        }

        if (want(StateTables.UnmatchedClaimPayments))
        {
            foreach (var (id, (payment, u, seq)) in _unmatched)
            {
                RemittanceStateRows.Unmatched(rows.Add(StateTables.UnmatchedClaimPayments, StateRows.Text(id), $"unmatched CLP {u.Position} (CLP01 {u.PatientControlNumber})", seq),
                    payment, PracticeOf(payment), u);
            }
        }

        AddDenialRows(rows, want);
    }

    // Through cents, as the claims table stores money, so 305.00 and 305 are one amount in the figures' JSON.
    private static decimal Amount(string text) => Codes.Money.FromCents(Codes.Money.Parse(text).Cents).Amount;

    public static string PaymentLabel(string practice, string payer, string trace) => $"payment {payer}/{trace} of {practice}";

    public static string PostingLabel(string claimId, int position) => $"posting of claim {claimId} (CLP {position})";

    /// <summary>
    /// The month's denial figures of a practice from the replayed events: each claim a posting named,
    /// with the facts its latest posting recorded and every posting dated by its payment's BPR16 (else
    /// the day it was posted), handed to <see cref="DenialMonth.Compute"/> as <c>denials</c> does with the tables.
    /// </summary>
    public DenialMonthReport? DenialReport(string practiceCode, SlaMonth month, DateOnly? asOf = null)
    {
        if (!_organizationByCode.TryGetValue(practiceCode, out var practice))
        {
            return null;
        }

        var claims = new Dictionary<Guid, (RemittancePosted.Posting Latest, List<DatedPosting> Postings)>();
        foreach (var (_, (paymentId, p, _)) in _postings.OrderBy(x => _postedAt[x.Key]).ThenBy(x => _payments[x.Value.Payment].Event.TransactionSet, StringComparer.Ordinal)
                     .ThenBy(x => x.Value.Posting.Position))
        {
            var payment = _payments[paymentId].Event;
            if (payment.Practice != practice)
            {
                continue;
            }

            ReversalOf? reverses = p.Reverses is { } r && _postings.TryGetValue(r, out var undone)
                ? new ReversalOf(new PaymentKey(_payments[undone.Payment].Event.PayerId, _payments[undone.Payment].Event.TraceNumber), undone.Posting.Position)
                : null;
            var posting = PostingRecords.Posting(p.Position, p.ClaimId, p.PayerClaimControlNumber, p.Status, p.Charge, p.Paid, p.PatientResponsibility, p.Adjustments, p.Lines, reverses);
            var dated = new DatedPosting(PostingRecords.PostedOn(payment.PaymentDate, payment.PostedAt), posting);
            if (claims.TryGetValue(p.Claim, out var c))
            {
                c.Postings.Add(dated);
                claims[p.Claim] = (p, c.Postings);
            }
            else
            {
                claims[p.Claim] = (p, [dated]);
            }
        }

        // Every claim the practice built counts, paid or not, with its facts as the claims table holds
        // them now (RemittanceDesk.ClaimFacts reads the same from the rows): the first submission of
        // its encounter, its earliest line date, its charge, how many submissions the encounter had,
        // and whether it stood without rejection. A posting naming a claim no event built (a database
        // older than claim events) keeps the facts its posting recorded.
        var histories = new List<ClaimHistory>();
        var built = _claims.Where(c => c.Value.Built.Practice == practice).ToList();
        var chains = built.ToLookup(c => c.Value.Built.Encounter);
        foreach (var (id, c) in built)
        {
            var chain = chains[c.Built.Encounter].OrderBy(x => x.Value.Built.Submission).ToList();
            var first = chain[0].Value;
            var submitted = first.SubmittedAt ?? first.BuiltAt;
            var serviceDate = c.Lines.Count > 0 ? c.Lines.Min(l => l.DateOfService) : DateOnly.FromDateTime(c.BuiltAt.UtcDateTime);
            var charge = c.TotalCharge is { } total ? Amount(total) : c.Lines.Sum(l => l.Charge is { } x ? Amount(x) : 0m);
            histories.Add(new ClaimHistory(c.Built.ClaimId, practiceCode, c.PayerId ?? c.PayerCode ?? string.Empty, serviceDate, DateOnly.FromDateTime(submitted.UtcDateTime),
                charge, chain.Count == 1 && StatusNow(id, c) != "rejected", chain.Count, claims.TryGetValue(id, out var posted) ? posted.Postings : []));
        }

        histories.AddRange(claims.Where(c => !_claims.ContainsKey(c.Key)).Select(c => c.Value).Select(c => new ClaimHistory(c.Latest.ClaimId, practiceCode,
            c.Latest.History.PayerId, c.Latest.History.ServiceDate, c.Latest.History.FirstSubmitted, c.Latest.History.Charge,
            c.Latest.History.AcceptedOnFirstAcknowledgment, c.Latest.History.Submissions, c.Postings)));
        return DenialMonth.Compute(practiceCode, month, histories, DenialRules.Default, asOf);
    }
}
