using CodeLedger.Core.Reports.Impact;

namespace CodeLedger.Core.Tests.Reports.Impact;

public sealed class ImpactCalculatorTests
{
    // Round numbers worked by hand: $1,000,000 at $100 an encounter is 10,000 encounters.
    private static readonly ImpactInputs Worked = new()
    {
        AnnualCharges = 1_000_000m,
        Accuracy = 0.95m,
        Versus = 0.90m,
        Years = 3,
        AverageCharge = 100m,
        RevenueLosingShare = 0.5m,
        LossPerError = 40m,
        DenialRate = 0.1m,
        UnownedShare = 0.2m,
        UnrecoveredShare = 0.5m,
        ReworkCost = 25m,
    };

    [Fact]
    public void Five_points_of_accuracy_on_ten_thousand_encounters_is_five_hundred_errors_half_losing_forty_dollars()
    {
        var r = ImpactCalculator.Calculate(Worked);

        Assert.Equal(10_000m, r.EncountersPerYear);
        Assert.Equal(500m, r.ErrorsPerYearAtAccuracy);
        Assert.Equal(1_000m, r.ErrorsPerYearAtVersus);
        Assert.Equal(10_000m, r.LostPerYearAtAccuracy);   // 500 × 0.5 × $40
        Assert.Equal(20_000m, r.LostPerYearAtVersus);     // 1,000 × 0.5 × $40
        Assert.Equal(10_000m, r.AccuracyDifferencePerYear);
        Assert.Equal(30_000m, r.AccuracyDifferenceOverYears);
    }

    [Fact]
    public void Split_vendors_leave_two_hundred_denials_without_an_owner_half_never_recovered_each_reworked()
    {
        var r = ImpactCalculator.Calculate(Worked);

        Assert.Equal(200m, r.UnownedDenialsPerYear);       // 10,000 × 10% × 20%
        Assert.Equal(10_000m, r.SplitLostRevenuePerYear);  // 200 × 50% × $100
        Assert.Equal(5_000m, r.SplitReworkCostPerYear);    // 200 × $25
        Assert.Equal(15_000m, r.IntegratedDifferencePerYear);
        Assert.Equal(45_000m, r.IntegratedDifferenceOverYears);
    }

    [Fact]
    public void The_issues_example_with_every_default_states_each_default_and_its_source()
    {
        var r = ImpactCalculator.Calculate(new ImpactInputs { AnnualCharges = 4_000_000m, Accuracy = 0.95m, Versus = 0.88m, Years = 3 });

        // 4,000,000 / 135.61 encounters × 7% more errors × 50% losing × $40.42 = $41,728.49 a year.
        Assert.Equal(41_728.49m, Math.Round(r.AccuracyDifferencePerYear, 2));
        Assert.Equal(125_185.46m, Math.Round(r.AccuracyDifferenceOverYears, 2));
        var defaults = r.Assumptions.Where(a => !a.Given).ToDictionary(a => a.Input, a => a.Value);
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["average-charge"] = 135.61m, ["revenue-losing-share"] = 0.5m, ["loss-per-error"] = 40.42m, ["denial-rate"] = 0.1m,
            ["unowned-share"] = 0.25m, ["unrecovered-share"] = 0.46m, ["rework-cost"] = 43.84m,
        }, defaults);
        Assert.All(r.Assumptions.Where(a => !a.Given), a => Assert.StartsWith("default: ", a.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A_loss_given_as_a_share_of_the_charge_and_encounters_given_directly_are_used()
    {
        var r = ImpactCalculator.Calculate(Worked with { AverageCharge = null, Encounters = 5_000m, LossPerError = null, LossShare = 0.25m });

        Assert.Equal(200m, r.AverageCharge);   // $1,000,000 / 5,000
        Assert.Equal(50m, r.LossPerError);     // 25% of $200
        Assert.Equal(250m * 0.5m * 50m, r.AccuracyDifferencePerYear);
    }

    [Theory]
    [InlineData("accuracy")]
    [InlineData("versus")]
    [InlineData("annual-charges")]
    [InlineData("years")]
    [InlineData("denial-rate")]
    [InlineData("loss-share")]
    [InlineData("average-charge")]
    public void A_bad_input_is_refused_naming_it(string input)
    {
        var bad = input switch
        {
            "accuracy" => Worked with { Accuracy = 95m },
            "versus" => Worked with { Versus = -0.1m },
            "annual-charges" => Worked with { AnnualCharges = 0m },
            "years" => Worked with { Years = 0 },
            "denial-rate" => Worked with { DenialRate = 1.5m },
            "loss-share" => Worked with { LossShare = 0.2m },            // beside --loss-per-error
            _ => Worked with { Encounters = 10m },                        // beside --average-charge
        };

        var e = Assert.Throws<ImpactInputException>(() => ImpactCalculator.Calculate(bad));

        Assert.Equal(input, e.Input);
        Assert.Equal(ImpactErrors.InputInvalid, e.Error);
    }
}
