using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Tests.Samples;

/// <summary>Differential tests against files written by other projects (../shared/data/x12-samples).</summary>
public class SampleFileTests
{
    public static TheoryData<string> Files5010 => SampleFiles.Files5010();

    public static TheoryData<string> Legacy => SampleFiles.Legacy4010();

    [Theory]
    [MemberData(nameof(Files5010))]
    public void Claim_count_and_totals_equal_an_independent_count(string file)
    {
        var bytes = SampleFiles.Bytes(file);
        var (claims, charge, paid) = SampleFiles.CountByHand(bytes);
        var result = X12Parser.Parse(new MemoryStream(bytes));
        Assert.True(result.IsX12);
        Assert.Equal(claims, result.Claims);
        Assert.Equal(charge, result.TotalCharge);
        Assert.Equal(paid, result.TotalPaid);
        Assert.True(result.Kind is X12DocumentKind.Claim837P or X12DocumentKind.Remittance835, result.Kind.ToString());
    }

    [Theory]
    [InlineData("x12-samples/837p/linuxforhealth/demo.837")]
    [InlineData("x12-samples/837p/linuxforhealth/demo.cob.example3.C.837")]
    [InlineData("x12-samples/837p/linuxforhealth/demo.drug.example10.3.837")]
    [InlineData("x12-samples/837p/oopfactory/ST1309-XX.txt")]
    [InlineData("x12-samples/835/oopfactory/835_WithMultipleInterchanges.txt")]
    [InlineData("x12-samples/835/oopfactory/ExampleFromNth.txt")]
    [InlineData("x12-samples/835/pyx12/835_mult_loops.txt")]
    public void Valid_samples_have_no_errors(string file)
    {
        X12Assert.Clean(X12Parser.Parse(SampleFiles.Path(file)));
    }

    [Theory]
    [InlineData("x12-samples/837p/imsweb/x12_bad_first_line.txt", X12ErrorCodes.IsaLength)]
    [InlineData("x12-samples/837p/imsweb/x12_bad_segment_identifier.txt", X12ErrorCodes.InvalidSegmentId)]
    [InlineData("x12-samples/837p/imsweb/x12_bad_valid_code.txt", X12ErrorCodes.InvalidCode)]
    [InlineData("x12-samples/837p/imsweb/x12_missing_elements.txt", X12ErrorCodes.RequiredElementMissing)]
    [InlineData("x12-samples/837p/imsweb/x12_segments_out_of_order.txt", X12ErrorCodes.SegmentOutOfOrder)]
    [InlineData("x12-samples/837p/imsweb/x12_loop_errors1_exceeds_max_1_parent.txt", X12ErrorCodes.SegmentRepeatExceeded)]
    [InlineData("x12-samples/837p/imsweb/x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt", X12ErrorCodes.SegmentRepeatExceeded)]
    [InlineData("x12-samples/837p/imsweb/x12_loop_errors3_missing_loops.txt", X12ErrorCodes.RequiredSegmentMissing)]
    [InlineData("x12-samples/837p/imsweb/x12_missing_required_loop_in_one_repeat.txt", X12ErrorCodes.RequiredSegmentMissing)]
    [InlineData("x12-samples/837p/imsweb/x12_missing_required_loop_in_one_repeat.txt", X12ErrorCodes.InvalidHierarchy)]
    [InlineData("x12-samples/837p/imsweb/x12_missing_required_loops_mult_repeats.txt", X12ErrorCodes.RequiredSegmentMissing)]
    [InlineData("x12-samples/837p/imsweb/x12_missing_required_loops_mult_repeats.txt", X12ErrorCodes.InvalidCode)]
    [InlineData("x12-samples/837p/imsweb/x12_segment_errors.txt", X12ErrorCodes.RequiredSegmentMissing)]
    [InlineData("x12-samples/837p/imsweb/x12_segment_errors.txt", X12ErrorCodes.SegmentRepeatExceeded)]
    [InlineData("x12-samples/837p/imsweb/x12_ambiguous_loop.txt", X12ErrorCodes.SegmentCountMismatch)]
    [InlineData("x12-samples/837p/oopfactory/MissingEntityCode.txt", X12ErrorCodes.RequiredElementMissing)]
    [InlineData("x12-samples/837p/imsweb/x223-test.txt", X12ErrorCodes.TransactionNotSupported)]
    [InlineData("x12-samples/837p/oopfactory/MedicaidExample.txt", X12ErrorCodes.RequiredSegmentMissing)]
    [InlineData("x12-samples/835/linuxforhealth/secondary-payment.835", X12ErrorCodes.RequiredElementMissing)]
    [InlineData("x12-samples/835/linuxforhealth/tertiary-payment.835", X12ErrorCodes.RequiredElementMissing)]
    [InlineData("x12-samples/837p/oopfactory/Example1_2_And_3_Combined.txt", X12ErrorCodes.NotUsedElementPresent)]
    public void Deliberately_broken_samples_report_the_documented_code(string file, string code)
    {
        var result = X12Parser.Parse(SampleFiles.Path(file));
        Assert.True(result.IsX12);
        X12Assert.Reports(result, code);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void File_without_ISA_is_not_X12()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/imsweb/x12_no_isa_line.txt"));
        Assert.False(result.IsX12);
        Assert.Equal(X12ErrorCodes.NotX12, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [MemberData(nameof(Legacy))]
    public void Version_4010_files_are_refused_as_not_supported(string file)
    {
        var result = X12Parser.Parse(SampleFiles.Path(file));
        X12Assert.Reports(result, X12ErrorCodes.VersionNotSupported);
        Assert.Equal(0, result.Claims);
    }

    [Fact]
    public void The_835_sample_declaring_ISA12_00401_is_refused_despite_its_GS08()
    {
        X12Assert.Reports(X12Parser.Parse(SampleFiles.Path("x12-samples/835/oopfactory/Example1.txt")), X12ErrorCodes.VersionNotSupported);
    }

    [Fact]
    public void Quirk_guide_A2_is_accepted_with_a_warning()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/linuxforhealth/demo.837"));
        var warning = Assert.Single(result.Errors);
        Assert.Equal((X12ErrorCodes.GuideVariant, X12Severity.Warning), (warning.Code, warning.Severity));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Quirk_miscounted_SE01_is_refused()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/imsweb/x12_many_claims.txt"));
        X12Assert.Reports(result, X12ErrorCodes.SegmentCountMismatch);
        Assert.True(result.HasErrors);
        Assert.Equal(820, result.Claims);
    }

    [Fact]
    public void Quirk_unpadded_ISA_is_refused_with_its_length()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/imsweb/x12_bad_first_line.txt"));
        var error = result.Errors.First(e => e.Code == X12ErrorCodes.IsaLength);
        Assert.Equal(1, error.Segment);
        Assert.Contains("105", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quirk_line_break_terminator_without_a_final_one_is_accepted_with_a_warning()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/oopfactory/ST1309-XX.txt"));
        Assert.Equal(X12ErrorCodes.FinalTerminatorMissing, Assert.Single(result.Errors).Code);
        Assert.Equal(1, result.Claims);
    }

    [Fact]
    public void Quirk_UTF16_is_refused_as_not_X12_bytes()
    {
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/837p/oopfactory/UnicodeExample.txt"));
        Assert.False(result.IsX12);
        Assert.Equal(X12ErrorCodes.Utf16, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Quirk_byte_order_mark_is_accepted_silently()
    {
        // De-identified amounts (999.99) cannot balance: only balancing warnings remain.
        var result = X12Parser.Parse(SampleFiles.Path("x12-samples/835/oopfactory/ExampleFromNth.txt"));
        X12Assert.Clean(result);
        Assert.All(result.Errors, e => Assert.StartsWith("X12-06", e.Code, StringComparison.Ordinal));
        Assert.Equal(56, result.Claims);
    }
}
