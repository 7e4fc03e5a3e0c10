using System.Text;
using CodeLedger.Testing;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;
using CodeLedger.X12.Remittance835;
using CodeLedger.X12.Tests.Samples;
using CodeLedger.X12.Workloads;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>
/// The separator index hands runs of body segments straight to the builders; everything else goes
/// through the reader and validator one segment at a time. Whichever path a segment takes, the
/// parse must be the same: every finding (code, position, element, message), every count and
/// total, and every object given to the sink, in order.
/// </summary>
public class X12BodyScannerTests
{
    public static TheoryData<string> AllSamples()
    {
        var data = new TheoryData<string>();
        foreach (var row in SampleFiles.Inventory())
        {
            data.Add(row[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_vector_width_indexes_a_sample_as_a_byte_by_byte_count_does(string file)
    {
        // This machine runs one width natively; the others are emulated, so each is checked here.
        var bytes = SampleFiles.Bytes(file);
        AssertEveryWidthIndexes(bytes, (byte)'*', (byte)'~', 0, Math.Min(bytes.Length, X12BodyScanner.WindowBytes));
    }

    [Property(Replay = Properties.Replay, MaxTest = 200, Arbitrary = [typeof(Generated)])]
    public void Every_vector_width_indexes_runs_of_separators_gaps_and_ragged_ends(Window window) =>
        AssertEveryWidthIndexes(window.Data, (byte)'*', (byte)'~', window.From, window.To);

    private static void AssertEveryWidthIndexes(byte[] data, byte separator, byte terminator, int from, int to)
    {
        var expectedPositions = new List<int>();
        var expectedEnds = new List<int>();
        for (var i = from; i < to; i++)
        {
            if (data[i] == separator || data[i] == terminator)
            {
                expectedPositions.Add(i);
                if (data[i] == terminator)
                {
                    expectedEnds.Add(expectedPositions.Count);
                }
            }
        }

        foreach (var (width, index) in new (string, Func<int[], int[], int>)[]
        {
            ("32 bytes", (p, t) => X12BodyScanner.Index32(data, from, to, separator, terminator, p, t)),
            ("16 bytes", (p, t) => X12BodyScanner.Index16(data, from, to, separator, terminator, p, t)),
            ("1 byte", (p, t) => X12BodyScanner.IndexBytes(data, from, to, 0, 0, separator, terminator, p, t)),
        })
        {
            var positions = new int[X12BodyScanner.PositionSlots];
            var terminators = new int[X12BodyScanner.WindowBytes + 1];
            var ends = index(positions, terminators);
            Assert.True(expectedEnds.SequenceEqual(terminators.Take(ends)), $"{width}: terminators differ");
            var count = ends == 0 ? 0 : terminators[ends - 1];
            Assert.True(expectedPositions.Take(count).SequenceEqual(positions.Skip(1).Take(count)), $"{width}: positions differ");
        }
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Every_sample_parses_the_same_with_and_without_the_index(string file) =>
        AssertSameBothWays(SampleFiles.Bytes(file));

    [Theory]
    [InlineData(X12FileKind.Claim837P, 1)]
    [InlineData(X12FileKind.Remittance835, 2)]
    public void Generated_files_parse_the_same_with_and_without_the_index(X12FileKind kind, int seed)
    {
        using var output = new MemoryStream();
        X12SyntheticFile.Write(output, kind, 400_000, seed);
        var claims = AssertSameBothWays(output.ToArray());
        Assert.True(claims > 500, $"only {claims} events");
    }

    [Theory]
    [InlineData("x12-samples/837p/imsweb/x12_valid.txt")]
    [InlineData("x12-samples/837p/oopfactory/MedicaidExample.txt")]
    [InlineData("x12-samples/835/linuxforhealth/secondary-payment.835")]
    [InlineData("x12-samples/835/oopfactory/ExampleFromNth.txt")]
    public void Damaged_samples_parse_the_same_with_and_without_the_index(string file)
    {
        var original = SampleFiles.Bytes(file);
        Properties.ForAll(Damage.Arbitrary(separators: true), edits => AssertSameBothWays(Damage.Apply(original, edits)), count: 300);
    }

    [Fact]
    public void A_segment_longer_than_the_index_window_is_read_whole()
    {
        // 20,000 bytes of payer claim control number: longer than one 16 KiB window.
        var text = Fixtures.Text835();
        var at = text.IndexOf("CLP*", StringComparison.Ordinal);
        var end = text.IndexOf('~', at);
        var fields = text[at..end].Split('*');
        fields[7] = new string('7', 20_000);
        var bytes = Encoding.ASCII.GetBytes(text[..at] + string.Join('*', fields) + text[end..]);

        var (result, events) = Parse(bytes, fast: true);
        Assert.Equal(X12Assert.Describe(Parse(bytes, fast: false).Result), X12Assert.Describe(result));
        var payment = events.OfType<ClaimPayment835>().First();
        Assert.Equal(20_000, payment.PayerClaimControlNumber!.Length);
    }

    [Fact]
    public void A_segment_with_more_elements_than_the_split_table_takes_the_ordinary_path()
    {
        // An NM1 with 30 elements: the builders' tables keep 23 and leave the rest in the last one.
        var text = Fixtures.Text835();
        var at = text.IndexOf("NM1*QC*", StringComparison.Ordinal);
        var end = text.IndexOf('~', at);
        var bytes = Encoding.ASCII.GetBytes(text[..end] + new string('*', 21) + "X" + text[end..]);
        AssertSameBothWays(bytes);
    }

    private static int AssertSameBothWays(byte[] bytes)
    {
        var (fast, fastEvents) = Parse(bytes, fast: true);
        var (slow, slowEvents) = Parse(bytes, fast: false);
        Assert.Equal(X12Assert.Describe(slow), X12Assert.Describe(fast));
        Assert.Equal((slow.IsX12, slow.Segments, slow.Claims, slow.TotalCharge, slow.TotalPaid, slow.TotalPayment, slow.ErrorsNotKept),
            (fast.IsX12, fast.Segments, fast.Claims, fast.TotalCharge, fast.TotalPaid, fast.TotalPayment, fast.ErrorsNotKept));
        Assert.Equal(slowEvents, fastEvents);

        // Streamed in small buffers, the index sees windows cut anywhere.
        var (streamed, streamedEvents) = Parse(bytes, fast: true, bufferSize: 97);
        Assert.Equal(X12Assert.Describe(slow), X12Assert.Describe(streamed));
        Assert.Equal(slowEvents, streamedEvents);
        return fastEvents.Count;
    }

    private static (X12ParseResult Result, List<object> Events) Parse(byte[] bytes, bool fast, int? bufferSize = null)
    {
        var sink = new RecordingSink();
        var options = new X12ParseOptions { Sink = sink, FastBody = fast };
        var result = bufferSize is { } size
            ? X12Parser.Parse(new MemoryStream(bytes), options with { BufferSize = size })
            : X12Parser.Parse(bytes, options);
        return (result, sink.Events);
    }

    /// <summary>Letters, separators and terminators, and the part [From, To) of them indexed.</summary>
    public sealed record Window(byte[] Data, int From, int To)
    {
        public override string ToString() => $"[{From}, {To}) of {Data.Length} bytes: {Encoding.ASCII.GetString(Data, From, To - From)}";
    }

    /// <summary>FsCheck's generator for the property above.</summary>
    public static class Generated
    {
        /// <summary>
        /// 3,000 bytes, from 1 to 99 in 100 of them separators or terminators, so blocks whose mask
        /// bytes are all ones, all zeros or mixed, and terminators in every bit position; windows
        /// that start in the first 64 bytes and end anywhere after, so in any place of a block.
        /// </summary>
        public static Arbitrary<Window> Windows()
        {
            // Any byte but the two is data to the index: letters in turn, A to Z, keep a report readable.
            var windows = from density in Gen.Choose(1, 99)
                          from rolls in Digits.Of(100, 3000)
                          let data = rolls.Select((roll, i) => roll < density / 2 ? (byte)'*' : roll < density ? (byte)'~' : (byte)('A' + (i % 26))).ToArray()
                          from start in Gen.Choose(0, 63)
                          from end in Gen.Choose(start, data.Length)
                          select new Window(data, start, end);
            return Arb.From(windows, Shrink);
        }

        /// <summary>
        /// Nothing after the window or before it (blocks start at the window, so every byte keeps
        /// its place in its vector block), then a shorter window: from the start by whole 32-byte
        /// blocks first, for the same reason, then from either end by any amount. The fewest bytes
        /// that still fail.
        /// </summary>
        private static IEnumerable<Window> Shrink(Window w)
        {
            if (w.Data.Length > w.To)
            {
                yield return w with { Data = w.Data[..w.To] };
            }

            if (w.From > 0)
            {
                yield return new Window(w.Data[w.From..], 0, w.To - w.From);
            }

            foreach (var blocks in Properties.Toward((w.To - w.From) / 32, 0))
            {
                yield return w with { From = w.From + (blocks * 32) };
            }

            foreach (var to in Properties.Toward(w.From, w.To))
            {
                yield return w with { To = to };
            }

            foreach (var from in Properties.Toward(w.To, w.From))
            {
                yield return w with { From = from };
            }
        }
    }

    private sealed class RecordingSink : X12ClaimSink
    {
        public List<object> Events { get; } = [];

        public override void OnInterchange(X12InterchangeHeader interchange) => Events.Add(interchange);

        public override void OnGroup(X12GroupHeader group) => Events.Add(group);

        public override void OnTransaction837(Transaction837Header header) => Events.Add(header);

        public override void OnClaim837(Claim837 claim) => Events.Add(claim);

        public override void OnRemittance835(Remittance835Header header) => Events.Add(header);

        public override void OnClaimPayment835(ClaimPayment835 claim) => Events.Add(claim);

        public override void OnProviderAdjustment835(ProviderAdjustment835 adjustment) => Events.Add(adjustment);

        public override void OnTransactionEnd() => Events.Add("end");
    }
}
