using System.Text;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Tests.Samples;

namespace CodeLedger.X12.Tests.Reading;

public class X12ReaderTests
{
    public static TheoryData<string> SmallSamples => SampleFiles.Small(1500);

    [Theory]
    [MemberData(nameof(SmallSamples))]
    public void Reader_gives_the_same_segments_wherever_the_input_is_cut(string file)
    {
        var bytes = SampleFiles.Bytes(file);
        var whole = X12Assert.Segments(bytes);
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var pieces = X12Assert.SegmentsCut(bytes, cut);
            Assert.True(whole.SequenceEqual(pieces), $"cut at byte {cut} of {file} differs");
        }
    }

    [Fact]
    public void Reader_gives_the_same_segments_when_fed_byte_by_byte()
    {
        var bytes = SampleFiles.Bytes("x12-samples/837p/oopfactory/MedicaidExample.txt");
        var cuts = Enumerable.Range(1, bytes.Length - 1).ToArray();
        Assert.Equal(X12Assert.Segments(bytes), X12Assert.SegmentsCut(bytes, cuts));
    }

    [Fact]
    public void Separators_come_from_the_isa()
    {
        var bytes = SampleFiles.Bytes("x12-samples/837p/imsweb/x12_valid_different_separators.txt");
        var reader = new X12Reader(bytes);
        Assert.True(reader.Read());
        var delimiters = reader.Segment.Delimiters;
        Assert.NotEqual(X12Delimiters.Default, delimiters);
        Assert.True(reader.Read());
        Assert.Equal("GS"u8.ToArray(), reader.Segment.Id.ToArray());
    }

    [Fact]
    public void Byte_order_mark_and_line_breaks_between_segments_are_skipped()
    {
        var text = "\uFEFF" + Isa() + "\r\nGS*HC*A*B*20240101*1200*1*X*005010X222A1~\r\n  ST*837*0001~\n";
        var segments = X12Assert.Segments(Encoding.UTF8.GetBytes(text));
        Assert.Equal(["ISA", "GS", "ST"], segments.Take(3).Select(s => s.Split(':', 2)[1][..3].TrimEnd('*')));
        Assert.Equal("EndOfData", segments[^1]);
    }

    [Fact]
    public void Elements_and_components_are_sliced_by_position()
    {
        var bytes = Encoding.ASCII.GetBytes(Isa() + "SV1*HC:99213:25:59*125.5*UN*1***1:2~");
        var reader = new X12Reader(bytes);
        reader.Read();
        reader.Read();
        var segment = reader.Segment;
        Assert.Equal("125.5", Encoding.ASCII.GetString(segment.Element(2)));
        Assert.Equal("59", Encoding.ASCII.GetString(segment.Component(segment.Element(1), 4)));
        Assert.True(segment.Element(6).IsEmpty);
        Assert.True(segment.Element(40).IsEmpty);
        Assert.Equal(2, segment.Position);
    }

    [Fact]
    public void Utf16_input_is_recognised_as_such()
    {
        var reader = new X12Reader(SampleFiles.Bytes("x12-samples/837p/oopfactory/UnicodeExample.txt"));
        Assert.False(reader.Read());
        Assert.Equal(X12ReadStatus.Utf16, reader.Status);
    }

    [Fact]
    public void Amounts_parse_exactly_and_refuse_what_is_not_an_X12_decimal()
    {
        Assert.True(X12Bytes.TryParseDecimal("1234567.89"u8, out var value));
        Assert.Equal(1234567.89m, value);
        Assert.True(X12Bytes.TryParseDecimal("-0.1"u8, out value));
        Assert.Equal(-0.1m, value);
        Assert.False(X12Bytes.TryParseDecimal("1e3"u8, out _));
        Assert.False(X12Bytes.TryParseDecimal("1,5"u8, out _));
        Assert.False(X12Bytes.TryParseDecimal(""u8, out _));
    }

    internal static string Isa(string control = "000000001", char ack = '0') =>
        $"ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*{control}*{ack}*P*:~";
}
