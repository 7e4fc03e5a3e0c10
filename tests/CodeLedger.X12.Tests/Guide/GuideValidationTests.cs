using System.Text;
using CodeLedger.X12.Acknowledgments;
using CodeLedger.X12.Acknowledgments.Reading;

namespace CodeLedger.X12.Tests.Guide;

/// <summary>
/// Guide-level rules (005010X221A1, X222A1): each test breaks one rule in an otherwise valid file
/// and expects the code, the segment, the element and the loop the 999 will name.
/// </summary>
public class GuideValidationTests
{
    private static X12AckOptions Options(int control) => new(new DateTimeOffset(2024, 4, 10, 12, 0, 0, TimeSpan.Zero), control, control + 1);

    private static X12ParseResult Parse(string text, bool fast = true) =>
        X12Parser.Parse(Encoding.ASCII.GetBytes(text), new X12ParseOptions { FastBody = fast });

    private static X12Error Single(string text, string code)
    {
        var result = Parse(text);
        var found = result.Errors.Where(e => e.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}; got {X12Assert.Describe(result)}");

        // The fast body path and the ordinary path see the same findings, loops and values.
        Assert.Equal(result.Errors, Parse(text, fast: false).Errors);
        return found[0];
    }

    private static string Mutate835(string from, string to)
    {
        var text = Fixtures.Text835();
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Fixtures.Text835().Replace(from, to, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, from);
        return text[..at] + to + text[(at + from.Length)..];
    }

    private static string Fix835Count(string text)
    {
        // Keep SE01 right after removing or adding segments, so only the guide rule is broken.
        var st = text.IndexOf("ST*835", StringComparison.Ordinal);
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        var count = text[st..se].Count(c => c == '~') + 1;
        var end = text.IndexOf('*', se + 3);
        return text[..(se + 3)] + count + text[end..];
    }

    [Fact]
    public void The_fixtures_are_guide_valid()
    {
        X12Assert.Clean(Parse(Fixtures.Text835()));
        X12Assert.Clean(Parse(Fixtures.Text837()));
        Assert.DoesNotContain(Parse(Fixtures.Text835()).Errors, e => e.Loop is not null && e.Severity == X12Severity.Error);
    }

    [Fact]
    public void An_835_without_TRN_is_missing_its_reassociation_trace()
    {
        var error = Single(Fix835Count(Mutate835("TRN*1*EFT12345*1512345678~", "")), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("TRN", (string?)null), (error.SegmentId, error.Loop));
    }

    [Fact]
    public void An_835_without_the_payer_loop_names_1000A()
    {
        var error = Single(Fix835Count(Mutate835("N1*PR*PAYER ONE~", "")), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("N1", "1000A"), (error.SegmentId, error.Loop));
    }

    [Fact]
    public void An_835_without_the_payee_loop_names_1000B()
    {
        var error = Single(Fix835Count(Mutate835("N1*PE*NORTH CLINIC*XX*1234567893~", "")), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("N1", "1000B"), (error.SegmentId, error.Loop));
    }

    [Fact]
    public void An_835_without_the_payer_technical_contact_names_PER_in_1000A()
    {
        var error = Single(Fix835Count(Mutate835("PER*BL*EDI*TE*5555550199~", "")), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("PER", "1000A"), (error.SegmentId, error.Loop));
    }

    [Fact]
    public void A_business_contact_alone_is_not_the_technical_contact()
    {
        var error = Single(Mutate835("PER*BL*EDI*TE*5555550199~", "PER*CX*EDI*TE*5555550199~"), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("PER", "1000A"), (error.SegmentId, error.Loop));
    }

    [Fact]
    public void An_835_without_BPR16_misses_the_payment_date()
    {
        var error = Single(Mutate835("*654321*20240410~", "*654321~"), X12ErrorCodes.RequiredElementMissing);
        Assert.Equal(("BPR", 16, (string?)null), (error.SegmentId, error.Element, error.Loop));
    }

    [Fact]
    public void A_claim_payment_without_the_patient_names_NM1_in_2100_and_the_claim()
    {
        var error = Single(Fix835Count(Mutate835("NM1*QC*1*DOE*JANE****MI*M123~", "")), X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("NM1", "2100", "PCN-1001"), (error.SegmentId, error.Loop, error.ClaimId));
    }

    [Fact]
    public void A_not_used_element_filled_is_reported_at_its_position()
    {
        var error = Single(Mutate835("CLP*PCN-1002*4*1200*0**12*PAYERCCN2~", "CLP*PCN-1002*4*1200*0**12*PAYERCCN2***X~"), X12ErrorCodes.NotUsedElementPresent);
        Assert.Equal(("CLP", 10, "2100", "PCN-1002"), (error.SegmentId, error.Element, error.Loop, error.ClaimId));
    }

    [Fact]
    public void An_over_long_element_is_reported_without_copying_a_text_value()
    {
        var id = new string('A', 39);
        var error = Single(Mutate835("CLP*PCN-1002*", $"CLP*{id}*"), X12ErrorCodes.ElementTooLong);
        Assert.Equal(("CLP", 1, "2100"), (error.SegmentId, error.Element, error.Loop));
        Assert.Null(error.Value);
    }

    [Fact]
    public void A_bad_state_code_is_an_invalid_code_with_its_value()
    {
        var error = Single(Mutate835("N4*SPRINGFIELD*IL*62701~", "N4*SPRINGFIELD*XY*62701~"), X12ErrorCodes.InvalidCode);
        Assert.Equal(("N4", 2, "1000A", "XY"), (error.SegmentId, error.Element, error.Loop, error.Value));
    }

    [Fact]
    public void A_reference_qualifier_of_another_loop_is_an_invalid_code_in_this_one()
    {
        // 6R (line item control number) belongs to 2110, not to the claim (2100).
        var error = Single(Fix835Count(Mutate835("DTM*232*20240301~", "DTM*232*20240301~REF*6R*LINE1~")), X12ErrorCodes.InvalidCode);
        Assert.Equal(("REF", 1, "2100", "6R"), (error.SegmentId, error.Element, error.Loop, error.Value));
    }

    [Fact]
    public void A_production_date_of_another_qualifier_is_an_invalid_code()
    {
        var error = Single(Mutate835("DTM*405*20240409~", "DTM*999*20240409~"), X12ErrorCodes.InvalidCode);
        Assert.Equal(("DTM", 1, (string?)null), (error.SegmentId, error.Element, error.Loop));
    }

    [Fact]
    public void A_duplicate_ST02_within_a_group_is_reported_on_the_second_set()
    {
        var text = Fixtures.Text835();
        var st = text.IndexOf("ST*835", StringComparison.Ordinal);
        var ge = text.IndexOf("GE*1*7~", StringComparison.Ordinal);
        var set = text[st..ge];
        var twice = text[..ge] + set + "GE*2*7~" + text[(ge + "GE*1*7~".Length)..];
        var error = Single(twice, X12ErrorCodes.DuplicateTransactionControlNumber);
        Assert.Equal(("ST", 2), (error.SegmentId, error.Element));

        var ack = X12Acknowledger.Create(Parse(twice), Options(5));
        Assert.Contains("IK5*R*23~", Encoding.ASCII.GetString(ack.Ack999!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_GS06_within_an_interchange_is_reported_on_the_second_group()
    {
        var text = Fixtures.Text835();
        var gs = text.IndexOf("GS*", StringComparison.Ordinal);
        var iea = text.IndexOf("IEA*1*", StringComparison.Ordinal);
        var twice = text[..iea] + text[gs..iea] + "IEA*2*" + text[(iea + "IEA*1*".Length)..];
        var error = Single(twice, X12ErrorCodes.DuplicateGroupControlNumber);
        Assert.Equal(("GS", 6), (error.SegmentId, error.Element));
    }

    [Fact]
    public void An_837P_state_code_and_a_not_used_claim_element_name_their_loops()
    {
        var text = Fixtures.Text837();
        var bad = ReplaceFirst(text, "N4*SPRINGFIELD*IL*62702~", "N4*SPRINGFIELD*ZZ*62702~");
        var state = Single(bad, X12ErrorCodes.InvalidCode);
        Assert.Equal(("N4", 2, "2010BA", "ZZ"), (state.SegmentId, state.Element, state.Loop, state.Value));

        var clm = text.IndexOf("CLM*PCN-1002*1200**", StringComparison.Ordinal);
        Assert.True(clm > 0, "the fixture's second claim");
        var notUsed = text[..clm] + "CLM*PCN-1002*1200*X*" + text[(clm + "CLM*PCN-1002*1200**".Length)..];
        var error = Single(notUsed, X12ErrorCodes.NotUsedElementPresent);
        Assert.Equal(("CLM", 3, "2300", "PCN-1002"), (error.SegmentId, error.Element, error.Loop, error.ClaimId));
    }

    [Fact]
    public void The_999_for_a_bad_file_reads_back_with_the_same_errors()
    {
        var text = ReplaceFirst(Fixtures.Text837(), "N4*SPRINGFIELD*IL*62702~", "N4*SPRINGFIELD*ZZ*62702~");
        var result = Parse(text);
        var ack = X12Acknowledger.Create(result, Options(9));
        var document = X12AcknowledgmentDocument.Load(ack.Ack999!);
        X12Assert.Clean(document.Result);

        var ack999 = Assert.Single(document.Acknowledgments999);
        Assert.Equal(("HC", "42", "R"), (ack999.FunctionalIdCode, ack999.GroupControlNumber, ack999.GroupStatus));
        var set = Assert.Single(ack999.Sets);
        Assert.Equal(("837", "0001", "R"), (set.TransactionSetId, set.ControlNumber, set.Status));
        var segment = Assert.Single(set.SegmentErrors);
        var finding = Assert.Single(result.Errors);
        var st = result.InterchangeSummaries[0].Groups[0].Transactions[0].StartSegment;
        // IK303 holds at most 4 characters (element 447): the loop number of 2010BA.
        Assert.Equal(("N4", finding.Segment - st + 1, "2010", "8"), (segment.SegmentId, segment.Position, segment.Loop, segment.Code));
        var element = Assert.Single(segment.Elements);
        Assert.Equal((2, "7", "ZZ"), (element.Position, element.Code, element.BadValue));

        var outcome = Assert.Single(document.Outcomes());
        Assert.False(outcome.Accepted);
        Assert.Equal(("42", "0001"), (outcome.GroupControlNumber, outcome.TransactionControlNumber));
        Assert.Contains(outcome.Reasons, r => r.Contains("N402", StringComparison.Ordinal) && r.Contains("invalid code value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_clean_file_is_acknowledged_as_accepted_when_read_back()
    {
        var ack = X12Acknowledger.Create(Parse(Fixtures.Text835()), Options(3));
        var document = X12AcknowledgmentDocument.Load(ack.Ack999!);
        X12Assert.Clean(document.Result);
        var outcome = Assert.Single(document.Outcomes());
        Assert.True(outcome.Accepted);
        Assert.Empty(outcome.Reasons);
    }

    [Fact]
    public void A_TA1_reads_as_the_acknowledged_interchange_with_its_note()
    {
        var text = Reading.X12ReaderTests.Isa() + "TA1*000000042*240315*0930*R*001~IEA*0*000000001~";
        var document = X12AcknowledgmentDocument.Load(Encoding.ASCII.GetBytes(text));
        var ta1 = Assert.Single(document.InterchangeAcknowledgments);
        Assert.Equal(("000000042", "R", "001"), (ta1.ControlNumber, ta1.Status, ta1.NoteCode));
        var outcome = Assert.Single(document.Outcomes());
        Assert.Equal(("000000042", false), (outcome.InterchangeControlNumber, outcome.Accepted));
        Assert.Contains("do not match", Assert.Single(outcome.Reasons), StringComparison.Ordinal);
        Assert.DoesNotContain(document.Result.Errors, e => e.Severity == X12Severity.Error);
    }

    [Fact]
    public void A_TA1_with_a_bad_status_is_reported()
    {
        var text = Reading.X12ReaderTests.Isa() + "TA1*000000042*240315*0930*Q*001~IEA*0*000000001~";
        X12Assert.Reports(X12Parser.Parse(Encoding.ASCII.GetBytes(text)), X12ErrorCodes.InvalidCode);
    }

    [Fact]
    public void A_999_missing_its_set_status_and_with_a_bad_code_is_reported_in_its_loops()
    {
        var body = "AK1*HC*42*005010X222A1~AK2*837*0001*005010X222A1~IK3*N4*12*2010BA*Q~AK9*R*1*1*0~";
        var count = body.Count(c => c == '~') + 2;
        var text = Reading.X12ReaderTests.Isa() + "GS*FA*PAYER01*CODELEDGER*20240410*1200*9*X*005010X231A1~ST*999*0001*005010X231A1~" + body +
            $"SE*{count}*0001~GE*1*9~IEA*1*000000001~";
        var result = X12Parser.Parse(Encoding.ASCII.GetBytes(text));
        var code = Assert.Single(result.Errors, e => e.Code == X12ErrorCodes.InvalidCode);
        Assert.Equal(("IK3", 4, "2100", "Q"), (code.SegmentId, code.Element, code.Loop, code.Value));
        var missing = Assert.Single(result.Errors, e => e.Code == X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal(("IK5", "2000"), (missing.SegmentId, missing.Loop));
    }
}
