namespace CodeLedger.Core.EvaluationAndManagement;

/// <summary>
/// Office/outpatient E/M level (99202-99205, 99212-99215) by AMA 2021 MDM with the 2023 wording
/// and by total time with the CPT 2024 single minimums (FACTS.md §1.1-§1.4). The code is the
/// higher of the two. 99211 has no MDM or time criterion (§1.5), so it is never produced.
/// </summary>
public static class EmLeveler
{
    // CPT 2024: one minimum per code that must be met or exceeded (FACTS.md §1.3), levels 2..5.
    private static readonly int[] NewMinutes = [15, 30, 45, 60];
    private static readonly int[] EstablishedMinutes = [10, 20, 30, 40];

    public static EmResult Level(EmInput input)
    {
        var problems = ProblemsLevel(input.Problems);
        var data = DataLevel(input.Data);
        var risk = RiskLevelOf(input.Risk);

        // Two of three elements must meet or exceed the level: the middle of the three (FCSO; §1.1).
        Span<int> levels = [(int)problems, (int)data, (int)risk];
        levels.Sort();
        var mdm = (MdmLevel)levels[1];

        var byMdm = Code(input.Patient, (int)mdm);
        var timeLevel = TimeLevel(input.Patient, input.TotalMinutes);
        var byTime = timeLevel is { } t ? Code(input.Patient, t) : null;
        var units = timeLevel == 5 ? ProlongedUnits(input.Patient, input.Payer, input.TotalMinutes!.Value) : 0;

        // Time is the basis when it gives the higher level, or when both reach level 5 and time
        // adds prolonged units; prolonged services are reported only when time chose the level (§1.4).
        var basis = timeLevel is { } tl && (tl > (int)mdm || (tl == 5 && (int)mdm == 5 && units > 0)) ? EmBasis.Time : EmBasis.Mdm;
        var code = basis == EmBasis.Time ? byTime! : byMdm;
        if (basis == EmBasis.Mdm)
        {
            units = 0;
        }

        var prolongedCode = units > 0 ? (input.Payer == EmPayer.Medicare ? "G2212" : "99417") : null;
        return new EmResult(mdm, byMdm, byTime, code, basis, prolongedCode, units);
    }

    /// <summary>Element 1: the highest level any problem or combination of problems reaches (FACTS.md §1.2).</summary>
    public static MdmLevel ProblemsLevel(IReadOnlyCollection<ProblemKind> problems)
    {
        var level = MdmLevel.Straightforward;
        var selfLimited = 0;
        var stableChronic = 0;
        foreach (var p in problems)
        {
            var l = p switch
            {
                ProblemKind.SelfLimited => ++selfLimited >= 2 ? MdmLevel.Low : MdmLevel.Straightforward,
                ProblemKind.StableChronic => ++stableChronic >= 2 ? MdmLevel.Moderate : MdmLevel.Low,
                ProblemKind.AcuteUncomplicated or ProblemKind.StableAcute or ProblemKind.AcuteUncomplicatedInpatient => MdmLevel.Low,
                ProblemKind.ChronicExacerbation or ProblemKind.UndiagnosedUncertain or ProblemKind.AcuteSystemic or ProblemKind.AcuteComplicatedInjury => MdmLevel.Moderate,
                ProblemKind.ChronicSevereExacerbation or ProblemKind.ThreatToLife => MdmLevel.High,
                _ => throw new ArgumentOutOfRangeException(nameof(problems), p, null),
            };
            level = l > level ? l : level;
        }

        return level;
    }

    /// <summary>
    /// Element 2 (FCSO "Reviewing amount and/or complexity of data"): limited = 2 items of
    /// category 1 (notes, results, orders) or an independent historian; moderate = one of three
    /// categories (3 items of notes, results, orders and historian; independent interpretation;
    /// external discussion); extensive = two of those three.
    /// </summary>
    public static MdmLevel DataLevel(EmData data)
    {
        var items = data.ExternalNotes + data.TestsReviewed + data.TestsOrdered;
        var categories = (items + (data.IndependentHistorian ? 1 : 0) >= 3 ? 1 : 0)
            + (data.IndependentInterpretation ? 1 : 0)
            + (data.ExternalDiscussion ? 1 : 0);
        return categories switch
        {
            >= 2 => MdmLevel.High,
            1 => MdmLevel.Moderate,
            _ => items >= 2 || data.IndependentHistorian ? MdmLevel.Low : MdmLevel.Straightforward,
        };
    }

    public static MdmLevel RiskLevelOf(RiskLevel risk) => risk switch
    {
        RiskLevel.Minimal => MdmLevel.Straightforward,
        RiskLevel.Low => MdmLevel.Low,
        RiskLevel.Moderate => MdmLevel.Moderate,
        RiskLevel.High => MdmLevel.High,
        _ => throw new ArgumentOutOfRangeException(nameof(risk), risk, null),
    };

    /// <summary>The level 2-5 whose 2024 minimum the time meets, or null below the lowest minimum.</summary>
    public static int? TimeLevel(PatientType patient, int? minutes)
    {
        if (minutes is not { } m)
        {
            return null;
        }

        var minimums = patient == PatientType.New ? NewMinutes : EstablishedMinutes;
        for (var i = minimums.Length - 1; i >= 0; i--)
        {
            if (m >= minimums[i])
            {
                return i + 2;
            }
        }

        return null;
    }

    /// <summary>
    /// CPT 99417: each full 15 minutes beyond the level-5 minimum (60 new, 40 established).
    /// Medicare G2212: from 89 (new) or 69 (established) minutes, one unit and one more per full
    /// 15 minutes (CY2021 PFS final rule; FACTS.md §1.4).
    /// </summary>
    public static int ProlongedUnits(PatientType patient, EmPayer payer, int minutes)
    {
        if (payer == EmPayer.Medicare)
        {
            var start = patient == PatientType.New ? 89 : 69;
            return minutes >= start ? 1 + ((minutes - start) / 15) : 0;
        }

        var level5 = patient == PatientType.New ? 60 : 40;
        return minutes >= level5 ? (minutes - level5) / 15 : 0;
    }

    public static string Code(PatientType patient, int level) =>
        (patient == PatientType.New ? "9920" : "9921") + (char)('0' + level);
}
