using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Tests.EvaluationAndManagement;

public class EmLevelerTests
{
    [Theory]
    [InlineData(new[] { "self-limited" }, MdmLevel.Straightforward)]
    [InlineData(new[] { "self-limited", "self-limited" }, MdmLevel.Low)]
    [InlineData(new[] { "stable-chronic" }, MdmLevel.Low)]
    [InlineData(new[] { "stable-chronic", "stable-chronic" }, MdmLevel.Moderate)]
    [InlineData(new[] { "acute-uncomplicated" }, MdmLevel.Low)]
    [InlineData(new[] { "stable-acute" }, MdmLevel.Low)]
    [InlineData(new[] { "acute-uncomplicated-inpatient" }, MdmLevel.Low)]
    [InlineData(new[] { "chronic-exacerbation" }, MdmLevel.Moderate)]
    [InlineData(new[] { "undiagnosed-uncertain" }, MdmLevel.Moderate)]
    [InlineData(new[] { "acute-systemic" }, MdmLevel.Moderate)]
    [InlineData(new[] { "acute-complicated-injury" }, MdmLevel.Moderate)]
    [InlineData(new[] { "chronic-severe-exacerbation" }, MdmLevel.High)]
    [InlineData(new[] { "threat-to-life" }, MdmLevel.High)]
    [InlineData(new string[0], MdmLevel.Straightforward)]
    [InlineData(new[] { "self-limited", "stable-chronic", "acute-systemic" }, MdmLevel.Moderate)]
    public void Problem_kinds_give_their_table_level(string[] kinds, MdmLevel expected) =>
        Assert.Equal(expected, EmLeveler.ProblemsLevel([.. kinds.Select(Kind)]));

    [Theory]
    [InlineData(0, 0, 0, false, false, false, MdmLevel.Straightforward)]
    [InlineData(1, 0, 0, false, false, false, MdmLevel.Straightforward)]
    [InlineData(1, 1, 0, false, false, false, MdmLevel.Low)]
    [InlineData(0, 0, 2, false, false, false, MdmLevel.Low)]
    [InlineData(0, 0, 0, true, false, false, MdmLevel.Low)]
    [InlineData(1, 1, 1, false, false, false, MdmLevel.Moderate)]
    [InlineData(0, 2, 0, true, false, false, MdmLevel.Moderate)]
    [InlineData(0, 0, 0, false, true, false, MdmLevel.Moderate)]
    [InlineData(0, 0, 0, false, false, true, MdmLevel.Moderate)]
    [InlineData(0, 0, 0, false, true, true, MdmLevel.High)]
    [InlineData(2, 1, 0, false, true, false, MdmLevel.High)]
    [InlineData(0, 2, 0, true, false, true, MdmLevel.High)]
    [InlineData(2, 0, 0, false, false, false, MdmLevel.Low)]
    public void Data_categories_give_their_table_level(int notes, int reviewed, int ordered, bool historian, bool interpretation, bool discussion, MdmLevel expected) =>
        Assert.Equal(expected, EmLeveler.DataLevel(new EmData(notes, reviewed, ordered, historian, interpretation, discussion)));

    [Theory]
    [InlineData(RiskLevel.Minimal, MdmLevel.Straightforward)]
    [InlineData(RiskLevel.Low, MdmLevel.Low)]
    [InlineData(RiskLevel.Moderate, MdmLevel.Moderate)]
    [InlineData(RiskLevel.High, MdmLevel.High)]
    public void Risk_gives_its_level(RiskLevel risk, MdmLevel expected) => Assert.Equal(expected, EmLeveler.RiskLevelOf(risk));

    [Theory]
    [InlineData("threat-to-life", RiskLevel.Minimal, MdmLevel.Straightforward)]
    [InlineData("threat-to-life", RiskLevel.Moderate, MdmLevel.Moderate)]
    [InlineData("chronic-exacerbation", RiskLevel.High, MdmLevel.Moderate)]
    [InlineData("stable-chronic", RiskLevel.High, MdmLevel.Low)]
    public void Mdm_is_the_level_two_of_three_elements_meet(string kind, RiskLevel risk, MdmLevel expected) =>
        Assert.Equal(expected, EmLeveler.Level(new EmInput(PatientType.Established, [Kind(kind)], EmData.None, risk, null)).Mdm);

    [Theory]
    [InlineData(PatientType.New, 14, null)]
    [InlineData(PatientType.New, 15, "99202")]
    [InlineData(PatientType.New, 29, "99202")]
    [InlineData(PatientType.New, 30, "99203")]
    [InlineData(PatientType.New, 44, "99203")]
    [InlineData(PatientType.New, 45, "99204")]
    [InlineData(PatientType.New, 59, "99204")]
    [InlineData(PatientType.New, 60, "99205")]
    [InlineData(PatientType.Established, 9, null)]
    [InlineData(PatientType.Established, 10, "99212")]
    [InlineData(PatientType.Established, 19, "99212")]
    [InlineData(PatientType.Established, 20, "99213")]
    [InlineData(PatientType.Established, 29, "99213")]
    [InlineData(PatientType.Established, 30, "99214")]
    [InlineData(PatientType.Established, 39, "99214")]
    [InlineData(PatientType.Established, 40, "99215")]
    public void Time_minimums_of_cpt_2024(PatientType patient, int minutes, string? expected) =>
        Assert.Equal(expected, EmLeveler.Level(new EmInput(patient, [], EmData.None, RiskLevel.Minimal, minutes)).ByTime);

    [Theory]
    [InlineData(PatientType.New, EmPayer.Cpt, 74, 0)]
    [InlineData(PatientType.New, EmPayer.Cpt, 75, 1)]
    [InlineData(PatientType.New, EmPayer.Cpt, 89, 1)]
    [InlineData(PatientType.New, EmPayer.Cpt, 90, 2)]
    [InlineData(PatientType.Established, EmPayer.Cpt, 54, 0)]
    [InlineData(PatientType.Established, EmPayer.Cpt, 55, 1)]
    [InlineData(PatientType.Established, EmPayer.Cpt, 70, 2)]
    [InlineData(PatientType.New, EmPayer.Medicare, 88, 0)]
    [InlineData(PatientType.New, EmPayer.Medicare, 89, 1)]
    [InlineData(PatientType.New, EmPayer.Medicare, 103, 1)]
    [InlineData(PatientType.New, EmPayer.Medicare, 104, 2)]
    [InlineData(PatientType.Established, EmPayer.Medicare, 68, 0)]
    [InlineData(PatientType.Established, EmPayer.Medicare, 69, 1)]
    [InlineData(PatientType.Established, EmPayer.Medicare, 84, 2)]
    public void Prolonged_units_by_payer(PatientType patient, EmPayer payer, int minutes, int units)
    {
        var result = EmLeveler.Level(new EmInput(patient, [], EmData.None, RiskLevel.Minimal, minutes, payer));
        Assert.Equal(units, result.ProlongedUnits);
        Assert.Equal(units == 0 ? null : payer == EmPayer.Cpt ? "99417" : "G2212", result.ProlongedCode);
    }

    [Fact]
    public void Higher_mdm_wins_over_time()
    {
        var result = EmLeveler.Level(new EmInput(PatientType.Established, [ProblemKind.ChronicExacerbation], EmData.None, RiskLevel.Moderate, 20));
        Assert.Equal(("99214", "99213", "99214", EmBasis.Mdm), (result.ByMdm, result.ByTime, result.Code, result.Basis));
    }

    [Fact]
    public void Level_5_by_both_is_time_based_only_when_time_adds_units()
    {
        var high = new EmInput(PatientType.Established, [ProblemKind.ThreatToLife], EmData.None, RiskLevel.High, 45);
        Assert.Equal(EmBasis.Mdm, EmLeveler.Level(high).Basis);
        var longer = EmLeveler.Level(high with { TotalMinutes = 55 });
        Assert.Equal((EmBasis.Time, "99417", 1), (longer.Basis, longer.ProlongedCode, longer.ProlongedUnits));
    }

    [Fact]
    public void Level_99211_is_never_produced()
    {
        var result = EmLeveler.Level(new EmInput(PatientType.Established, [], EmData.None, RiskLevel.Minimal, 5));
        Assert.Equal("99212", result.Code);
        Assert.Null(result.ByTime);
    }

    private static ProblemKind Kind(string token) =>
        EmInputJson.Parse($$"""{"patient":"new","problems":["{{token}}"],"risk":"low"}""").Problems.Single();
}
