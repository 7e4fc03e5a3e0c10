namespace CodeLedger.Core.Scorecard;

/// <summary>
/// The ten criteria a practice should hold a coding partner to (issue 19, "Vendor scorecard"), in
/// the order the scorecard prints them.
/// </summary>
public enum ScorecardCriterion
{
    AccuracyMethod,
    IndependentAuditRight,
    TurnaroundCommitment,
    SpecialtyCredentials,
    QueryProcess,
    MonthlyReporting,
    SignedBaa,
    SpecialtyReferences,
    CodeUpdateTraining,
    IntegratedBilling,
}

/// <summary>The disqualifying red flags: one raised is reason enough not to sign.</summary>
public enum RedFlag
{
    NoIndependentAuditRight,
    NoSpecialtyReferences,
    NoQueryProcess,
    AccuracyWithoutMethod,
    TurnaroundBeyond48Hours,
    PriceFarBelowMarket,
}

/// <summary>What the evidence shows for a criterion: met, not met, or unknown (nothing CodeLedger holds can show it yet).</summary>
public enum Verdict
{
    Met,
    NotMet,
    Unknown,
}

/// <summary>Whether a red flag is raised: raised, not raised, or unknown (nothing recorded can show it).</summary>
public enum FlagState
{
    Raised,
    NotRaised,
    Unknown,
}

/// <summary>The criteria's and flags' names as users type and read them, and the standard each holds a vendor to.</summary>
public static class ScorecardCatalogue
{
    /// <summary>The turnaround a written commitment may promise at most: FACTS §10 (24–48 h is the norm quoted).</summary>
    public const int MaxTurnaroundHours = 48;

    /// <summary>The accuracy floor AHIMA and AAPC are cited for (FACTS §6).</summary>
    public const decimal AccuracyStandardPercent = 95m;

    /// <summary>How far below the market a price raises the flag unless explained: 30% below the middle of the range the user entered (the issue: "30–40% below market").</summary>
    public const decimal LowPriceShare = 0.30m;

    private static readonly (ScorecardCriterion Criterion, string Name, string Title, string Standard)[] Criteria =
    [
        (ScorecardCriterion.AccuracyMethod, "accuracy-method", "Accuracy with a documented method",
            "accuracy of at least 95% (AHIMA/AAPC) measured by an audit with a stated method: the sample, its seed, the definition of an error, a Wilson 95% interval (FACTS §6)"),
        (ScorecardCriterion.IndependentAuditRight, "independent-audit-right", "Independent audit right",
            "the practice may have the vendor's coding audited by someone independent of the vendor (an audit firm or the practice itself), at the practice's choice"),
        (ScorecardCriterion.TurnaroundCommitment, "turnaround-commitment", "Written turnaround commitment",
            "a signed contract states the turnaround target, 48 hours or less, how it is measured, and the service credit for a miss (FACTS §10)"),
        (ScorecardCriterion.SpecialtyCredentials, "specialty-credentials", "Specialty-matched credentials",
            "every specialty the practice sends is covered today by at least one of the vendor's coders holding a credential valid for it"),
        (ScorecardCriterion.QueryProcess, "query-process", "Structured query process",
            "documentation queries raised in writing, by category, to the physician, with a response window (AHIMA/ACDIS compliant query practice, FACTS §10)"),
        (ScorecardCriterion.MonthlyReporting, "monthly-reporting", "Monthly reporting package",
            "a monthly package the practice can check: E/M distribution, turnaround, queries, denials, audit results, code-set compliance"),
        (ScorecardCriterion.SignedBaa, "signed-baa", "Signed BAA",
            "a business associate agreement signed by both parties and in force today (45 CFR 164.504(e), FACTS §9)"),
        (ScorecardCriterion.SpecialtyReferences, "specialty-references", "Specialty-matched references",
            "references from practices of the same specialties, checked by the practice"),
        (ScorecardCriterion.CodeUpdateTraining, "code-update-training", "Code-update training process",
            "coders trained on each code-set release before it takes effect"),
        (ScorecardCriterion.IntegratedBilling, "integrated-billing", "Integrated billing",
            "the vendor that codes also submits the claims and works the denials, so a denial has one owner"),
    ];

    private static readonly (RedFlag Flag, string Name, string Text)[] Flags =
    [
        (RedFlag.NoIndependentAuditRight, "no-independent-audit-right", "no independent audit right"),
        (RedFlag.NoSpecialtyReferences, "no-specialty-references", "no specialty-matched references"),
        (RedFlag.NoQueryProcess, "no-query-process", "no query process"),
        (RedFlag.AccuracyWithoutMethod, "accuracy-without-method", "accuracy claimed without a method"),
        (RedFlag.TurnaroundBeyond48Hours, "turnaround-beyond-48h", "turnaround commitment beyond 48 hours"),
        (RedFlag.PriceFarBelowMarket, "price-far-below-market", "price 30% or more below the market range without an explanation"),
    ];

    public static IReadOnlyList<ScorecardCriterion> AllCriteria { get; } = [.. Criteria.Select(c => c.Criterion)];

    public static IReadOnlyList<RedFlag> AllFlags { get; } = [.. Flags.Select(f => f.Flag)];

    public static string Name(this ScorecardCriterion criterion) => Criteria.First(c => c.Criterion == criterion).Name;

    public static string Title(this ScorecardCriterion criterion) => Criteria.First(c => c.Criterion == criterion).Title;

    public static string Standard(this ScorecardCriterion criterion) => Criteria.First(c => c.Criterion == criterion).Standard;

    public static string Name(this RedFlag flag) => Flags.First(f => f.Flag == flag).Name;

    public static string Text(this RedFlag flag) => Flags.First(f => f.Flag == flag).Text;

    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Met => "met",
        Verdict.NotMet => "not met",
        _ => "unknown",
    };

    public static string Name(this FlagState state) => state switch
    {
        FlagState.Raised => "raised",
        FlagState.NotRaised => "not raised",
        _ => "unknown",
    };
}
