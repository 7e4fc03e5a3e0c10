using CodeLedger.Core.Audits;

namespace CodeLedger.Core.Tests.Audits;

/// <summary>One hand-built encounter per error category: the vendor's coding against the auditor's.</summary>
public class ComparisonTests
{
    private const string Auditor = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";

    [Theory]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.EmOvercoded, AuditComponent.EmLevel)]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99212", "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.EmUndercoded, AuditComponent.EmLevel)]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}, {"code": "93000", "charge": "30.00", "pointers": [2]}]}""", ErrorCategory.ProcedureExtra, AuditComponent.Procedures)]
    [InlineData("""{"diagnoses": ["E11.65", "I10", "R07.9"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.DiagnosisExtra, AuditComponent.Diagnoses)]
    [InlineData("""{"diagnoses": ["E11.65"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""", ErrorCategory.DiagnosisMissing, AuditComponent.Diagnoses)]
    [InlineData("""{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.DiagnosisSpecificity, AuditComponent.Diagnoses)]
    [InlineData("""{"diagnoses": ["I10", "E11.65"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.FirstListedDiagnosis, AuditComponent.Diagnoses)]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "modifiers": ["25"], "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.ModifierExtra, AuditComponent.Modifiers)]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""", ErrorCategory.Linkage, AuditComponent.Linkage)]
    [InlineData("""{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "units": 2, "charge": "100.00", "pointers": [1, 2]}]}""", ErrorCategory.Units, AuditComponent.Units)]
    public void Each_error_is_found_once_in_its_category_and_makes_the_encounter_wrong(string vendor, ErrorCategory category, AuditComponent component)
    {
        var c = Compare(vendor, Auditor);

        var finding = Assert.Single(c.Findings);
        Assert.Equal(category, finding.Category);
        Assert.Equal(component, finding.Component);
        Assert.False(c.IsCorrect);
        Assert.StartsWith("F-", finding.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void A_procedure_the_vendor_left_out_is_missing_and_a_modifier_it_left_out_is_missing()
    {
        var auditor = """{"diagnoses": ["I10"], "lines": [{"code": "99213", "modifiers": ["25"], "charge": "100.00", "pointers": [1]}, {"code": "93000", "charge": "30.00", "pointers": [1]}]}""";
        var vendor = """{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""";

        var c = Compare(vendor, auditor);

        Assert.Equal([ErrorCategory.ProcedureMissing, ErrorCategory.ModifierMissing], c.Findings.Select(f => f.Category).Order());
        Assert.Equal(["93000"], c.Findings.Single(f => f.Category == ErrorCategory.ProcedureMissing).AuditorCodes);
    }

    [Fact]
    public void The_same_codings_are_correct_and_give_no_finding()
    {
        var c = Compare(Auditor, Auditor);

        Assert.True(c.IsCorrect);
        Assert.Equal(["dx:E1165", "dx:I10", "line:a1"], c.Items);
        Assert.Equal(c.VendorRvu, c.AuditorRvu);
    }

    [Fact]
    public void An_overcoded_visit_states_the_direction_and_size_of_the_difference()
    {
        var vendor = """{"diagnoses": ["I10"], "lines": [{"code": "99215", "charge": "100.00", "pointers": [1]}]}""";
        var auditor = """{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""";

        var finding = Assert.Single(Compare(vendor, auditor).Findings);

        Assert.Equal(ErrorCategory.EmOvercoded, finding.Category);
        Assert.Equal(-2, finding.Levels);
        Assert.Equal("99215 vs 99213: overcoded by 2 levels", finding.Detail);
    }

    [Fact]
    public void A_new_patient_visit_against_an_established_one_is_not_a_level_difference()
    {
        var vendor = """{"diagnoses": ["I10"], "lines": [{"code": "99204", "charge": "100.00", "pointers": [1]}]}""";
        var auditor = """{"diagnoses": ["I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1]}]}""";

        Assert.Equal([ErrorCategory.ProcedureMissing, ErrorCategory.ProcedureExtra], Compare(vendor, auditor).Findings.Select(f => f.Category).Order());
    }

    [Fact]
    public void Linkage_compares_the_pointed_codes_not_the_pointer_numbers()
    {
        // The same diagnoses listed in another order with the pointers following them: the line points
        // to the same codes. Only the first-listed differs.
        var vendor = """{"diagnoses": ["I10", "E11.65"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [2, 1]}]}""";

        var c = Compare(vendor, Auditor);

        Assert.Equal(ErrorCategory.FirstListedDiagnosis, Assert.Single(c.Findings).Category);
    }

    [Fact]
    public void A_less_specific_code_is_one_specificity_finding_not_also_a_linkage_error()
    {
        var vendor = """{"diagnoses": ["E11.9", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}]}""";

        var finding = Assert.Single(Compare(vendor, Auditor).Findings);

        Assert.Equal(ErrorCategory.DiagnosisSpecificity, finding.Category);
        Assert.Equal(["E11.9"], finding.VendorCodes);
        Assert.Equal(["E11.65"], finding.AuditorCodes);
    }

    [Fact]
    public void Finding_ids_are_stable_and_differ_between_encounters()
    {
        var vendor = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""";

        var first = Compare(vendor, Auditor).Findings.Single().Id;
        var again = Compare(vendor, Auditor).Findings.Single().Id;
        var other = AuditComparer.Compare(AuditFixtures.Id(2), AuditFixtures.Dos, AuditFixtures.Coding(vendor), AuditFixtures.Coding(Auditor), AuditFixtures.Pricing2026).Findings.Single().Id;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_auditors_mdm_elements_decide_the_level_they_support()
    {
        // Two stable chronic illnesses (moderate problems), no data (straightforward), prescription
        // drug management (moderate risk): MDM moderate, 99214 for an established patient, although
        // the auditor's line says 99213. The vendor's 99214 is therefore right.
        var auditor = """
            {"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1, 2]}],
             "em": {"patient": "established", "problems": ["stable-chronic", "stable-chronic"], "data": {}, "risk": "moderate"}}
            """;
        var vendor = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""";

        var c = Compare(vendor, auditor);

        Assert.True(c.IsCorrect);
        Assert.Equal("99214", c.SupportedEm!.Code);
        Assert.Contains("support 99214", c.EmStatement, StringComparison.Ordinal);
        Assert.Contains("compared as 99214", c.EmStatement, StringComparison.Ordinal);
    }

    [Fact]
    public void Dollar_impact_uses_the_real_2026_rvus()
    {
        // RVU26A non-facility totals: 99214 = 1.92 + 2.00 + 0.14 = 4.06; 99213 = 1.30 + 1.46 + 0.09 = 2.85.
        // Vendor 99214, auditor 99213: (2.85 - 4.06) x 33.4009 (2026 non-qualifying APM) = -40.415089 -> -$40.42.
        var vendor = """{"diagnoses": ["E11.65", "I10"], "lines": [{"code": "99214", "charge": "100.00", "pointers": [1, 2]}]}""";

        var c = Compare(vendor, Auditor);

        Assert.Equal(4.06m, c.VendorRvu);
        Assert.Equal(2.85m, c.AuditorRvu);
        Assert.Equal(33.4009m, c.ConversionFactor);
        Assert.Equal(-1.21m, c.Findings.Single().RvuDelta);
        Assert.Equal(-40.42m, Math.Round(c.Findings.Single().RvuDelta * c.ConversionFactor, 2));
    }

    [Fact]
    public void Units_dollars_follow_the_units_and_an_unpriced_code_is_listed()
    {
        // 93000 is not in the E/M excerpt: it counts 0 RVU and is named. 99213 x 2 units against 1: +2.85 RVU to the vendor.
        var vendor = """{"diagnoses": ["I10"], "lines": [{"code": "99213", "units": 2, "charge": "100.00", "pointers": [1]}, {"code": "93000", "charge": "30.00", "pointers": [1]}]}""";
        var auditor = """{"diagnoses": ["I10"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}, {"code": "93000", "charge": "30.00", "pointers": [1]}]}""";

        var c = Compare(vendor, auditor);

        Assert.Equal(-2.85m, Assert.Single(c.Findings).RvuDelta);
        Assert.Equal(["93000"], c.Unpriced);
    }

    internal static EncounterComparison Compare(string vendor, string auditor, int encounter = 1) =>
        AuditComparer.Compare(AuditFixtures.Id(encounter), AuditFixtures.Dos, AuditFixtures.Coding(vendor), AuditFixtures.Coding(auditor), AuditFixtures.Pricing2026);
}
