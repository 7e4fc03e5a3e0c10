using CodeLedger.Core.Billing;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.X12;
using CodeLedger.X12.Acknowledgments.Reading;

namespace CodeLedger.Core.Acknowledgments;

/// <summary>What an acknowledgment file is: a TA1 (interchange), a 999 (implementation) or a 277CA (claim acknowledgment).</summary>
public enum AcknowledgmentKind
{
    Ta1,
    Ack999,
    Ack277CA,
}

/// <summary>One claim as an acknowledgment judged it, and what that does to it.</summary>
/// <param name="Status">The claim's status after the acknowledgment.</param>
/// <param name="Changed">False when the claim stays as it was (an acceptance of a claim already rejected, paid or denied; a TA1 that accepts).</param>
/// <param name="Findings">Why it was rejected, as fix-queue findings (no PHI: codes, segment positions, CLM01s).</param>
public sealed record ClaimVerdict(string ClaimId, bool Accepted, ClaimStatus Status, bool Changed, string? PayerClaimControlNumber, IReadOnlyList<ClaimFinding> Findings);

/// <summary>What one acknowledgment file does: a verdict per claim it names, and what it names that was never sent.</summary>
/// <param name="Unmatched">Acknowledged originals naming no claim of the practice that went out, one sentence each.</param>
public sealed record AcknowledgmentPlan(AcknowledgmentKind Kind, IReadOnlyList<ClaimVerdict> Claims, IReadOnlyList<string> Unmatched);

/// <summary>
/// Puts an acknowledgment file back onto the claims it answers (docs/BILLING.md, "Acknowledgments").
/// A TA1 names the interchange (TA101 = the 837P's ISA13, sent back by the receiver it went to); a
/// 999 the functional group and transaction set (AK102 = GS06, AK202 = ST02); a 277CA each claim by
/// its CLM01 (TRN02). A rejection (TA104 R; IK5 R, M, W, X or AK9 R; a rejecting STC) sends the
/// claim back to the fix queue with the reasons as findings; an acceptance (999 IK5 A or E, 277CA)
/// marks it accepted and keeps the payer's claim control number. A TA1 that accepts changes no
/// status: it says the envelope arrived, not that a claim was accepted (FACTS.md §4.4). An
/// acceptance never overrules a rejection, a payment or a denial already recorded; a rejection
/// overrules an acceptance (a 277CA after a 999). What names no claim sent is reported, not refused.
/// </summary>
public static class AcknowledgmentPoster
{
    public const string Rejected999 = "ACK-999-REJECTED";
    public const string RejectedTa1 = "ACK-TA1-REJECTED";
    public const string Rejected277 = "ACK-277CA-REJECTED";

    /// <summary>The plan for <paramref name="document"/>, sent by <paramref name="senders"/> (ISA06 of its interchanges), over the practice's claims.</summary>
    public static AcknowledgmentPlan Plan(X12AcknowledgmentDocument document, IReadOnlyCollection<string> senders, IReadOnlyList<SentClaim> claims)
    {
        // In claim id order, whatever order the caller read them in: the verdicts (and the acks.imported
        // event listing them) follow it, so a query plan must not decide the ledger's bytes.
        var sent = claims.Where(c => c.Status != ClaimStatus.FixQueue && c.Status != ClaimStatus.Ready).OrderBy(c => c.ClaimId, StringComparer.Ordinal).ToList();
        var verdicts = new Dictionary<string, ClaimVerdict>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var kind = document.ClaimAcknowledgments277.Count > 0 ? AcknowledgmentKind.Ack277CA
            : document.Acknowledgments999.Count > 0 ? AcknowledgmentKind.Ack999
            : AcknowledgmentKind.Ta1;

        bool FromReceiver(SentClaim c) => c.ReceiverId is { } r && senders.Contains(r.Trim());

        foreach (var ta1 in document.InterchangeAcknowledgments)
        {
            var isa13 = Number(ta1.ControlNumber);
            var named = sent.Where(c => FromReceiver(c) && isa13 is not null && c.InterchangeControlNumber == isa13).ToList();
            if (named.Count == 0)
            {
                unmatched.Add($"TA1 for interchange {Echo.Quote(ta1.ControlNumber)}: no claim went out in it to {string.Join(", ", senders)}");
            }

            foreach (var claim in named)
            {
                Add(verdicts, claim, ta1.Accepted, acceptanceMoves: false, null,
                    ta1.Accepted ? [] : [new ClaimFinding(RejectedTa1, EditSeverity.Error, null, $"interchange {ta1.ControlNumber} rejected: {ta1.Reason}")]);
            }
        }

        foreach (var ack in document.Acknowledgments999)
        {
            var groupReasons = ack.GroupErrorCodes.Select(c => $"AK9 {c}: {X12AckCodeTexts.Group(c)}").ToList();
            var wholeGroupRejected = ack.GroupStatus == "R" && groupReasons.Count > 0;
            var gs06 = Number(ack.GroupControlNumber);
            var inGroup = sent.Where(c => FromReceiver(c) && gs06 is not null && c.GroupControlNumber == gs06).ToList();
            if (ack.Sets.Count == 0)
            {
                if (inGroup.Count == 0)
                {
                    unmatched.Add($"999 for group {Echo.Quote(ack.GroupControlNumber)}: no claim went out in it");
                }

                foreach (var claim in inGroup)
                {
                    Add(verdicts, claim, ack.GroupAccepted, acceptanceMoves: true, null, ack.GroupAccepted ? [] : Findings999(claim, ack, null, groupReasons));
                }

                continue;
            }

            foreach (var set in ack.Sets)
            {
                var st02 = Number(set.ControlNumber);
                var named = inGroup.Where(c => st02 is not null && c.TransactionControlNumber == st02).ToList();
                if (named.Count == 0)
                {
                    unmatched.Add($"999 for group {Echo.Quote(ack.GroupControlNumber)}, set {Echo.Quote(set.ControlNumber)}: no claim went out in it");
                }

                var accepted = set.Accepted && !wholeGroupRejected;
                foreach (var claim in named)
                {
                    Add(verdicts, claim, accepted, acceptanceMoves: true, null, accepted ? [] : Findings999(claim, ack, set, groupReasons));
                }
            }
        }

        var byId = sent.ToDictionary(c => c.ClaimId, StringComparer.Ordinal);
        foreach (var ack in document.ClaimAcknowledgments277)
        {
            foreach (var answer in ack.Claims)
            {
                if (!byId.TryGetValue(answer.ClaimId, out var claim))
                {
                    unmatched.Add($"277CA for claim {Echo.Quote(answer.ClaimId)}: no such claim went out");
                    continue;
                }

                var findings = answer.Accepted ? [] : Findings277(claim, answer);
                Add(verdicts, claim, answer.Accepted, acceptanceMoves: true, answer.Accepted ? answer.PayerClaimControlNumber : null, findings);
            }
        }

        return new AcknowledgmentPlan(kind, [.. verdicts.Values], unmatched);
    }

    // Control numbers are digits (ISA13 nine, GS06 up to nine, ST02 four to nine), compared as numbers: 000000042 is 42.
    private static int? Number(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    // Two answers for one claim in one file (a 999 set and its group, two 277CA loops): a rejection wins.
    private static void Add(Dictionary<string, ClaimVerdict> verdicts, SentClaim claim, bool accepted, bool acceptanceMoves, string? payerNumber, IReadOnlyList<ClaimFinding> findings)
    {
        if (verdicts.TryGetValue(claim.ClaimId, out var earlier))
        {
            if (!earlier.Accepted && accepted)
            {
                return;
            }

            if (!earlier.Accepted)
            {
                verdicts[claim.ClaimId] = earlier with { Findings = [.. earlier.Findings, .. findings] };
                return;
            }
        }

        var status = claim.Status;
        bool changed;
        if (accepted)
        {
            // An acceptance moves a submitted claim (or records the payer's number on an accepted one); it never undoes a rejection or an 835.
            changed = acceptanceMoves && (status == ClaimStatus.Submitted || (status == ClaimStatus.Accepted && payerNumber is not null));
            status = changed ? ClaimStatus.Accepted : status;
        }
        else
        {
            changed = status is ClaimStatus.Submitted or ClaimStatus.Accepted;
            status = changed ? ClaimStatus.Rejected : status;
        }

        verdicts[claim.ClaimId] = new ClaimVerdict(claim.ClaimId, accepted, status, changed, changed ? payerNumber : null, changed ? findings : []);
    }

    // Each claim of a rejected set gets the set's and group's reasons and the segment errors that name it (CTX CLM01) or no claim.
    private static List<ClaimFinding> Findings999(SentClaim claim, Acknowledgment999 ack, SetResponse999? set, List<string> groupReasons)
    {
        var where = set is null ? $"group {ack.GroupControlNumber}" : $"transaction set {set.ControlNumber} of group {ack.GroupControlNumber}";
        var status = set is null ? $"AK9 {ack.GroupStatus}" : $"IK5 {set.Status}";
        var findings = new List<ClaimFinding> { new(Rejected999, EditSeverity.Error, null, $"the 999 rejected {where} ({status})") };
        if (set is not null)
        {
            findings.AddRange(set.ErrorCodes.Select(c => new ClaimFinding(Rejected999, EditSeverity.Error, null, $"IK5 {c}: {X12AckCodeTexts.Set(c)}")));
            foreach (var segment in set.SegmentErrors)
            {
                var names = segment.Contexts.FirstOrDefault(c => c.Name == "CLM01")?.Reference;
                if (names is null || names == claim.ClaimId)
                {
                    findings.AddRange(segment.Reasons().Select(r => new ClaimFinding(Rejected999, EditSeverity.Error, null, r)));
                }
            }
        }

        findings.AddRange(groupReasons.Select(r => new ClaimFinding(Rejected999, EditSeverity.Error, null, r)));
        return findings;
    }

    private static List<ClaimFinding> Findings277(SentClaim claim, X12.ClaimStatus277.ClaimStatus277 answer)
    {
        var findings = answer.Statuses.SelectMany(s => s.Reasons()).Select(r => new ClaimFinding(Rejected277, EditSeverity.Error, null, r)).ToList();
        foreach (var line in answer.Lines)
        {
            int? number = line.LineItemControlNumber is { } control && claim.LinesByControlNumber.TryGetValue(control, out var n) ? n : null;
            findings.AddRange(line.Statuses.SelectMany(s => s.Reasons()).Select(r => new ClaimFinding(Rejected277, EditSeverity.Error, number,
                number is null ? $"line {line.Describe()}: {r}" : r)));
        }

        if (findings.Count == 0)
        {
            findings.Add(new ClaimFinding(Rejected277, EditSeverity.Error, null, "the 277CA gave the claim no status (STC); it is not accepted"));
        }

        return findings;
    }

    /// <summary>The findings of a file that cannot be trusted (X12 errors), one sentence each: segment, element, message; no value that may be PHI.</summary>
    public static IReadOnlyList<string> Problems(X12ParseResult result) =>
        [.. result.Errors.Where(e => e.Severity == X12Severity.Error).Select(e =>
            $"segment {e.Segment} ({e.SegmentId}{(e.Element is { } el ? $"{el:00}" : string.Empty)}){(e.Loop is null ? string.Empty : $" in loop {e.Loop}")}: {e.Message}")];
}
