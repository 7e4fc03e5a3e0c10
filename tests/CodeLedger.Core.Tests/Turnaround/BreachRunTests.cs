using CodeLedger.Core.Turnaround;
using static CodeLedger.Core.Tests.Turnaround.Contracts;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class BreachRunTests
{
    [Fact]
    public void Rule_of_three_months_needs_the_two_months_before_most_recent_first()
    {
        Assert.Equal(["2026-05", "2026-04"], BreachRun.MonthsBefore(Chicago(), SlaMonth.Parse("2026-06")).Select(m => m.ToString()));
    }

    [Fact]
    public void Months_before_the_contract_took_effect_are_not_measured_against_it()
    {
        // The contract took effect on 1 January 2026.
        Assert.Equal(["2026-01"], BreachRun.MonthsBefore(Chicago(), SlaMonth.Parse("2026-02")).Select(m => m.ToString()));
        Assert.Empty(BreachRun.MonthsBefore(Chicago(), SlaMonth.Parse("2026-01")));
    }

    [Fact]
    public void Run_counts_this_month_and_the_unbroken_breaches_before_it()
    {
        Assert.Equal(3, BreachRun.Length(inBreach: true, [true, true, false, true]));
        Assert.Equal(1, BreachRun.Length(inBreach: true, [false, true]));
        Assert.Equal(0, BreachRun.Length(inBreach: false, [true, true]));
    }

    [Fact]
    public void Remediation_plan_is_owed_from_the_contracts_number_of_months_on()
    {
        Assert.False(BreachRun.RemediationPlanRequired(Chicago(), 2));
        Assert.True(BreachRun.RemediationPlanRequired(Chicago(), 3));
    }
}
