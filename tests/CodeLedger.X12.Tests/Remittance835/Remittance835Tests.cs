using CodeLedger.X12.Envelope;
using CodeLedger.X12.Tests.Samples;

namespace CodeLedger.X12.Tests.Remittance835;

public class Remittance835Tests
{
    [Fact]
    public void Balanced_835_has_no_findings_and_exact_totals()
    {
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835()));
        Assert.Empty(result.Errors);
        Assert.Equal(X12DocumentKind.Remittance835, result.Kind);
        Assert.Equal((3L, 1525.5m, 200m, 180m), (result.Claims, result.TotalCharge, result.TotalPaid, result.TotalPayment));
    }

    [Fact]
    public void Claim_payment_model_carries_adjustments_services_remarks_and_recoding()
    {
        var document = X12Document.Load(Fixtures.Bytes(Fixtures.Text835()));
        var remittance = Assert.Single(document.Remittances835);
        Assert.Equal(("EFT12345", 180m, new DateOnly(2024, 4, 10)), (remittance.Header.TraceNumber, remittance.Header.TotalPayment, remittance.Header.PaymentDate!.Value));
        var first = remittance.Claims[0];
        Assert.Equal(("1", 20m, "PAYERCCN1", "DOE"), (first.Status, first.PatientResponsibility!.Value, first.PayerClaimControlNumber, first.Patient!.LastOrOrganization));
        Assert.Equal(new Adjustment("PR", "1", 20m), Adjustment.Of(first.Adjustments[0]));
        var recoded = first.Services[1];
        Assert.Equal(("83037", "83036"), (recoded.ProcedureCode, recoded.OriginalProcedureCode));
        Assert.Equal(2, recoded.Adjustments.Count);
        Assert.Equal(1m, recoded.Adjustments[0].Quantity);
        Assert.Equal(("HE", "N130"), (first.Services[0].Remarks[0].Qualifier, first.Services[0].Remarks[0].Code));
        Assert.Equal(["25"], first.Services[0].Modifiers);
        Assert.Equal(("B6", 100m), (first.Services[0].Amounts[0].Qualifier, first.Services[0].Amounts[0].Amount));
        var plb = Assert.Single(remittance.ProviderAdjustments);
        Assert.Equal(("WO", "ABC", 20m), (plb.Reason, plb.Reference, plb.Amount));
    }

    [Theory]
    [InlineData("835/oopfactory/835_WithMultipleInterchanges.txt")]
    [InlineData("835/oopfactory/ExampleFromNth.txt")]
    public void The_REF_6R_a_real_payer_echoes_in_loop_2110_stays_on_its_service_payment(string file)
    {
        var bytes = File.ReadAllBytes(SampleFiles.Path("x12-samples/" + file));
        var echoed = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.ASCII.GetString(bytes), @"REF\*6R\*([^~\r\n]+)").Select(m => m.Groups[1].Value).ToList();

        var services = X12Document.Load(bytes).Remittances835.SelectMany(r => r.Claims).SelectMany(c => c.Services).ToList();

        Assert.NotEmpty(echoed);
        Assert.Equal(echoed, services.Where(s => s.LineItemControlNumber is not null).Select(s => s.LineItemControlNumber!));
    }

    [Fact]
    public void A_REF_6R_outside_a_service_payment_is_no_services_and_a_service_without_one_has_none()
    {
        var advice = Assert.Single(X12Document.Load(Fixtures.Bytes(Fixtures.Text835())).Remittances835);

        Assert.All(advice.Claims.SelectMany(c => c.Services), s => Assert.Null(s.LineItemControlNumber));
    }

    [Fact]
    public void Shared_values_keep_each_claim_exactly_as_sent()
    {
        // Repeated values (dates are shared between claims, codes come from a cache) must still
        // read back as written: 20 and 20.00 stay distinct, and a repeat is equal.
        var text = Fixtures.Text835().Replace("CAS*OA*23*20~", "CAS*OA*23*20.00~", StringComparison.Ordinal)
            .Replace("CLP*PCN-1003*2*100*80*0*12*PAYERCCN3~", "CLP*PCN-1003*2*100*80*0*12*PAYERCCN3~DTM*232*20240301~", StringComparison.Ordinal);
        var claims = Assert.Single(X12Document.Load(Fixtures.Bytes(text)).Remittances835).Claims;
        Assert.Equal("20", claims[0].Adjustments[0].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("20.00", claims[2].Adjustments[0].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("PR", "1"), (claims[0].Adjustments[0].Group, claims[0].Adjustments[0].Reason));
        Assert.Equal(("OA", "23"), (claims[2].Adjustments[0].Group, claims[2].Adjustments[0].Reason));
        Assert.Equal(claims[0].Dates, claims[2].Dates);
        Assert.Equal(claims[0].Services[0].Dates, claims[0].Services[1].Dates);
        Assert.Equal(new DateOnly(2024, 3, 1), claims[2].Dates[0].Date);
    }

    [Fact]
    public void Unbalanced_service_is_a_warning_at_the_SVC()
    {
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835(svc03: "81")));
        var warning = result.Errors.Single(e => e.Code == X12ErrorCodes.ServiceNotBalanced);
        Assert.Equal((X12Severity.Warning, "SVC"), (warning.Severity, warning.SegmentId));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void A_damaged_amount_is_reported_even_when_the_same_amount_without_the_damage_came_before()
    {
        // Values looked up by their bytes (dates, codes) must never let "70" followed by a zero
        // byte pass for the "70" of the first service's CAS: the damaged amount is reported.
        var text = Fixtures.Text835().Replace("CAS*CO*45*15.5*1*253*0~", "CAS*CO*45*70\0~", StringComparison.Ordinal);
        var result = X12Parser.Parse(Fixtures.Bytes(text));
        var error = Assert.Single(result.Errors, e => e.Code == X12ErrorCodes.InvalidNumber);
        Assert.Equal(("CAS", 3), (error.SegmentId, error.Element));
    }

    [Theory]
    [InlineData("80.000", null)]
    [InlineData("80.001", "service charge 150 − adjustments 70 ≠ paid 80.001")]
    [InlineData("79.99", "service charge 150 − adjustments 70 ≠ paid 79.99")]
    public void Balancing_is_exact_for_amounts_in_cents_and_finer(string svc03, string? message)
    {
        // Sums run in whole cents; an amount finer than a cent is checked in decimal instead.
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835(svc03: svc03)));
        Assert.Equal(message, result.Errors.SingleOrDefault(e => e.Code == X12ErrorCodes.ServiceNotBalanced)?.Message);
    }

    [Fact]
    public void Payment_that_does_not_equal_claims_less_PLB_is_a_transaction_warning()
    {
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835(bpr02: "200")));
        Assert.Equal(X12ErrorCodes.TransactionNotBalanced, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Negative_PLB_increases_the_payment()
    {
        var result = X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835(bpr02: "215", plb: "PLB*1234567893*20241231*L6*-15~")));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Group_code_CR_is_not_valid_in_5010()
    {
        var text = Fixtures.Text835().Replace("CAS*OA*23*20", "CAS*CR*23*20", StringComparison.Ordinal);
        X12Assert.Reports(X12Parser.Parse(Fixtures.Bytes(text)), X12ErrorCodes.InvalidCode);
    }

    [Theory]
    [InlineData("x12-samples/835/linuxforhealth/cob-contractural-adjustment.835")]
    [InlineData("x12-samples/835/linuxforhealth/demo.835")]
    [InlineData("x12-samples/835/linuxforhealth/managed-care.835")]
    [InlineData("x12-samples/835/linuxforhealth/secondary-payment.835")]
    [InlineData("x12-samples/835/pyx12/835_mult_loops.txt")]
    public void Sample_remittances_balance(string file)
    {
        var result = X12Parser.Parse(SampleFiles.Path(file));
        Assert.DoesNotContain(result.Errors, e => e.Code.StartsWith("X12-06", StringComparison.Ordinal));
    }

    private sealed record Adjustment(string Group, string Reason, decimal Amount)
    {
        public static Adjustment Of(X12.Remittance835.Adjustment835 a) => new(a.Group, a.Reason, a.Amount);
    }
}
