using CodeLedger.Testing;
using CodeLedger.X12.Acknowledgments;
using CodeLedger.X12.Tests.Samples;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>
/// Generated damage to real samples (deleted, duplicated, flipped bytes, truncation; see
/// <see cref="Damage"/>): the parser must always return a result with documented codes, never throw.
/// </summary>
public class RobustnessTests
{
    private static readonly HashSet<string> Documented = typeof(X12ErrorCodes).GetFields()
        .Select(f => (string)f.GetValue(null)!).ToHashSet();

    [Theory]
    [InlineData("x12-samples/837p/imsweb/x12_valid.txt")]
    [InlineData("x12-samples/837p/oopfactory/MedicaidExample.txt")]
    [InlineData("x12-samples/837p/linuxforhealth/demo.cob.example3.C.837")]
    [InlineData("x12-samples/835/linuxforhealth/secondary-payment.835")]
    [InlineData("x12-samples/835/oopfactory/ExampleFromNth.txt")]
    public void Mutated_samples_give_a_result_with_documented_codes(string file)
    {
        var original = SampleFiles.Bytes(file);
        Properties.ForAll(Damage.Arbitrary(separators: false), edits =>
        {
            var bytes = Damage.Apply(original, edits);
            var result = X12Parser.Parse(bytes);
            var streamed = X12Parser.Parse(new MemoryStream(bytes), new X12ParseOptions { BufferSize = 64 });
            Assert.All(result.Errors, e => Assert.Contains(e.Code, Documented));
            Assert.Equal(X12Assert.Describe(result), X12Assert.Describe(streamed));
            Assert.Equal((result.Claims, result.TotalCharge, result.TotalPaid), (streamed.Claims, streamed.TotalCharge, streamed.TotalPaid));
            if (result.IsX12)
            {
                var acks = X12Acknowledger.Create(result, new X12AckOptions(DateTimeOffset.UnixEpoch, Ack999ControlNumber: 1, Ta1ControlNumber: 2));
                Assert.True(acks.Ack999 is not null || acks.Ta1 is not null || result.InterchangeSummaries.Count == 0);
            }
        }, count: 300);
    }
}
