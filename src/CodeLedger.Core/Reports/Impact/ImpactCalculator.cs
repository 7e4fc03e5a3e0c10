namespace CodeLedger.Core.Reports.Impact;

/// <summary>
/// What an impact figure rests on: its input name (as the command line's option without "--"),
/// the value used, and where the value came from: the user, or a default with its source
/// (../shared/FACTS.md section, or "assumption" where no source gives a figure).
/// </summary>
public sealed record ImpactAssumption(string Input, string Description, decimal Value, string Unit, bool Given, string Source);

/// <summary>
/// The calculator's inputs. Required: annual charges and the two accuracy levels. Every other
/// figure has a default (<see cref="Defaults"/>) the user can replace; when the practice has its
/// own audits, their measured error mix and dollar loss should replace the defaults (the wiring
/// that reads them is the next step, docs/PACKAGE.md).
/// </summary>
public sealed record ImpactInputs
{
    public required decimal AnnualCharges { get; init; }

    public required decimal Accuracy { get; init; }

    public required decimal Versus { get; init; }

    public int Years { get; init; } = 1;

    public decimal? RevenueLosingShare { get; init; }

    public decimal? LossPerError { get; init; }

    public decimal? LossShare { get; init; }

    public decimal? Encounters { get; init; }

    public decimal? AverageCharge { get; init; }

    public decimal? DenialRate { get; init; }

    public decimal? UnownedShare { get; init; }

    public decimal? UnrecoveredShare { get; init; }

    public decimal? ReworkCost { get; init; }
}

/// <summary>The dollar figures, per year and over the years asked, with every assumption they rest on.</summary>
public sealed record ImpactResult(
    IReadOnlyList<ImpactAssumption> Assumptions,
    decimal EncountersPerYear,
    decimal AverageCharge,
    decimal LossPerError,
    decimal ErrorsPerYearAtAccuracy,
    decimal ErrorsPerYearAtVersus,
    decimal LostPerYearAtAccuracy,
    decimal LostPerYearAtVersus,
    decimal AccuracyDifferencePerYear,
    decimal AccuracyDifferenceOverYears,
    decimal UnownedDenialsPerYear,
    decimal SplitLostRevenuePerYear,
    decimal SplitReworkCostPerYear,
    decimal IntegratedDifferencePerYear,
    decimal IntegratedDifferenceOverYears,
    int Years);

/// <summary>
/// The revenue impact of coding accuracy and of integrated billing (issue 19, "Vendor scorecard
/// and revenue impact"). A plain model, every step stated so a practice can redo it by hand:
/// <list type="bullet">
/// <item>encounters a year = annual charges ÷ average charge (or given);</item>
/// <item>revenue lost at an accuracy a = encounters × (1 − a) × share of errors that lose revenue × loss per miscoded encounter;</item>
/// <item>the accuracy difference = lost at the lower level − lost at the higher, a year and over the years (no growth, no discounting);</item>
/// <item>with split coding and billing vendors, denials with no owner = encounters × denial rate × share without an owner; each loses
/// the average charge when never recovered and costs one rework; integrated billing is taken to work those denials like any other.</item>
/// </list>
/// </summary>
public static class ImpactCalculator
{
    /// <summary>The defaults and their sources (docs/PACKAGE.md lists them too).</summary>
    public static class Defaults
    {
        /// <summary>An assumption: about half of coding errors lose revenue (undercoding); FACTS §6 reports undercoding common and overcoding rare, so half is conservative.</summary>
        public const decimal RevenueLosingShare = 0.5m;

        /// <summary>One level down on an established visit: 99214 $135.61 − 99213 $95.19, CY2026 MPFS national non-facility (FACTS §7).</summary>
        public const decimal LossPerError = 40.42m;

        /// <summary>A proxy for the average charge: a 99214's CY2026 national non-facility payment (FACTS §7); charges are usually higher, so enter the practice's own.</summary>
        public const decimal AverageCharge = 135.61m;

        /// <summary>Initial denial rate: 5–10% widely quoted for physician practices, 11.1% in the Change Healthcare 2020 index (FACTS §10); 10%.</summary>
        public const decimal DenialRate = 0.10m;

        /// <summary>An assumption: a quarter of denials fall between a split coding vendor and billing vendor with no owner.</summary>
        public const decimal UnownedShare = 0.25m;

        /// <summary>Premier survey: 54% of initially denied claims are eventually paid, so 46% are not (FACTS §10).</summary>
        public const decimal UnrecoveredShare = 0.46m;

        /// <summary>Premier survey: $43.84 average cost per appealed claim (FACTS §10).</summary>
        public const decimal ReworkCost = 43.84m;
    }

    public static ImpactResult Calculate(ImpactInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Positive(inputs.AnnualCharges, "annual-charges");
        Share(inputs.Accuracy, "accuracy");
        Share(inputs.Versus, "versus");
        if (inputs.Years is < 1 or > 30)
        {
            throw new ImpactInputException("years", $"years is {inputs.Years}: give 1 to 30");
        }

        if (inputs.LossPerError is not null && inputs.LossShare is not null)
        {
            throw new ImpactInputException("loss-share", "give the loss per miscoded encounter either in dollars (loss-per-error) or as a share of the charge (loss-share), not both");
        }

        if (inputs.Encounters is not null && inputs.AverageCharge is not null)
        {
            throw new ImpactInputException("average-charge", "give either encounters a year (encounters) or the average charge (average-charge), not both: each follows from the other and the annual charges");
        }

        var assumptions = new List<ImpactAssumption>
        {
            new("annual-charges", "annual charges", inputs.AnnualCharges, "USD", true, "given"),
            new("accuracy", "coding accuracy compared", inputs.Accuracy, "share", true, "given"),
            new("versus", "coding accuracy compared against", inputs.Versus, "share", true, "given"),
            new("years", "years", inputs.Years, "years", true, inputs.Years == 1 ? "default: one year" : "given"),
        };

        decimal encounters;
        decimal averageCharge;
        if (inputs.Encounters is { } given)
        {
            Positive(given, "encounters");
            encounters = given;
            averageCharge = inputs.AnnualCharges / given;
            assumptions.Add(new("encounters", "encounters (claims) a year", given, "encounters", true, "given"));
        }
        else
        {
            averageCharge = Pick(inputs.AverageCharge, Defaults.AverageCharge, "average-charge", "average charge per encounter", "USD",
                "FACTS §7: a 99214's CY2026 national payment, a proxy; enter the practice's own", assumptions, positive: true);
            encounters = inputs.AnnualCharges / averageCharge;
        }

        var losingShare = Pick(inputs.RevenueLosingShare, Defaults.RevenueLosingShare, "revenue-losing-share", "share of coding errors that lose revenue", "share",
            "assumption (FACTS §6: undercoding is common, overcoding rare)", assumptions);
        decimal lossPerError;
        if (inputs.LossShare is { } lossShare)
        {
            Share(lossShare, "loss-share");
            lossPerError = lossShare * averageCharge;
            assumptions.Add(new("loss-share", "loss per miscoded encounter as a share of its charge", lossShare, "share", true, "given"));
        }
        else
        {
            lossPerError = Pick(inputs.LossPerError, Defaults.LossPerError, "loss-per-error", "average loss per miscoded encounter", "USD",
                "FACTS §7: 99214 − 99213, CY2026 national, one level down", assumptions, positive: true);
        }

        var denialRate = Pick(inputs.DenialRate, Defaults.DenialRate, "denial-rate", "initial denial rate", "share", "FACTS §10: 5–10% physician practices, 11.1% Change Healthcare 2020", assumptions);
        var unowned = Pick(inputs.UnownedShare, Defaults.UnownedShare, "unowned-share", "share of denials with no owner when coding and billing are split", "share", "assumption", assumptions);
        var unrecovered = Pick(inputs.UnrecoveredShare, Defaults.UnrecoveredShare, "unrecovered-share", "share of unowned denials never recovered", "share", "FACTS §10: Premier, 54% of denials eventually paid", assumptions);
        var rework = Pick(inputs.ReworkCost, Defaults.ReworkCost, "rework-cost", "rework cost per denied claim", "USD", "FACTS §10: Premier, $43.84 per appealed claim", assumptions);

        var errorsAtAccuracy = encounters * (1 - inputs.Accuracy);
        var errorsAtVersus = encounters * (1 - inputs.Versus);
        var lostAtAccuracy = errorsAtAccuracy * losingShare * lossPerError;
        var lostAtVersus = errorsAtVersus * losingShare * lossPerError;
        var accuracyDifference = lostAtVersus - lostAtAccuracy;

        var unownedDenials = encounters * denialRate * unowned;
        var splitLost = unownedDenials * unrecovered * averageCharge;
        var splitRework = unownedDenials * rework;
        var integrated = splitLost + splitRework;

        return new ImpactResult(assumptions, encounters, averageCharge, lossPerError, errorsAtAccuracy, errorsAtVersus, lostAtAccuracy, lostAtVersus,
            accuracyDifference, accuracyDifference * inputs.Years, unownedDenials, splitLost, splitRework, integrated, integrated * inputs.Years, inputs.Years);
    }

    private static decimal Pick(decimal? given, decimal fallback, string input, string description, string unit, string source, List<ImpactAssumption> assumptions, bool positive = false)
    {
        var value = given ?? fallback;
        if (positive || unit == "USD")
        {
            Positive(value, input);
        }
        else
        {
            Share(value, input);
        }

        assumptions.Add(new(input, description, value, unit, given is not null, given is null ? "default: " + source : "given"));
        return value;
    }

    private static void Share(decimal value, string input)
    {
        if (value is < 0 or > 1)
        {
            throw new ImpactInputException(input, $"{input} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: a share is between 0 and 1 (0.95, not 95)");
        }
    }

    private static void Positive(decimal value, string input)
    {
        if (value <= 0)
        {
            throw new ImpactInputException(input, $"{input} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: it must be above zero");
        }
    }
}
