using CodeLedger.X12.Claims837;
using CodeLedger.X12.Tests.Samples;
using CodeLedger.X12.Workloads;
using CodeLedger.X12.Writing;

namespace CodeLedger.X12.Tests.Claims837;

public class Claim837Tests
{
    [Fact]
    public void Written_837P_reads_back_as_the_same_model_and_the_same_bytes()
    {
        X12Assert.RoundTrips(Fixtures.Interchange837());
    }

    [Theory]
    [InlineData("837p/linuxforhealth/demo.example6.837")]
    [InlineData("837p/linuxforhealth/demo.cob.2ndary.example4.837")]
    [InlineData("837p/oopfactory/ST1309-XX.txt")]
    public void A_real_837Ps_line_item_control_numbers_are_read_and_written_back(string file)
    {
        var bytes = File.ReadAllBytes(SampleFiles.Path("x12-samples/" + file));
        var sent = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.ASCII.GetString(bytes), @"REF\*6R\*([^~\r\n]+)").Select(m => m.Groups[1].Value).ToList();

        var interchanges = X12Document.Load(bytes).Claims837;
        var lines = interchanges.SelectMany(i => i.Transactions).SelectMany(t => t.Claims).SelectMany(c => c.Lines).ToList();

        Assert.NotEmpty(sent);
        Assert.Equal(sent, lines.Where(l => l.LineItemControlNumber is not null).Select(l => l.LineItemControlNumber!));
        Assert.All(interchanges, i => Assert.Contains(sent[0], System.Text.Encoding.ASCII.GetString(Claim837Writer.Write(i)), StringComparison.Ordinal));
    }

    [Fact]
    public void Writer_numbers_HL_and_counts_segments()
    {
        var text = Fixtures.Text837();
        Assert.Contains("HL*1**20*1~", text, StringComparison.Ordinal);
        Assert.Contains("HL*2*1*22*0~", text, StringComparison.Ordinal);
        Assert.Contains("HL*3*1*22*1~", text, StringComparison.Ordinal);
        Assert.Contains("HL*4*3*23*0~", text, StringComparison.Ordinal);
        Assert.Contains("HL*5**20*1~", text, StringComparison.Ordinal);
        Assert.Contains("HL*6*5*22*0~", text, StringComparison.Ordinal);
        Assert.Contains("GE*1*42~IEA*1*000000042~", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_carries_place_of_service_frequency_diagnoses_and_lines()
    {
        var document = X12Document.Load(Fixtures.Bytes(Fixtures.Text837()));
        var claims = document.Claims837[0].Transactions[0].Claims;
        var second = claims[1];
        Assert.Equal(("22", "7", "PAYERCCN9"), (second.PlaceOfService, second.FrequencyCode, second.PayerClaimControlNumber));
        Assert.Equal("SAM", second.Patient!.Name.First);
        var line = second.Lines[0];
        Assert.Equal(["LT", "59", "XS", "GA"], line.Modifiers);
        Assert.Equal([1, 1, 1, 1], line.DiagnosisPointers);
        Assert.Equal(new DateOnly(2024, 3, 2), line.ServiceTo);
        Assert.Equal(("MJ", 45.5m), (second.Lines[1].UnitBasis, second.Lines[1].Units));
        Assert.Equal("AUTH77", claims[0].PriorAuthorization);
        Assert.Equal("JONES", claims[0].Referring!.LastOrOrganization);
    }

    [Theory]
    [InlineData("x12-samples/837p/oopfactory/Example1_HealthInsurance.txt")]
    [InlineData("x12-samples/837p/oopfactory/Example1_2_And_3_Combined.txt")]
    [InlineData("x12-samples/837p/linuxforhealth/demo.cob.example3.C.837")]
    public void Sample_read_then_written_reads_back_as_the_same_model(string file)
    {
        var document = X12Document.Load(SampleFiles.Bytes(file));
        Assert.NotEmpty(document.Claims837);
        foreach (var interchange in document.Claims837)
        {
            // The writer always declares the guide it implements.
            X12Assert.RoundTrips(interchange with { Group = interchange.Group with { Version = Claim837Writer.Guide } });
        }
    }

    [Fact]
    public void Sample_claim_fields_are_read()
    {
        var document = X12Document.Load(SampleFiles.Bytes("x12-samples/837p/linuxforhealth/demo.837"));
        var claim = document.Claims837.Single().Transactions.Single().Claims.Single();
        Assert.NotEmpty(claim.Diagnoses);
        Assert.NotEmpty(claim.Lines);
        Assert.Equal(claim.TotalCharge, claim.Lines.Sum(l => l.Charge));
        Assert.False(string.IsNullOrEmpty(claim.BillingProvider.Name.Id));
    }

    [Fact]
    public void Amounts_are_written_without_trailing_zeros()
    {
        Assert.Equal("150", X12SegmentWriter.Amount(150.00m));
        Assert.Equal("75.5", X12SegmentWriter.Amount(75.50m));
        Assert.Equal("-0.01", X12SegmentWriter.Amount(-0.01m));
    }

    [Fact]
    public void More_than_four_pointers_is_reported()
    {
        var text = Fixtures.Text837().Replace("*1:2~", "*1:2:3:1:2~", StringComparison.Ordinal);
        X12Assert.Reports(X12Parser.Parse(Fixtures.Bytes(text)), X12ErrorCodes.TooManyRepeats);
    }

    [Fact]
    public void Invalid_pointers_are_reported_on_every_line_that_carries_them()
    {
        // Valid pointer lists are shared between lines; an invalid one must never be.
        var text = Fixtures.Text837().Replace("*1:2~", "*1:2:3:1:2~", StringComparison.Ordinal);
        var lines = text.Split("*1:2:3:1:2~").Length - 1;
        Assert.True(lines > 1);
        var result = X12Parser.Parse(Fixtures.Bytes(text));
        Assert.Equal(lines, result.Errors.Count(e => e.Code == X12ErrorCodes.TooManyRepeats));
    }

    [Fact]
    public void Generated_837P_with_shared_values_reads_back_as_written()
    {
        // The synthetic file repeats payers, providers, diagnoses and pointer lists from claim to
        // claim: the shared objects must write back byte for byte.
        var stream = new MemoryStream();
        X12SyntheticFile.Write(stream, X12FileKind.Claim837P, 300_000, X12SyntheticFile.BenchmarkSeed);
        var document = X12Document.Load(stream.ToArray());
        Assert.Empty(document.Result.Errors);
        foreach (var interchange in document.Claims837)
        {
            X12Assert.RoundTrips(interchange);
        }
    }

    [Fact]
    public void Non_numeric_charge_is_reported_at_its_element()
    {
        var text = Fixtures.Text837().Replace("CLM*PCN-1001*225.5*", "CLM*PCN-1001*22X.5*", StringComparison.Ordinal);
        var error = X12Parser.Parse(Fixtures.Bytes(text)).Errors.Single(e => e.Code == X12ErrorCodes.InvalidNumber);
        Assert.Equal(("CLM", (int?)2), (error.SegmentId, error.Element));
    }

    [Fact]
    public void Line_form_identification_loop_leaves_the_line_as_read()
    {
        // 2440 (LQ form identification, FRM answers) follows a line; nothing in it belongs to
        // the line, and the claim must read the same with or without it.
        var text = Fixtures.Text837();
        var first = text.IndexOf("DTP*472*", StringComparison.Ordinal);
        var end = text.IndexOf('~', first) + 1;
        var withForm = text[..end] + "LQ*AS*UT0102~FRM*1*Y~FRM*2**20240301~" + text[end..];
        var plain = X12Document.Load(Fixtures.Bytes(text)).Claims837[0].Transactions[0].Claims;
        var result = X12Document.Load(Fixtures.Bytes(withForm));
        Assert.Equal(plain, result.Claims837[0].Transactions[0].Claims);
        Assert.DoesNotContain(result.Result.Errors, e => e.Severity == X12Severity.Error && e.Code != X12ErrorCodes.SegmentCountMismatch);
    }

    [Fact]
    public void A_line_without_SV1_is_reported_and_lends_nothing_to_the_next_line()
    {
        // Lines are written straight into reused rows: a dropped line's date, prior authorization
        // and rendering provider must not show up on the line read after it.
        var text = Fixtures.Text837();
        var first = text.IndexOf("LX*1~", StringComparison.Ordinal);
        var withDropped = text[..first] + "LX*1~DTP*472*D8*20200101~REF*G1*STALE~NM1*82*1*STALE*ANN****XX*1111111111~" + text[first..];
        var plain = X12Document.Load(Fixtures.Bytes(text)).Claims837[0].Transactions[0].Claims;
        var result = X12Document.Load(Fixtures.Bytes(withDropped));

        Assert.Equal(plain, result.Claims837[0].Transactions[0].Claims);
        var missing = result.Result.Errors.Single(e => e.Code == X12ErrorCodes.RequiredSegmentMissing);
        Assert.Equal("SV1", missing.SegmentId);
    }
}
