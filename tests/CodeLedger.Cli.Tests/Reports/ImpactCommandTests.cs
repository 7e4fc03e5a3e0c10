using System.Text.Json;

namespace CodeLedger.Cli.Tests.Reports;

public sealed class ImpactCommandTests
{
    private static readonly string[] Worked =
        ["impact", "--annual-charges", "1000000", "--accuracy", "0.95", "--versus", "0.90", "--years", "3", "--average-charge", "100",
         "--revenue-losing-share", "0.5", "--loss-per-error", "40", "--denial-rate", "0.1", "--unowned-share", "0.2", "--unrecovered-share", "0.5", "--rework-cost", "25"];

    [Fact]
    public void The_text_states_the_dollars_and_every_assumption_with_its_option()
    {
        var run = CliRun.Of(Worked);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Coding accuracy 95.0% against 90.0%: $30,000.00 over 3 years ($10,000.00 a year)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Integrated billing against split coding and billing vendors: $45,000.00 over 3 years ($15,000.00 a year)", run.Out, StringComparison.Ordinal);
        foreach (var option in new[] { "--average-charge $100.00", "--revenue-losing-share 50.0%", "--loss-per-error $40.00", "--denial-rate 10.0%", "--unowned-share 20.0%", "--unrecovered-share 50.0%", "--rework-cost $25.00" })
        {
            Assert.Contains("  " + option + ":", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("own audits", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gives_the_same_figures_and_says_which_assumptions_are_defaults()
    {
        var run = CliRun.Of("impact", "--annual-charges", "4000000", "--accuracy", "0.95", "--versus", "0.88", "--json");
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(41728.49m, root.GetProperty("accuracy").GetProperty("differencePerYear").GetDecimal());
        Assert.Equal(78328.00m, root.GetProperty("integratedBilling").GetProperty("differencePerYear").GetDecimal());
        var rework = root.GetProperty("assumptions").EnumerateArray().Single(a => a.GetProperty("option").GetString() == "--rework-cost");
        Assert.False(rework.GetProperty("given").GetBoolean());
        Assert.Contains("FACTS §10", rework.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--accuracy", "95")]
    [InlineData("--versus", "1.2")]
    [InlineData("--annual-charges", "-5")]
    [InlineData("--years", "0")]
    [InlineData("--unowned-share", "2")]
    [InlineData("--accuracy", "ninety")]
    public void A_bad_option_exits_2_naming_the_option(string option, string value)
    {
        var args = new List<string> { "impact", "--annual-charges", "4000000", "--accuracy", "0.95", "--versus", "0.88" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = CliRun.Of([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void A_missing_accuracy_and_two_ways_of_giving_the_loss_are_refused_naming_the_options()
    {
        var missing = CliRun.Of("impact", "--annual-charges", "4000000", "--versus", "0.88");
        var both = CliRun.Of("impact", "--annual-charges", "4000000", "--accuracy", "0.95", "--versus", "0.88", "--loss-per-error", "40", "--loss-share", "0.3");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--accuracy", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--loss-share", both.Error, StringComparison.Ordinal);
        Assert.Contains("IMPACT-INPUT-INVALID", both.Error, StringComparison.Ordinal);
    }
}
