using System.Text;
using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Tests.Envelope;

public class EnvelopeValidationTests
{
    private static X12ParseResult Parse(string text) => X12Parser.Parse(Encoding.ASCII.GetBytes(text));

    [Fact]
    public void Written_837P_is_clean()
    {
        var result = Parse(Fixtures.Text837());
        X12Assert.Clean(result);
        Assert.Empty(result.Errors);
        Assert.Equal(X12DocumentKind.Claim837P, result.Kind);
        Assert.Equal(4, result.Claims);
        Assert.Equal(1675.50m, result.TotalCharge);
    }

    [Fact]
    public void Empty_file_reports_empty_input()
    {
        var result = X12Parser.Parse(ReadOnlySpan<byte>.Empty);
        Assert.False(result.IsX12);
        X12Assert.Reports(result, X12ErrorCodes.EmptyInput);
    }

    [Fact]
    public void Whitespace_only_file_reports_empty_input()
    {
        Assert.Equal(X12ErrorCodes.EmptyInput, Assert.Single(Parse(" \r\n\r\n").Errors).Code);
    }

    [Fact]
    public void Binary_garbage_is_not_X12()
    {
        var random = new Random(7);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        bytes[0] = 0x89;
        var result = X12Parser.Parse(bytes);
        Assert.False(result.IsX12);
        Assert.Equal(X12ErrorCodes.NotX12, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Truncated_file_reports_unterminated_segment_and_missing_IEA()
    {
        var text = Fixtures.Text837();
        var result = Parse(text[..(text.Length * 2 / 3)]);
        Assert.True(result.IsX12);
        X12Assert.Reports(result, X12ErrorCodes.Unterminated);
        X12Assert.Reports(result, X12ErrorCodes.MissingSe);
        X12Assert.Reports(result, X12ErrorCodes.MissingGe);
        X12Assert.Reports(result, X12ErrorCodes.MissingIea);
    }

    [Fact]
    public void Missing_IEA_is_reported_at_the_last_segment()
    {
        var text = Fixtures.Text837();
        var result = Parse(text[..text.IndexOf("IEA*", StringComparison.Ordinal)]);
        var error = Assert.Single(result.Errors);
        Assert.Equal(X12ErrorCodes.MissingIea, error.Code);
        Assert.Equal(result.Segments, error.Segment);
    }

    [Fact]
    public void Short_ISA_reports_its_length()
    {
        var text = Fixtures.Text837().Replace("*CODELEDGER     *", "*CODELEDGER*", StringComparison.Ordinal);
        var result = Parse(text);
        var error = Assert.Single(result.Errors);
        Assert.Equal((X12ErrorCodes.IsaLength, 1L, "ISA"), (error.Code, error.Segment, error.SegmentId));
        Assert.Equal(4, result.Claims);
    }

    [Fact]
    public void Wrong_SE_count_reports_segment_count_mismatch()
    {
        var text = Fixtures.Text837();
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        var result = Parse(text[..se] + "SE*3*0001~GE*1*42~IEA*1*000000042~");
        var error = Assert.Single(result.Errors);
        Assert.Equal((X12ErrorCodes.SegmentCountMismatch, "SE", (int?)1), (error.Code, error.SegmentId, error.Element));
        Assert.Equal(result.Segments - 2, error.Segment);
    }

    [Theory]
    [InlineData("SE*{0}*0002~GE*1*42~IEA*1*000000042~", X12ErrorCodes.TransactionControlMismatch, "SE", 2)]
    [InlineData("SE*{0}*0001~GE*1*43~IEA*1*000000042~", X12ErrorCodes.GroupControlMismatch, "GE", 2)]
    [InlineData("SE*{0}*0001~GE*2*42~IEA*1*000000042~", X12ErrorCodes.TransactionCountMismatch, "GE", 1)]
    [InlineData("SE*{0}*0001~GE*1*42~IEA*1*000000043~", X12ErrorCodes.InterchangeControlMismatch, "IEA", 2)]
    [InlineData("SE*{0}*0001~GE*1*42~IEA*2*000000042~", X12ErrorCodes.GroupCountMismatch, "IEA", 1)]
    public void Mismatched_trailers_report_their_own_code(string trailer, string code, string segmentId, int element)
    {
        var text = Fixtures.Text837();
        var se = text.IndexOf("SE*", StringComparison.Ordinal);
        var count = text[se..].Split('~')[0].Split('*')[1];
        var result = Parse(text[..se] + string.Format(System.Globalization.CultureInfo.InvariantCulture, trailer, count));
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, segmentId, (int?)element), (error.Code, error.SegmentId, error.Element));
    }

    [Fact]
    public void Version_00401_is_refused_as_not_supported()
    {
        var text = Fixtures.Text837().Replace("*^*00501*", "*U*00401*", StringComparison.Ordinal);
        var result = Parse(text);
        var error = Assert.Single(result.Errors);
        Assert.Equal((X12ErrorCodes.VersionNotSupported, 12), (error.Code, error.Element ?? 0));
        Assert.Contains("version not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Claims);
    }

    [Fact]
    public void An_interchange_in_another_version_makes_the_input_unreadable_while_a_005010_one_with_errors_does_not()
    {
        // Exit status 2 (unreadable) against 1 (read, with errors): the 004010 interchange is not
        // read at all, so a file holding one cannot be checked, whatever else it holds.
        var valid = Fixtures.Text837();
        var legacy = valid.Replace("*^*00501*", "*U*00401*", StringComparison.Ordinal);
        Assert.False(Parse(legacy).IsReadable);
        Assert.False(Parse(valid + legacy.Replace("000000042", "000000043", StringComparison.Ordinal)).IsReadable);
        var broken = Parse(valid.Replace("CLM*", "CLM**", StringComparison.Ordinal));
        Assert.True(broken.HasErrors);
        Assert.True(broken.IsReadable);
    }

    [Fact]
    public void Segment_before_any_ISA_is_outside_the_interchange()
    {
        var result = Parse(Fixtures.Text837() + "ST*837*0009~");
        X12Assert.Reports(result, X12ErrorCodes.OutsideInterchange);
    }

    [Fact]
    public void Unsupported_transaction_set_is_an_error()
    {
        var text = Fixtures.Text837().Replace("ST*837*0001*005010X222A1", "ST*270*0001*005010X279A1", StringComparison.Ordinal);
        X12Assert.Reports(Parse(text), X12ErrorCodes.TransactionNotSupported);
    }

    [Fact]
    public void Stream_parse_with_tiny_buffers_equals_span_parse()
    {
        var bytes = Fixtures.Bytes(Fixtures.Text837());
        var fromSpan = X12Parser.Parse(bytes);
        var fromStream = X12Parser.Parse(new MemoryStream(bytes), new X12ParseOptions { BufferSize = 16 });
        Assert.Equal((fromSpan.Claims, fromSpan.TotalCharge, fromSpan.Segments, fromSpan.Bytes), (fromStream.Claims, fromStream.TotalCharge, fromStream.Segments, fromStream.Bytes));
    }

    [Fact]
    public async Task Pipe_parse_equals_span_parse()
    {
        var bytes = Fixtures.Bytes(Fixtures.Text835());
        var pipe = System.IO.Pipelines.PipeReader.Create(new MemoryStream(bytes), new System.IO.Pipelines.StreamPipeReaderOptions(bufferSize: 32, minimumReadSize: 16));
        var fromPipe = await X12Parser.ParseAsync(pipe, cancellationToken: TestContext.Current.CancellationToken);
        var fromSpan = X12Parser.Parse(bytes);
        Assert.Equal((fromSpan.Claims, fromSpan.TotalPaid, fromSpan.Segments), (fromPipe.Claims, fromPipe.TotalPaid, fromPipe.Segments));
        Assert.Equal(X12Assert.Describe(fromSpan), X12Assert.Describe(fromPipe));
    }

    [Fact]
    public void Segment_without_terminator_for_a_megabyte_is_refused()
    {
        var bytes = Encoding.ASCII.GetBytes(Reading.X12ReaderTests.Isa() + new string('A', 2_000_000));
        var result = X12Parser.Parse(new MemoryStream(bytes), new X12ParseOptions { MaxSegmentLength = 1 << 20 });
        X12Assert.Reports(result, X12ErrorCodes.SegmentTooLong);
    }
}
