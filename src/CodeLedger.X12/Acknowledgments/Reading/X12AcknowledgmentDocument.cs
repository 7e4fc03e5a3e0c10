using CodeLedger.X12.ClaimStatus277;

namespace CodeLedger.X12.Acknowledgments.Reading;

/// <summary>
/// A file of acknowledgments read whole: its 999 sets and TA1s, and the parse result (envelope
/// and 999 guide findings). Acknowledgment files are small (a few segments per acknowledged set),
/// so a document model is simpler than a sink for callers; the sink methods
/// (<see cref="X12ClaimSink.OnAcknowledgment999"/>, <see cref="X12ClaimSink.OnInterchangeAcknowledgment"/>)
/// are there for streaming.
/// </summary>
public sealed class X12AcknowledgmentDocument
{
    private X12AcknowledgmentDocument(X12ParseResult result, IReadOnlyList<Acknowledgment999> acks, IReadOnlyList<InterchangeAcknowledgment> ta1s,
        IReadOnlyList<ClaimAcknowledgment277> claimAcks)
    {
        Result = result;
        Acknowledgments999 = acks;
        InterchangeAcknowledgments = ta1s;
        ClaimAcknowledgments277 = claimAcks;
    }

    public X12ParseResult Result { get; }

    public IReadOnlyList<Acknowledgment999> Acknowledgments999 { get; }

    public IReadOnlyList<InterchangeAcknowledgment> InterchangeAcknowledgments { get; }

    /// <summary>The 277CA sets: the payer's or clearinghouse's verdict per claim (docs/X12.md, "277CA").</summary>
    public IReadOnlyList<ClaimAcknowledgment277> ClaimAcknowledgments277 { get; }

    public static X12AcknowledgmentDocument Load(ReadOnlySpan<byte> data)
    {
        var collector = new Collector();
        var result = X12Parser.Parse(data, new X12ParseOptions { Sink = collector });
        return new X12AcknowledgmentDocument(result, collector.Acks, collector.Ta1s, collector.ClaimAcks);
    }

    public static X12AcknowledgmentDocument Load(string path) => Load(File.ReadAllBytes(path));

    /// <summary>
    /// What each acknowledgment says about the originals, one line per acknowledged transaction
    /// set (by the original's GS06 and ST02) and per acknowledged interchange (by its ISA13):
    /// what an importer needs to mark the originals accepted or rejected, with the reasons as text.
    /// </summary>
    public IReadOnlyList<X12AckOutcome> Outcomes()
    {
        var outcomes = new List<X12AckOutcome>();
        foreach (var ta1 in InterchangeAcknowledgments)
        {
            outcomes.Add(new X12AckOutcome(ta1.ControlNumber, null, null, null, ta1.Accepted, ta1.Accepted && ta1.NoteCode == "000" ? [] : [ta1.Reason]));
        }

        foreach (var ack in Acknowledgments999)
        {
            var groupReasons = ack.GroupErrorCodes.Select(c => $"AK9 {c}: {X12AckCodeTexts.Group(c)}").ToList();
            foreach (var set in ack.Sets)
            {
                // A group rejected as a whole (AK901 R with AK905 codes) rejects every set in it.
                var accepted = set.Accepted && !(ack.GroupStatus == "R" && groupReasons.Count > 0);
                outcomes.Add(new X12AckOutcome(null, ack.GroupControlNumber, set.ControlNumber, set.TransactionSetId, accepted, [.. set.Reasons(), .. groupReasons]));
            }

            if (ack.Sets.Count == 0)
            {
                outcomes.Add(new X12AckOutcome(null, ack.GroupControlNumber, null, null, ack.GroupAccepted, groupReasons));
            }
        }

        return outcomes;
    }

    private sealed class Collector : X12ClaimSink
    {
        public List<Acknowledgment999> Acks { get; } = [];

        public List<InterchangeAcknowledgment> Ta1s { get; } = [];

        public override void OnAcknowledgment999(Acknowledgment999 acknowledgment) => Acks.Add(acknowledgment);

        public List<ClaimAcknowledgment277> ClaimAcks { get; } = [];

        public override void OnInterchangeAcknowledgment(InterchangeAcknowledgment acknowledgment) => Ta1s.Add(acknowledgment);

        public override void OnClaimAcknowledgment277(ClaimAcknowledgment277 acknowledgment) => ClaimAcks.Add(acknowledgment);
    }
}

/// <summary>
/// One original as an acknowledgment judged it: an interchange (ISA13, from a TA1) or a
/// transaction set (its group's GS06 and its ST02, from a 999), accepted or rejected, and why.
/// </summary>
public sealed record X12AckOutcome(
    string? InterchangeControlNumber,
    string? GroupControlNumber,
    string? TransactionControlNumber,
    string? TransactionSetId,
    bool Accepted,
    IReadOnlyList<string> Reasons);
