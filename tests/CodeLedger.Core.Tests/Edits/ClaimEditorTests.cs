using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Edits;
using CodeLedger.Core.EvaluationAndManagement;
using static CodeLedger.Core.Tests.Edits.TestClaims;

namespace CodeLedger.Core.Tests.Edits;

public class ClaimEditorTests
{
    private const string Dos = "2025-03-04";

    [Fact]
    public void Clean_family_medicine_claim_has_no_findings() =>
        EditAssert.Clean(Office(Dos, ["E11.9", "I10"], "99214", "83036 @1", "36415 @1:2"));

    [Fact]
    public void Unknown_diagnosis_is_CODE_UNKNOWN() =>
        EditAssert.Fires(EditRules.CodeUnknown, Office(Dos, ["E11.99"], "99213"));

    [Fact]
    public void Unknown_procedure_is_CODE_UNKNOWN() =>
        EditAssert.Fires(EditRules.CodeUnknown, Office(Dos, ["I10"], "99999"));

    [Fact]
    public void Procedure_of_the_wrong_shape_is_CODE_UNKNOWN() =>
        EditAssert.Fires(EditRules.CodeUnknown, Office(Dos, ["I10"], "9921"));

    [Fact]
    public void Terminated_hcpcs_code_is_CODE_INACTIVE_after_its_termination_date()
    {
        EditAssert.DoesNotFire(EditRules.CodeInactive, Office("2023-12-31", ["I10"], "G0180"));
        EditAssert.Fires(EditRules.CodeInactive, Office("2024-01-01", ["I10"], "G0180"));
    }

    [Fact]
    public void Date_of_service_before_every_release_is_CODE_INACTIVE_naming_the_releases()
    {
        var findings = EditAssert.Fires(EditRules.CodeInactive, Office("2019-06-01", ["I10"], "99213"));
        Assert.Contains(findings, f => f.Message.Contains("icd10cm@2023-10-01", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Codes.Contains("99213"));
    }

    [Fact]
    public void Header_code_is_ICD_NOT_BILLABLE() =>
        EditAssert.Fires(EditRules.IcdNotBillable, Office(Dos, ["E11"], "99213"));

    [Fact]
    public void Malformed_diagnosis_is_ICD_FORMAT() =>
        EditAssert.Fires(EditRules.IcdFormat, Office(Dos, ["11.9"], "99213"));

    [Theory]
    [InlineData("99213 @")]
    [InlineData("99213 @3")]
    [InlineData("99213 @1:1")]
    [InlineData("99213 @0")]
    public void Missing_out_of_range_or_repeated_pointer_is_DX_POINTER(string line) =>
        EditAssert.Fires(EditRules.DxPointer, Office(Dos, ["I10", "E78.5"], line));

    [Fact]
    public void Pointers_within_the_diagnoses_pass() =>
        EditAssert.DoesNotFire(EditRules.DxPointer, Office(Dos, ["I10", "E78.5"], "99213 @2:1"));

    [Fact]
    public void In_diseases_classified_elsewhere_code_first_listed_is_DX_MANIFESTATION_FIRST()
    {
        EditAssert.Fires(EditRules.DxManifestationFirst, Office(Dos, ["G63", "E11.42"], "99213 @1:2"));
        EditAssert.DoesNotFire(EditRules.DxManifestationFirst, Office(Dos, ["E11.42", "G63"], "99213 @1:2"));
    }

    [Fact]
    public void Manifestation_as_a_lines_primary_diagnosis_is_DX_MANIFESTATION_FIRST() =>
        Assert.Equal(1, EditAssert.Fires(EditRules.DxManifestationFirst, Office(Dos, ["E11.42", "G63"], "99213 @2:1")).Single().Line);

    [Theory]
    [InlineData("99213 2X5")]
    [InlineData("99213 98")]
    [InlineData("99213 ZZ")]
    public void Unknown_modifier_is_MOD_INVALID(string line) =>
        EditAssert.Fires(EditRules.ModInvalid, Office(Dos, ["I10"], line));

    [Theory]
    [InlineData("93306 59 XS")]
    [InlineData("93306 26 TC")]
    public void Conflicting_modifiers_are_MOD_CONFLICT(string line) =>
        EditAssert.Fires(EditRules.ModConflict, Office(Dos, ["I10"], line));

    [Fact]
    public void Ptp_indicator_0_fires_even_with_a_modifier() =>
        EditAssert.Fires(EditRules.NcciPtp, Office(Dos, ["R07.9"], "93000", "93010 59"));

    [Fact]
    public void Ptp_indicator_1_fires_without_modifier_and_not_with_XS()
    {
        EditAssert.Fires(EditRules.NcciPtp, Office(Dos, ["L60.0"], "11042", "11720"));
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office(Dos, ["L60.0"], "11042", "11720 XS"));
    }

    [Fact]
    public void Ptp_modifier_on_the_column_1_line_does_not_bypass_unless_configured()
    {
        var claim = Office(Dos, ["L60.0"], "11042 XS", "11720");
        EditAssert.Fires(EditRules.NcciPtp, claim);
        EditAssert.DoesNotFire(EditRules.NcciPtp, claim, options: EditOptions.Medicare with { PtpModifierOnEitherLine = true });
    }

    [Fact]
    public void Ptp_on_an_em_is_bypassed_by_25_not_by_59()
    {
        EditAssert.Fires(EditRules.NcciPtp, Office(Dos, ["M17.11"], "20610", "99213 59"));
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office(Dos, ["M17.11"], "20610", "99213 25"));
    }

    [Fact]
    public void Ptp_indicator_9_never_fires() =>
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office(Dos, ["R07.9"], "93306", "93000"));

    [Fact]
    public void Ptp_pair_deleted_before_the_date_of_service_never_fires()
    {
        EditAssert.Fires(EditRules.NcciPtp, Office("2023-12-31", ["R07.9"], "93306", "93010"));
        EditAssert.DoesNotFire(EditRules.NcciPtp, Office("2024-01-01", ["R07.9"], "93306", "93010"));
    }

    [Fact]
    public void Ptp_finding_names_both_codes_and_the_column_2_line()
    {
        var finding = EditAssert.Fires(EditRules.NcciPtp, Office(Dos, ["R07.9"], "93010", "93000")).Single();
        Assert.Equal(["93000", "93010"], finding.Codes);
        Assert.Equal(1, finding.Line);
    }

    [Fact]
    public void Mue_line_edit_counts_each_line_alone()
    {
        EditAssert.Fires(EditRules.Mue, Office(Dos, ["I10"], "96372 x5"));
        EditAssert.DoesNotFire(EditRules.Mue, Office(Dos, ["I10"], "96372 x4", "96372 76 x4"));
    }

    [Fact]
    public void Mue_date_of_service_edit_sums_the_lines()
    {
        EditAssert.Fires(EditRules.Mue, Office(Dos, ["I10"], "36415 x2", "36415 91"));
        EditAssert.DoesNotFire(EditRules.Mue, Office(Dos, ["I10"], "36415", "36415 91"));
    }

    [Fact]
    public void Em_with_a_minor_procedure_needs_modifier_25()
    {
        EditAssert.Fires(EditRules.EmModifier25, Office(Dos, ["B07.9"], "17110", "99213"));
        EditAssert.DoesNotFire(EditRules.EmModifier25, Office(Dos, ["B07.9"], "17110", "99213 25"));
    }

    [Fact]
    public void Em_with_a_procedure_without_global_period_needs_no_25() =>
        EditAssert.DoesNotFire(EditRules.EmModifier25, Office(Dos, ["R07.9"], "93000", "99213"));

    [Fact]
    public void Invalid_rendering_npi_is_NPI_INVALID() =>
        EditAssert.Fires(EditRules.NpiInvalid, Build(Dos, ["I10"], "1234567890", null, "99213"));

    [Fact]
    public void Repeated_line_is_a_CLAIM_DUPLICATE_LINE_warning()
    {
        var finding = EditAssert.Fires(EditRules.ClaimDuplicateLine, Office(Dos, ["I10"], "93000", "93000")).Single();
        Assert.Equal(EditSeverity.Warning, finding.Severity);
        EditAssert.DoesNotFire(EditRules.ClaimDuplicateLine, Office(Dos, ["I10"], "93000", "93000 76"));
    }

    [Fact]
    public void Em_billed_above_the_documented_level_is_overcoded()
    {
        var documentation = new EmInput(PatientType.Established, [ProblemKind.StableChronic], EmData.None, RiskLevel.Low, null);
        var finding = EditAssert.Fires(EditRules.EmLevelSupport, WithEm(Dos, documentation, "99214")).Single();
        Assert.Equal(EditSeverity.Error, finding.Severity);
        Assert.Equal(["99214", "99213"], finding.Codes);
    }

    [Fact]
    public void Em_billed_below_the_documented_level_is_undercoded()
    {
        var documentation = new EmInput(PatientType.Established, [ProblemKind.StableChronic], EmData.None, RiskLevel.Low, 41);
        var finding = EditAssert.Fires(EditRules.EmLevelSupport, WithEm(Dos, documentation, "99213")).Single();
        Assert.Equal(EditSeverity.Warning, finding.Severity);
        Assert.Equal(["99213", "99215"], finding.Codes);
    }

    [Fact]
    public void Em_billed_at_the_documented_level_passes()
    {
        var documentation = new EmInput(PatientType.Established, [ProblemKind.ChronicExacerbation], EmData.None, RiskLevel.Moderate, null);
        EditAssert.DoesNotFire(EditRules.EmLevelSupport, WithEm(Dos, documentation, "99214"));
    }
}
