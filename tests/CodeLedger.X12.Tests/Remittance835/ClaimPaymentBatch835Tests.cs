using System.Globalization;
using System.Text;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Remittance835;
using CodeLedger.X12.Tests.Samples;
using CodeLedger.X12.Workloads;

namespace CodeLedger.X12.Tests.Remittance835;

/// <summary>The typed rows a sink reads without records: the same claims, batched, in file order.</summary>
public class ClaimPaymentBatch835Tests
{
    [Fact]
    public void Rows_carry_every_element_of_the_claim_payment()
    {
        var sink = new RowSink(keepRecords: false);
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835()), new X12ParseOptions { Sink = sink });

        // Read through the rows while the batch is live: nothing here goes through ToRecord.
        Assert.Equal(["PCN-1001|1|225.5|120|20|12|PAYERCCN1|DOE,JANE,M123|PR-1-20|232:2024-03-01|svc 2",
            "PCN-1002|4|1200|0||12|PAYERCCN2|ROE,SAM,|CO-50-1200||svc 0",
            "PCN-1003|2|100|80|0|12|PAYERCCN3|POE,AL,|OA-23-20||svc 0"], sink.Claims);
        Assert.Equal(["HC:99214:25|150|80||1|||472:2024-03-01|CO-45-70|B6=100|HE:N130",
            "HC:83037|75.5|60||1|HC:83036||472:2024-03-01|CO-45-15.5x1,CO-253-0||"], sink.Services);
    }

    [Theory]
    [MemberData(nameof(SampleFileTests.Files5010), MemberType = typeof(SampleFileTests))]
    public void Rows_add_up_to_an_independent_count_of_every_sample(string file)
    {
        var bytes = SampleFiles.Bytes(file);
        var sink = new RowSink(keepRecords: false);
        var result = X12Parser.Parse(bytes, new X12ParseOptions { Sink = sink });
        var (_, charge, paid) = SampleFiles.CountByHand(bytes);
        var (services, adjustments) = CountServicesAndAdjustments(bytes);
        if (result.Kind != X12DocumentKind.Remittance835)
        {
            Assert.Equal(0, sink.ClaimCount);
            return;
        }

        Assert.Equal((result.Claims, charge, paid), (sink.ClaimCount, sink.Charge, sink.Paid));
        Assert.Equal((services, adjustments), (sink.ServiceCount, sink.AdjustmentCount));
    }

    [Fact]
    public void Within_one_set_every_batch_but_the_last_is_full_and_claims_keep_file_order_and_are_emptied_after_the_call()
    {
        using var stream = new MemoryStream();
        X12SyntheticFile.Write(stream, X12FileKind.Remittance835, 400_000, X12SyntheticFile.BenchmarkSeed);
        var sink = new RowSink(keepRecords: false);
        var result = X12Parser.Parse(stream.ToArray(), new X12ParseOptions { Sink = sink });

        Assert.True(result.Claims > 1000, $"{result.Claims} claims");
        Assert.Equal(result.Claims, sink.ClaimCount);
        Assert.All(sink.BatchSizes[..^1], size => Assert.Equal(ClaimPaymentBatch835.Capacity, size));
        Assert.InRange(sink.BatchSizes[^1], 1, ClaimPaymentBatch835.Capacity);
        var numbers = sink.Claims.Select(c => c.Split('|')[0]).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(0, sink.LastBatch!.Count);
    }

    [Fact]
    public void Claims_before_a_provider_adjustment_reach_the_sink_before_it()
    {
        var sink = new RowSink(keepRecords: false);
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835()), new X12ParseOptions { Sink = sink });
        Assert.Equal(["header", "claims 3", "PLB"], sink.Events);
    }

    [Fact]
    public void A_record_copied_out_of_a_row_outlives_the_batch()
    {
        var sink = new RowSink(keepRecords: true);
        X12Parser.Parse(Fixtures.Bytes(Fixtures.Text835()), new X12ParseOptions { Sink = sink });
        var loaded = Assert.Single(X12Document.Load(Fixtures.Bytes(Fixtures.Text835())).Remittances835).Claims;
        Assert.Equal(loaded, sink.Records);
        Assert.Equal(new Adjustment835("CO", "253", 0m, null), sink.Records[0].Services[1].Adjustments[1]);
    }

    /// <summary>SVC segments and CAS triplets (a reason code with its amount), by splitting the text.</summary>
    private static (int Services, int Adjustments) CountServicesAndAdjustments(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').TrimStart();
        var element = text[3];
        var terminator = text.Split(element, 17)[16][1];
        int services = 0, adjustments = 0;
        var inClaim = false;
        foreach (var raw in text.Split(terminator))
        {
            var fields = raw.Trim().Split(element);
            switch (fields[0])
            {
                case "CLP":
                    inClaim = true;
                    break;
                case "PLB" or "SE":
                    inClaim = false;
                    break;
                case "SVC" when inClaim:
                    services++;
                    break;
                case "CAS" when inClaim:
                    for (var k = 2; k < fields.Length && k <= 17; k += 3)
                    {
                        if (fields[k].Length > 0)
                        {
                            adjustments++;
                        }
                    }

                    break;
            }
        }

        return (services, adjustments);
    }

    private sealed class RowSink(bool keepRecords) : X12ClaimSink
    {
        public List<string> Claims { get; } = [];

        public List<string> Services { get; } = [];

        public List<string> Events { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public List<ClaimPayment835> Records { get; } = [];

        public ClaimPaymentBatch835? LastBatch { get; private set; }

        public int ClaimCount { get; private set; }

        public int ServiceCount { get; private set; }

        public int AdjustmentCount { get; private set; }

        public decimal Charge { get; private set; }

        public decimal Paid { get; private set; }

        public override void OnRemittance835(Remittance835Header header) => Events.Add("header");

        public override void OnProviderAdjustment835(ProviderAdjustment835 adjustment) => Events.Add("PLB");

        public override void OnClaimPayments835(ClaimPaymentBatch835 batch)
        {
            LastBatch = batch;
            BatchSizes.Add(batch.Count);
            Events.Add($"claims {batch.Count}");
            foreach (var claim in batch)
            {
                ClaimCount++;
                Charge += claim.TotalCharge;
                Paid += claim.Paid;
                AdjustmentCount += claim.Adjustments.Length;
                var patient = claim.Patient is { } name ? $"{name.LastOrOrganization},{name.First},{name.Id}" : string.Empty;
                Claims.Add(string.Join('|', claim.PatientControlNumber, claim.Status, Text(claim.TotalCharge), Text(claim.Paid), Text(claim.PatientResponsibility),
                    claim.FilingIndicator, claim.PayerClaimControlNumber, patient, Adjustments(claim.Adjustments), Dates(claim.Dates), $"svc {claim.ServiceCount}"));
                for (var i = 0; i < claim.ServiceCount; i++)
                {
                    var service = claim.Service(i);
                    ServiceCount++;
                    AdjustmentCount += service.Adjustments.Length;
                    var procedure = string.Join(':', [service.Qualifier, service.ProcedureCode, .. service.Modifiers]);
                    var original = service.OriginalProcedureCode is null ? string.Empty : string.Join(':', [service.OriginalQualifier, service.OriginalProcedureCode, .. service.OriginalModifiers]);
                    Services.Add(string.Join('|', procedure, Text(service.Charge), Text(service.Paid), service.RevenueCode, Text(service.UnitsPaid), original,
                        Text(service.OriginalUnits), Dates(service.Dates), Adjustments(service.Adjustments),
                        string.Join(',', service.Amounts.ToArray().Select(a => $"{a.Qualifier}={Text(a.Amount)}")),
                        string.Join(',', service.Remarks.ToArray().Select(r => $"{r.Qualifier}:{r.Code}"))));
                }

                if (keepRecords)
                {
                    Records.Add(claim.ToRecord());
                }
            }
        }

        private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

        private static string Adjustments(ReadOnlySpan<Adjustment835> adjustments) =>
            string.Join(',', adjustments.ToArray().Select(a => $"{a.Group}-{a.Reason}-{Text(a.Amount)}" + (a.Quantity is { } q ? $"x{Text(q)}" : string.Empty)));

        private static string Dates(ReadOnlySpan<DateReference835> dates) =>
            string.Join(',', dates.ToArray().Select(d => $"{d.Qualifier}:{d.Date:yyyy-MM-dd}"));
    }
}
