using System.Buffers;
using System.Globalization;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Writing;

namespace CodeLedger.X12.Acknowledgments;

/// <summary>
/// Builds the 999 (005010X231A1) and TA1 for a parsed file from its findings. Segment errors
/// become IK3 (with IK4 for element errors), set-level ones IK5 codes, group-level ones AK9 codes
/// (code lists: FACTS.md §4.4; TA1 note codes X12 I18). A 999 reports syntax and guide findings
/// only; whether the payer accepts the claim comes later in a 277CA.
/// </summary>
public static class X12Acknowledger
{
    public const string Guide999 = "005010X231A1";

    /// <summary>Which acknowledgments <see cref="Create"/> will write for this result, and between whom.</summary>
    public static X12AckEnvelopes Envelopes(X12ParseResult result)
    {
        var ta1 = Ta1Interchanges(result);
        var groups = AcceptedGroups(result);
        return new X12AckEnvelopes(
            groups.Count == 0 ? null : X12Parties.ReplyTo(groups[0].Interchange.Header),
            ta1.Count == 0 ? null : X12Parties.ReplyTo(ta1[0].Header));
    }

    public static X12Acknowledgments Create(X12ParseResult result, X12AckOptions options)
    {
        var ta1 = BuildTa1(result, options, out var ta1Status);
        var ack = Build999(result, options, out var ackStatus);
        return new X12Acknowledgments(ack, ta1, ackStatus, ta1Status);
    }

    // A TA1 answers every interchange that asked for one (ISA14 = 1) or whose envelope is broken.
    private static List<X12InterchangeSummary> Ta1Interchanges(X12ParseResult result) =>
        result.InterchangeSummaries.Where(i => i.Header.AcknowledgmentRequested || i.Errors.Count > 0).ToList();

    // A 999 answers the groups of the interchanges whose envelope holds no error.
    private static List<(X12InterchangeSummary Interchange, X12GroupSummary Group)> AcceptedGroups(X12ParseResult result) =>
        result.InterchangeSummaries
            .Where(i => !i.Errors.Exists(e => e.Severity == X12Severity.Error))
            .SelectMany(i => i.Groups.Select(g => (Interchange: i, Group: g)))
            .ToList();

    private static byte[]? BuildTa1(X12ParseResult result, X12AckOptions options, out string status)
    {
        status = string.Empty;
        var wanted = Ta1Interchanges(result);
        if (wanted.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        var w = new X12SegmentWriter(buffer, X12Delimiters.Default);
        var control = ControlNumber(options.Ta1ControlNumber, nameof(options.Ta1ControlNumber));
        Isa(w, wanted[0].Header, control, options);
        foreach (var interchange in wanted)
        {
            var firstError = interchange.Errors.FirstOrDefault(e => e.Severity == X12Severity.Error);
            var code = firstError is null ? "A" : "R";
            status = status.Length == 0 || code == "R" ? code : status;
            w.Segment("TA1", interchange.Header.ControlNumber.PadLeft(9, '0'), interchange.Header.Date, interchange.Header.Time, code,
                firstError is null ? "000" : NoteCode(firstError.Code));
        }

        w.Segment("IEA", "0", control);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>TA105 note codes (X12 I18; meanings [U] in FACTS.md §4.4).</summary>
    private static string NoteCode(string code) => code switch
    {
        X12ErrorCodes.InterchangeControlMismatch => "001",
        X12ErrorCodes.VersionNotSupported => "017",
        X12ErrorCodes.InvalidInterchangeControlNumber => "018",
        X12ErrorCodes.GroupCountMismatch => "021",
        X12ErrorCodes.IsaLength => "022",
        X12ErrorCodes.MissingIea or X12ErrorCodes.Unterminated => "023",
        X12ErrorCodes.IsaSeparators => "026",
        _ => "024",
    };

    private static byte[]? Build999(X12ParseResult result, X12AckOptions options, out string status)
    {
        status = string.Empty;
        var groups = AcceptedGroups(result);
        if (groups.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        var w = new X12SegmentWriter(buffer, X12Delimiters.Default);
        var first = groups[0].Interchange.Header;
        var control = ControlNumber(options.Ack999ControlNumber, nameof(options.Ack999ControlNumber));
        Isa(w, first, control, options);

        // The interchange holds one group, so the group takes the interchange's number: unique
        // for the same parties as well, and a reader can match the two.
        var groupControl = X12SegmentWriter.Number(options.Ack999ControlNumber);
        var gs = groups[0].Group.Header;
        var now = options.Now;
        w.Segment("GS", "FA", gs.ReceiverCode, gs.SenderCode, now.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            now.ToString("HHmm", CultureInfo.InvariantCulture), groupControl, "X", Guide999);
        var set = 0;
        foreach (var (_, group) in groups)
        {
            var code = WriteSet(w, group, ++set);
            status = Worst(status, code);
        }

        w.Segment("GE", X12SegmentWriter.Number(set), groupControl);
        w.Segment("IEA", "1", control);
        return buffer.WrittenSpan.ToArray();
    }

    private static string WriteSet(X12SegmentWriter w, X12GroupSummary group, int number)
    {
        var control = number.ToString("0000", CultureInfo.InvariantCulture);
        w.ResetCount();
        w.Segment("ST", "999", control, Guide999);
        w.Segment("AK1", group.Header.FunctionalId, group.Header.ControlNumber, group.Header.Version);
        var accepted = 0;
        var anyNoted = false;
        foreach (var transaction in group.Transactions)
        {
            w.Segment("AK2", transaction.TransactionSetId, transaction.ControlNumber, transaction.ConventionReference);
            var setCodes = new List<string>();
            foreach (var error in transaction.Errors)
            {
                if (SetLevelCode(error.Code) is { } setCode)
                {
                    setCodes.Add(setCode);
                    continue;
                }

                var inSet = error.Segment - transaction.StartSegment + 1;
                var (segmentCode, elementCode) = SegmentCodes(error);
                // IK303 is data element 447, at most 4 characters in 005010: the loop number
                // (2010 for 2010BA); the segment id and position say which of its loops.
                w.Segment("IK3", error.SegmentId, X12SegmentWriter.Number(Math.Max(1, inSet)), error.Loop is { Length: > 4 } loop ? loop[..4] : error.Loop, segmentCode);

                // CTX*CLM01: the patient control number of the claim the error is in, so the
                // sender finds the claim without counting segments (the business unit context).
                if (error.ClaimId is { } claim && Plain(claim))
                {
                    w.Segment("CTX", $"CLM01:{claim}");
                }

                if (elementCode is not null)
                {
                    var position = error.Element is { } e ? X12SegmentWriter.Number(e) : "1";
                    if (error.Component is { } c)
                    {
                        position += ":" + X12SegmentWriter.Number(c);
                    }

                    // IK404 only for values the finding allowed to be copied (codes, numbers,
                    // dates; never names, ids, text or a birth date).
                    w.Segment("IK4", position, null, elementCode, error.Value is { } v && Plain(v) ? v : null);
                }
            }

            var rejected = transaction.Rejected;
            var noted = !rejected && transaction.Errors.Count > 0;
            anyNoted |= noted;
            if (!rejected)
            {
                accepted++;
            }

            var ik5 = new List<string?> { rejected ? "R" : noted ? "E" : "A" };
            if (rejected && setCodes.Count == 0)
            {
                // 5: one or more segments in error (the IK3s above say which).
                setCodes.Add("5");
            }

            ik5.AddRange(setCodes.Distinct().Take(5));
            w.Segment("IK5", ik5.ToArray());
        }

        var groupCodes = group.Errors.Where(e => e.Severity == X12Severity.Error).Select(e => GroupCode(e.Code)).Distinct().Take(5).ToList();
        var included = group.Transactions.Count;
        var ak901 = groupCodes.Count > 0 || (accepted == 0 && included > 0) ? "R"
            : accepted < included ? "P"
            : anyNoted ? "E"
            : "A";
        var ak9 = new List<string?> { ak901, X12SegmentWriter.Number(included), X12SegmentWriter.Number(included), X12SegmentWriter.Number(groupCodes.Count > 0 ? 0 : accepted) };
        ak9.AddRange(groupCodes);
        w.Segment("AK9", ak9.ToArray());
        w.Segment("SE", X12SegmentWriter.Number(w.Count + 1), control);
        return ak901;
    }

    /// <summary>IK502 codes for findings about the set as a whole.</summary>
    private static string? SetLevelCode(string code) => code switch
    {
        X12ErrorCodes.TransactionNotSupported => "1",
        X12ErrorCodes.MissingSe => "2",
        X12ErrorCodes.TransactionControlMismatch => "3",
        X12ErrorCodes.SegmentCountMismatch => "4",
        X12ErrorCodes.DuplicateTransactionControlNumber => "23",
        _ => null,
    };

    /// <summary>IK304 (segment) and IK403 (element) codes.</summary>
    private static (string Segment, string? Element) SegmentCodes(X12Error error) => error.Code switch
    {
        X12ErrorCodes.InvalidSegmentId => ("1", null),
        X12ErrorCodes.SegmentOutOfOrder => ("7", null),
        X12ErrorCodes.RequiredSegmentMissing => ("3", null),
        X12ErrorCodes.SegmentRepeatExceeded => (error.SegmentId == "NM1" ? "4" : "5", null),
        X12ErrorCodes.RequiredElementMissing => ("8", "1"),
        X12ErrorCodes.InvalidNumber => ("8", "6"),
        X12ErrorCodes.InvalidCode or X12ErrorCodes.InvalidHierarchy or X12ErrorCodes.GuideVariant => ("8", "7"),
        X12ErrorCodes.TooManyRepeats => ("8", error.SegmentId == "HI" ? "3" : "13"),
        X12ErrorCodes.InvalidDate => ("8", "8"),
        X12ErrorCodes.ElementTooLong => ("8", "5"),
        X12ErrorCodes.ElementTooShort => ("8", "4"),
        X12ErrorCodes.NotUsedElementPresent => ("8", "I10"),
        X12ErrorCodes.InvalidTime => ("8", "9"),
        _ => ("8", null),
    };

    /// <summary>AK905 codes.</summary>
    private static string GroupCode(string code) => code switch
    {
        X12ErrorCodes.GroupVersionNotSupported => "2",
        X12ErrorCodes.MissingGe => "3",
        X12ErrorCodes.GroupControlMismatch => "4",
        X12ErrorCodes.TransactionCountMismatch => "5",
        X12ErrorCodes.DuplicateGroupControlNumber => "19",
        _ => "1",
    };

    /// <summary>A value that can be copied into an element of the 999 without breaking its syntax.</summary>
    private static bool Plain(string value) =>
        value.Length is > 0 and <= 99 && value.All(c => c is >= ' ' and <= '~' && c is not '*' and not ':' and not '~' and not '^');

    private static string Worst(string current, string code)
    {
        static int Rank(string c) => c switch { "A" => 0, "E" => 1, "P" => 2, "R" => 3, _ => -1 };
        return Rank(code) > Rank(current) ? code : current;
    }

    /// <summary>ISA13 and IEA02: nine digits, zero-padded.</summary>
    private static string ControlNumber(int number, string option) => number is < 1 or > X12AckOptions.MaxControlNumber
        ? throw new ArgumentOutOfRangeException(option, number, "an interchange control number is 1 to 999,999,999")
        : number.ToString("000000000", CultureInfo.InvariantCulture);

    private static void Isa(X12SegmentWriter w, X12InterchangeHeader original, string control, X12AckOptions options)
    {
        var now = options.Now;
        w.Segment("ISA", "00", new string(' ', 10), "00", new string(' ', 10),
            Pad(original.ReceiverQualifier, 2), Pad(original.ReceiverId, 15), Pad(original.SenderQualifier, 2), Pad(original.SenderId, 15),
            now.ToString("yyMMdd", CultureInfo.InvariantCulture), now.ToString("HHmm", CultureInfo.InvariantCulture), "^", "00501",
            control, "0", options.Production ? "P" : "T", ":");
    }

    private static string Pad(string value, int width) => value.Length >= width ? value[..width] : value.PadRight(width);
}
