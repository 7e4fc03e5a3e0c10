using CodeLedger.Core.Codes;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Training;
using static CodeLedger.Core.Tests.Reports.ReportFixtures;

namespace CodeLedger.Core.Tests.Reports;

/// <summary>
/// Two hand-made ICD-10-CM releases: FY2026 (from 2025-10-01) holds I10 and E11.9 and R05; its
/// April update (from 2026-03-15 here, to fall inside March) deletes R05 and adds R05.1. March's
/// encounters: some before the update's date, some after.
/// </summary>
public sealed class CodeSetComplianceTests
{
    private static readonly DateOnly Update = new(2026, 3, 15);
    private static readonly Guid CoderA = Guid.Parse("c0000000-0000-0000-0000-00000000000a");
    private static readonly Guid CoderB = Guid.Parse("c0000000-0000-0000-0000-00000000000b");
    private static readonly Guid CoderC = Guid.Parse("c0000000-0000-0000-0000-00000000000c");

    private static readonly CodeSetLibrary Library = new(
    [
        Icd(new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 14), "I10", "E119", "R05"),
        Icd(Update, new DateOnly(2026, 9, 30), "I10", "E119", "R051"),
    ]);

    private static IcdRelease Icd(DateOnly from, DateOnly through, params string[] codes) =>
        new(new CodeSetReleaseInfo(CodeSetKind.Icd10Cm, from, through, $"icd-{from:yyyyMMdd}.txt", from.ToString("yyyyMMdd", null).PadLeft(64, '0'), codes.Length),
            codes.Select(c => new IcdEntry(IcdCode.Parse(c), true, c, c)));

    private static ReportEncounter Coded(DateOnly dos, Guid coder, params string[] diagnoses) =>
        Encounter(Physician(1), new DateOnly(2026, 3, 20), "99213", dos: dos, diagnoses: diagnoses, coder: coder);

    [Fact]
    public void Each_release_in_force_in_the_month_counts_codes_not_valid_on_the_date_of_service_and_its_new_codes()
    {
        List<ReportEncounter> rows =
        [
            Coded(new DateOnly(2026, 3, 10), CoderA, "I10", "R05"),     // before the update: R05 valid
            Coded(new DateOnly(2026, 3, 10), CoderA, "R05.1"),         // before the update: R05.1 not yet valid
            Coded(new DateOnly(2026, 3, 16), CoderB, "R05"),           // after: R05 deleted
            Coded(new DateOnly(2026, 3, 16), CoderB, "R05.1", "I10"),  // after: the new code, in use
            Coded(new DateOnly(2026, 3, 17), CoderC, "R05.1", "E11.9"),
        ];
        TrainingRecord[] training =
        [
            new(Guid.NewGuid(), CoderB, "ICD-10-CM April 2026 update", Update, Update.AddDays(-3), Utc(3, 1)),
            new(Guid.NewGuid(), CoderC, "ICD-10-CM April 2026 update", Update, Update.AddDays(4), Utc(3, 20)),
        ];

        var releases = CodeSetCompliance.Build(March, Library, rows, training);

        var before = releases[0];
        Assert.Equal(("icd10cm@2025-10-01", 2, 1), (before.Release, before.Encounters, before.EncountersWithInactiveCodes));
        Assert.Equal(["R05.1 1"], before.InactiveCodes.Select(c => $"{c.Code} {c.Encounters}"));
        Assert.Null(before.NewCodesInUse); // no earlier release loaded

        var update = releases[1];
        Assert.Equal(("icd10cm@2026-03-15", 3, 1, 1), (update.Release, update.Encounters, update.EncountersWithInactiveCodes, update.NewCodesInUse));
        Assert.Equal(["R05 1"], update.InactiveCodes.Select(c => $"{c.Code} {c.Encounters}"));
        Assert.Equal((2, 1, 1, 0), (update.CodersCoding, update.CodersTrainedBefore, update.CodersTrainedLate, update.CodersNotTrained));
        Assert.Equal((1, 0, 0, 1), (before.CodersCoding, before.CodersTrainedBefore, before.CodersTrainedLate, before.CodersNotTrained));
    }

    [Fact]
    public void Encounters_sharing_one_list_of_codes_count_as_each_on_its_own_date_of_service_would()
    {
        // The loader hands one list object to every encounter whose stored codes are the same text;
        // the section looks a list's checks up once per list and day, so a shared list must count
        // exactly as separate copies of it do, day by day and encounter by encounter.
        string[] shared = ["R05", "I10", "R05"];
        DateOnly[] days = [new(2026, 3, 10), new(2026, 3, 16), new(2026, 3, 10), new(2026, 3, 16), new(2026, 3, 17)];
        var sharing = days.Select(d => Encounter(Physician(1), new DateOnly(2026, 3, 20), "99213", dos: d, diagnoses: shared, coder: CoderA)).ToList();
        var copies = days.Select(d => Coded(d, CoderA, [.. shared])).ToList();

        var fromShared = CodeSetCompliance.Build(March, Library, sharing, []);
        var fromCopies = CodeSetCompliance.Build(March, Library, copies, []);

        Assert.Equal(("icd10cm@2025-10-01", 2, 0), (fromShared[0].Release, fromShared[0].Encounters, fromShared[0].EncountersWithInactiveCodes));
        Assert.Equal(("icd10cm@2026-03-15", 3, 3), (fromShared[1].Release, fromShared[1].Encounters, fromShared[1].EncountersWithInactiveCodes));
        Assert.Equal(["R05 3"], fromShared[1].InactiveCodes.Select(c => $"{c.Code} {c.Encounters}"));
        Assert.Equal(fromCopies.Select(r => r.Statement), fromShared.Select(r => r.Statement));
        Assert.Equal(fromCopies.SelectMany(r => r.InactiveCodes), fromShared.SelectMany(r => r.InactiveCodes));
    }

    [Fact]
    public void Encounters_of_another_month_are_not_counted()
    {
        var february = Encounter(Physician(1), new DateOnly(2026, 2, 20), "99213", dos: new DateOnly(2026, 2, 18), diagnoses: ["R05.1"], coder: CoderA);

        Assert.Empty(CodeSetCompliance.Build(March, Library, [february], []));
    }
}
