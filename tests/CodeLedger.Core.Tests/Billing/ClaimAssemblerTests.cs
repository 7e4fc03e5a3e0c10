using CodeLedger.Core.Billing;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Tests.CodeSets;
using static CodeLedger.Core.Tests.Billing.ClaimFixtures;

namespace CodeLedger.Core.Tests.Billing;

/// <summary>A claim is assembled from the final coding, priced fee × units, scrubbed, and either ready or held with findings naming the line.</summary>
public sealed class ClaimAssemblerTests
{
    private static ClaimFinding Only(AssembledClaim claim, string code) =>
        Assert.Single(claim.Findings, f => f.Code == code && f.Severity == EditSeverity.Error);

    private static void Held(AssembledClaim claim)
    {
        Assert.Equal(ClaimStatus.FixQueue, claim.Status);
        Assert.Null(claim.Claim);
    }

    [Fact]
    public void A_clean_claim_is_ready_with_charges_of_fee_times_units()
    {
        var claim = Assembler().Assemble(Request("ENC1001", "99213 @1:2", "36415 x2 @1", "93000 26 @2"));

        Assert.Equal(ClaimStatus.Ready, claim.Status);
        Assert.DoesNotContain(claim.Findings, f => f.Severity == EditSeverity.Error);
        Assert.Equal([125m, 24m, 20m], claim.Lines.Select(l => l.Charge!.Value));
        Assert.Equal(169m, claim.TotalCharge);
        var x = claim.Claim!;
        Assert.Equal("ENC1001-1", x.PatientControlNumber);
        Assert.Equal(169m, x.TotalCharge);
        Assert.Equal("11", x.PlaceOfService);
        Assert.Equal("1", x.FrequencyCode);
        Assert.Null(x.PayerClaimControlNumber);
        Assert.Equal(["ABK:I10", "ABF:E785"], x.Diagnoses.Select(d => $"{d.Qualifier}:{d.Code}"));
        Assert.Equal([1, 2], x.Lines[0].DiagnosisPointers);
        Assert.Equal(2m, x.Lines[1].Units);
        Assert.Equal(["26"], x.Lines[2].Modifiers);
        Assert.Equal("60054", x.Subscriber.Payer.Id);
        Assert.Equal("18", x.Subscriber.Relationship);
        Assert.Equal("CI", x.Subscriber.ClaimFilingIndicator);
        Assert.Equal("W123456789", x.Subscriber.Name.Id);
        Assert.Equal("371234567", x.BillingProvider.TaxId);
        Assert.Equal("1245319599", x.Rendering!.Id);
        Assert.Null(x.Patient);
    }

    [Fact]
    public void No_coverage_holds_the_claim()
    {
        var claim = Assembler().Assemble(Request() with { Coverage = null });

        Held(claim);
        Assert.Null(Only(claim, ClaimAssembler.NoCoverage).Line);
    }

    [Fact]
    public void A_payer_the_practice_does_not_have_or_has_made_inactive_holds_the_claim()
    {
        var unknown = Assembler().Assemble(Request() with { Payers = [Medicare] });
        var inactive = Assembler().Assemble(Request() with { Payers = [Aetna with { Active = false }] });

        Held(unknown);
        Only(unknown, ClaimAssembler.PayerUnknown);
        Held(inactive);
        Only(inactive, ClaimAssembler.PayerInactive);
    }

    [Fact]
    public void A_code_without_a_fee_is_a_finding_on_its_line_not_a_zero_charge()
    {
        var claim = Assembler().Assemble(Request("ENC1001", "99213", "93306 @1"));
        var noSchedule = Assembler().Assemble(Request() with { FeeSchedule = null });

        Held(claim);
        Assert.Equal(2, Only(claim, ClaimAssembler.NoFee).Line is { } line ? line : 0);
        Assert.Null(claim.Lines[1].Charge);
        Assert.Null(claim.TotalCharge);
        Held(noSchedule);
        Assert.Contains("no fee schedule is in force", Only(noSchedule, ClaimAssembler.NoFee).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_assembly_without_the_fee_is_held_even_when_the_schedule_prices_other_codes()
    {
        var claim = Assembler().Assemble(Request() with { FeeSchedule = Fees(("93000", null, 45.50m)) });

        Held(claim);
        Assert.Equal(1, Only(claim, ClaimAssembler.NoFee).Line);
    }

    [Fact]
    public void An_ncci_pair_without_a_modifier_holds_the_claim_naming_the_line()
    {
        var bare = Assembler().Assemble(Request("ENC1001", "99213", "20610"));
        var modified = Assembler().Assemble(Request("ENC1001", "99213 25", "20610"));

        Held(bare);
        var finding = Assert.Single(bare.Findings, f => f.Code == EditRules.NcciPtp && f.Severity == EditSeverity.Error);
        Assert.NotNull(finding.Line);
        Assert.DoesNotContain(modified.Findings, f => f.Code == EditRules.NcciPtp);
    }

    [Fact]
    public void Units_over_the_mue_hold_the_claim_naming_the_line()
    {
        var claim = Assembler().Assemble(Request("ENC1001", "99213", "36415 x3"));

        Held(claim);
        var finding = Assert.Single(claim.Findings, f => f.Code == EditRules.Mue && f.Severity == EditSeverity.Error);
        Assert.Equal(2, finding.Line);
    }

    [Fact]
    public void The_real_april_2024_ncci_release_holds_a_debridement_pair_without_its_modifier()
    {
        var library = new CodeSetLibrary([RealData.Fy2024, RealData.Ptp2024Q2, RealData.Mue2024Q2]);
        var request = Request("ENC2024", "11042", "11720") with
        {
            DateOfService = new DateOnly(2024, 5, 14),
            Coding = Coded(["L97.412"], "11042", "11720"),
            FeeSchedule = new FeeSchedule(new DateOnly(2024, 1, 1), Fees(("11042", null, 180m), ("11720", null, 60m)).Entries),
        };

        var bare = Assembler(library).Assemble(request);
        var distinct = Assembler(library).Assemble(request with { Coding = Coded(["L97.412"], "11042", "11720 XS") });

        Held(bare);
        Assert.Contains(bare.Findings, f => f.Code == EditRules.NcciPtp && f.Line is not null);
        Assert.DoesNotContain(distinct.Findings, f => f.Code == EditRules.NcciPtp);
    }

    [Fact]
    public void Missing_billing_identity_fields_hold_the_claim_and_are_named()
    {
        var claim = Assembler().Assemble(Request() with { Billing = North with { Npi = "1234567890", Ein = "", Address = North.Address! with { PostalCode = "62701" } } });

        Held(claim);
        var message = Only(claim, ClaimAssembler.BillingIdentityIncomplete).Message;
        Assert.Contains("NPI", message, StringComparison.Ordinal);
        Assert.Contains("EIN", message, StringComparison.Ordinal);
        Assert.Contains("9-digit ZIP", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patient_without_an_address_or_a_dependent_without_the_subscribers_name_is_held()
    {
        var noAddress = Assembler().Assemble(Request() with { PatientAddress = null });
        var child = Assembler().Assemble(Request() with { Coverage = new ClaimCoverage("AETNA", "W1", SubscriberRelationship.Child, null) });

        Held(noAddress);
        Only(noAddress, ClaimAssembler.PatientAddressMissing);
        Held(child);
        Only(child, ClaimAssembler.SubscriberIncomplete);
    }

    [Fact]
    public void A_dependent_is_sent_under_the_subscriber_with_the_patient_loop()
    {
        var coverage = new ClaimCoverage("AETNA", "W1", SubscriberRelationship.Child, "G1", "Doe", "John", new DateOnly(1975, 1, 1), CodeLedger.Core.Encounters.PatientSex.Male);
        var claim = Assembler().Assemble(Request() with { Coverage = coverage }).Claim!;

        Assert.Null(claim.Subscriber.Relationship);
        Assert.Equal("JOHN", claim.Subscriber.Name.First);
        Assert.Equal("19", claim.Patient!.Relationship);
        Assert.Equal("JANE", claim.Patient.Name.First);
        Assert.Null(claim.Patient.Name.Id);
    }

    [Fact]
    public void Findings_never_quote_the_patient()
    {
        var claim = Assembler().Assemble(Request("ENC1001", "99213", "20610", "36415 x3") with { Coverage = null, PatientAddress = null });

        Assert.NotEmpty(claim.Findings);
        Assert.All(claim.Findings, f =>
        {
            Assert.DoesNotContain("Doe", f.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("1980", f.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("M123", f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_replacement_carries_frequency_7_and_the_payers_claim_control_number()
    {
        var claim = Assembler().Assemble(Request() with { Submission = 2, Frequency = ClaimFrequency.Replacement, PayerClaimControlNumber = "PAYERCCN9" });

        Assert.Equal("ENC1001-2", claim.ClaimId);
        Assert.Equal("7", claim.Claim!.FrequencyCode);
        Assert.Equal("PAYERCCN9", claim.Claim.PayerClaimControlNumber);
    }

    [Fact]
    public void A_void_carries_frequency_8_and_the_payers_claim_control_number()
    {
        var claim = Assembler().Assemble(Request() with { Submission = 3, Frequency = ClaimFrequency.Void, PayerClaimControlNumber = "PAYERCCN9" });

        Assert.Equal("8", claim.Claim!.FrequencyCode);
        Assert.Equal("PAYERCCN9", claim.Claim.PayerClaimControlNumber);
    }

    [Theory]
    [InlineData(ClaimFrequency.Replacement, null)]
    [InlineData(ClaimFrequency.Void, "  ")]
    [InlineData(ClaimFrequency.Replacement, "CCN*9")]
    [InlineData(ClaimFrequency.Original, "PAYERCCN9")]
    public void A_correction_or_void_without_the_payers_claim_control_number_is_refused(ClaimFrequency frequency, string? controlNumber)
    {
        var error = Assert.Throws<DomainException>(() =>
            Assembler().Assemble(Request() with { Submission = 2, Frequency = frequency, PayerClaimControlNumber = controlNumber }));

        Assert.Equal(BillingErrors.ClaimControlNumber, error.Error);
    }

    [Fact]
    public void A_replacement_numbered_as_the_first_submission_is_refused() =>
        Assert.Equal(BillingErrors.ClaimSubmission, Assert.Throws<DomainException>(() =>
            Assembler().Assemble(Request() with { Frequency = ClaimFrequency.Replacement, PayerClaimControlNumber = "X1" })).Error);

    [Fact]
    public void The_same_request_assembles_the_same_claim() =>
        Assert.Equal(Assembler().Assemble(Request()).Claim, Assembler().Assemble(Request()).Claim);

    [Theory]
    [InlineData("ENC1001", 1, "ENC1001-1")]
    [InlineData("ENC1001", 12, "ENC1001-12")]
    [InlineData("2026-03-10.0042", 1, "2026-03-10.0042-1")]
    public void The_claim_id_is_the_encounter_key_and_the_submission(string key, int submission, string expected) =>
        Assert.Equal(expected, ClaimId.For(key, submission));

    [Theory]
    [InlineData("a-very-long-encounter-key-0001")]
    [InlineData("ENC*1")]
    [InlineData("ENC 1")]
    public void A_key_too_long_or_with_other_characters_is_hashed_stably_within_20(string key)
    {
        var id = ClaimId.For(key, 1);

        Assert.Equal(id, ClaimId.For(key, 1));
        Assert.True(id.Length <= ClaimId.MaxLength, id);
        Assert.Matches("^E[0-9A-F]{14}-1$", id);
        Assert.NotEqual(ClaimId.For(key + "x", 1), id);
    }

    [Fact]
    public void Fractional_units_from_the_coding_are_refused() =>
        Assert.Equal(BillingErrors.ClaimUnits, Assert.Throws<DomainException>(() =>
            CodedLine.From(new CodeLedger.Core.Coding.ServiceLine(CodeLedger.Core.Codes.ProcedureCode.Parse("99213"), [], 1.5m, CodeLedger.Core.Codes.Money.Zero, [1]))).Error);
}
