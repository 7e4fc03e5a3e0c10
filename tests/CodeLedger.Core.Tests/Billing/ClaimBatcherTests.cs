using System.Text;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Testing;
using CodeLedger.X12;
using CodeLedger.X12.Writing;
using FsCheck;
using FsCheck.Fluent;
using static CodeLedger.Core.Tests.Billing.ClaimFixtures;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>Ready claims batched per trading partner and payer into 837P files that pass our guide validation and pyx12 and read back equal.</summary>
public sealed class ClaimBatcherTests
{
    private static AssembledClaim Ready(ClaimRequest request)
    {
        var claim = Assembler().Assemble(request);
        Assert.True(claim.Status == ClaimStatus.Ready, string.Join("; ", claim.Findings));
        return claim;
    }

    private static IReadOnlyList<AssembledClaim> TwoPayers() =>
    [
        Ready(Request("ENC1001")),
        Ready(Request("ENC1002", "99213", "93000 @1:2") with { Coverage = new ClaimCoverage("MCR-IL", "1EG4TE5MK73", SubscriberRelationship.Self, null) }),
        Ready(Request("ENC1003", "36415 x2") with { Coverage = new ClaimCoverage("AETNA", "W1", SubscriberRelationship.Spouse, "G1", "Doe", "John") }),
        Ready(Request("ENC1004") with { Submission = 2, Frequency = ClaimFrequency.Replacement, PayerClaimControlNumber = "PAYERCCN9" }),
        Ready(Request("ENC1005") with { Submission = 2, Frequency = ClaimFrequency.Void, PayerClaimControlNumber = "PAYERCCN10" }),
    ];

    private static void Clean(byte[] content)
    {
        var result = X12Parser.Parse(content);
        Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors.Select(e => $"{e.Code} @{e.Segment} {e.SegmentId}{e.Element}: {e.Message}")));
    }

    [Fact]
    public void Two_payers_make_two_interchanges_each_to_its_trading_partner()
    {
        var files = ClaimBatcher.Batch(TwoPayers(), Submitter, Counter(), Clock);

        Assert.Equal(2, files.Count);
        var aetna = Assert.Single(files, f => f.Plan.Payer.Code == "AETNA");
        var medicare = Assert.Single(files, f => f.Plan.Payer.Code == "MCR-IL");
        Assert.Equal(["ENC1001-1", "ENC1003-1", "ENC1004-2", "ENC1005-2"], aetna.Interchange.Transactions.Single().Claims.Select(c => c.PatientControlNumber));
        Assert.Equal(["ENC1002-1"], medicare.Interchange.Transactions.Single().Claims.Select(c => c.PatientControlNumber));
        Assert.Equal("CLEARHOUSE01", aetna.Interchange.Interchange.ReceiverId);
        Assert.Equal("NGSMEDICARE", medicare.Interchange.Interchange.ReceiverId);
        Assert.Equal("06102", medicare.Interchange.Group.ReceiverCode);
        Assert.Equal("NORTHETIN01", aetna.Interchange.Interchange.SenderId);
        Assert.Equal("837P-AETNA-000000001.x12", aetna.FileName);
        Assert.Equal("837P-MCR-IL-000000001.x12", medicare.FileName);
    }

    [Fact]
    public void Two_payers_of_one_trading_partner_still_get_a_batch_each_with_the_partners_next_control_number()
    {
        var united = new ClaimPayer("UHC", "UnitedHealthcare", "87726", "CI", true, Clearinghouse);
        var claims = new[]
        {
            Ready(Request("ENC1001")),
            Ready(Request("ENC1002") with { Payers = [Aetna, united], Coverage = new ClaimCoverage("UHC", "U9", SubscriberRelationship.Self, null) }),
        };

        var files = ClaimBatcher.Batch(claims, Submitter, Counter(), Clock);

        Assert.Equal(["837P-AETNA-000000001.x12", "837P-UHC-000000002.x12"], files.Select(f => f.FileName));
    }

    [Fact]
    public void A_second_practices_claim_is_never_batched_with_the_first_practices()
    {
        var south = Ready(Request("ENC1001") with { PracticeKey = "south" });

        var error = Assert.Throws<DomainException>(() => ClaimBatcher.Plan([Ready(Request("ENC1002")), south]));

        Assert.Equal(BillingErrors.BatchRefused, error.Error);
    }

    [Fact]
    public void A_held_claim_or_a_claim_listed_twice_is_refused_not_written()
    {
        var held = Assembler().Assemble(Request() with { Coverage = null });

        Assert.Equal(BillingErrors.BatchRefused, Assert.Throws<DomainException>(() => ClaimBatcher.Plan([Ready(Request("ENC1002")), held])).Error);
        Assert.Equal(BillingErrors.BatchRefused, Assert.Throws<DomainException>(() => ClaimBatcher.Plan([Ready(Request()), Ready(Request())])).Error);
    }

    [Fact]
    public void Control_numbers_not_reserved_are_refused()
    {
        var plan = ClaimBatcher.Plan([Ready(Request())]).Single();

        Assert.Throws<DomainException>(() => ClaimBatcher.Write(plan, Submitter, new BatchControlNumbers(0, 1, 1), Clock));
        Assert.Throws<DomainException>(() => ClaimBatcher.Write(plan, Submitter, new BatchControlNumbers(1_000_000_000, 1, 1), Clock));
        Assert.Throws<DomainException>(() => ClaimBatcher.Write(plan, Submitter with { ContactPhone = "555" }, new BatchControlNumbers(1, 1, 1), Clock));
    }

    [Fact]
    public void The_envelope_carries_the_reserved_numbers_and_the_injected_time()
    {
        var file = ClaimBatcher.Write(ClaimBatcher.Plan([Ready(Request())]).Single(), Submitter, new BatchControlNumbers(42, 43, 44), Clock);
        var text = Encoding.ASCII.GetString(file.Content);

        Assert.Contains("*260312*1405*^*00501*000000042*0*T*:~", text, StringComparison.Ordinal);
        Assert.Contains("GS*HC*NORTHETIN01*CLEARHOUSE01*20260312*1405*43*X*005010X222A1~", text, StringComparison.Ordinal);
        Assert.Contains("ST*837*0044*005010X222A1~BHT*0019*00*000000042*20260312*1405*CH~", text, StringComparison.Ordinal);
        Assert.Contains("NM1*41*2*NORTH FAMILY CLINIC*****46*NORTHETIN01~PER*IC*BILLING DESK*TE*5555550100~", text, StringComparison.Ordinal);
        Assert.Contains("CLM*ENC1001-1*125*** 11:B:1*Y*A*Y*Y~".Replace(" ", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_file_written_has_zero_parser_findings_and_reads_back_equal()
    {
        foreach (var file in ClaimBatcher.Batch(TwoPayers(), Submitter, Counter(), Clock))
        {
            Clean(file.Content);
            var read = Assert.Single(X12Document.Load(file.Content).Claims837);
            Assert.Equal(file.Interchange, read);
            Assert.Equal(file.Content, Claim837Writer.Write(read));
        }
    }

    [Fact]
    public void Every_line_written_carries_its_own_REF_6R_after_its_date_and_the_reader_keeps_it()
    {
        foreach (var file in ClaimBatcher.Batch(TwoPayers(), Submitter, Counter(), Clock))
        {
            var text = Encoding.ASCII.GetString(file.Content);
            var claims = Assert.Single(X12Document.Load(file.Content).Claims837).Transactions.Single().Claims;
            var lines = claims.SelectMany(c => c.Lines.Select(l => (c.PatientControlNumber, l.LineNumber, l.LineItemControlNumber))).ToList();

            Assert.All(lines, l => Assert.Equal($"{l.PatientControlNumber}-{l.LineNumber}", l.LineItemControlNumber));
            Assert.Equal(lines.Count, text.Split('~').Count(s => s.StartsWith("REF*6R*", StringComparison.Ordinal)));
            Assert.Equal(lines.Count, lines.Select(l => l.LineItemControlNumber).Distinct(StringComparer.Ordinal).Count());
            Assert.All(lines, l => Assert.Matches($@"~DTP\*472\*D8\*\d{{8}}~REF\*6R\*{l.LineItemControlNumber}~", text));
        }
    }

    [Fact]
    public void Every_file_written_passes_pyx12()
    {
        foreach (var file in ClaimBatcher.Batch(TwoPayers(), Submitter, Counter(), Clock))
        {
            var (ok, output) = Pyx12.Validate(file.Content);
            Assert.True(ok, $"{file.FileName}: {output}");
        }
    }

    [Fact]
    public void Batching_the_same_claims_with_the_same_numbers_and_time_gives_the_same_bytes() =>
        Assert.Equal(
            ClaimBatcher.Batch(TwoPayers(), Submitter, Counter(), Clock).Select(f => f.Content),
            ClaimBatcher.Batch(TwoPayers().Reverse(), Submitter, Counter(), Clock).Select(f => f.Content));

    private static readonly string[] Codes = ["99213", "93000", "93000 26", "36415", "20610 25", "11720"];

    /// <summary>Up to six lines from the priced codes, each with 1 to 3 units and a pointer to one of two diagnoses.</summary>
    private static Gen<string[]> Lines =>
        from count in Gen.Choose(1, 6)
        from lines in Gen.ArrayOf(
            from code in Gen.Elements(Codes)
            from units in Gen.Choose(1, 3)
            from pointer in Gen.Choose(1, 2)
            select $"{code} x{units} @{pointer}", count)
        select lines;

    [Fact]
    public void Any_ready_claim_written_and_read_back_keeps_its_lines_and_charges()
    {
        var assembler = Assembler();
        var ready = 0;
        Properties.ForAll(Lines, lines =>
        {
            var claim = assembler.Assemble(Request("ENC9", lines));
            if (claim.Status != ClaimStatus.Ready)
            {
                // Held claims (an MUE or PTP pair the generator hit) are the fix queue's, not the writer's.
                Assert.Contains(claim.Findings, f => f.Severity == EditSeverity.Error);
                return;
            }

            ready++;
            var file = ClaimBatcher.Write(ClaimBatcher.Plan([claim]).Single(), Submitter, new BatchControlNumbers(7, 7, 7), Clock);
            Clean(file.Content);
            var read = Assert.Single(Assert.Single(Assert.Single(X12Document.Load(file.Content).Claims837).Transactions).Claims);
            Assert.Equal(claim.Lines.Select(l => (l.Coded.Code.Value, string.Join(",", l.Coded.Modifiers.Select(m => m.Value)), (decimal)l.Coded.Units, l.Charge!.Value)),
                read.Lines.Select(l => (l.ProcedureCode, string.Join(",", l.Modifiers), l.Units, l.Charge)));
            Assert.Equal(claim.TotalCharge, read.TotalCharge);
            Assert.Equal(read.Lines.Sum(l => l.Charge), read.TotalCharge);
        }, count: 100);
        Assert.True(ready > 20, $"only {ready} of 100 generated claims were ready: the property checked too little");
    }
}
