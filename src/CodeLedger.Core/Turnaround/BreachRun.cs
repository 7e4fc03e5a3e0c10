using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Turnaround;

/// <summary>
/// The contract's consecutive-breach rule: a remediation plan is owed when this month and the
/// months just before it are in breach, N in a row (the contract's
/// <see cref="SlaContract.RemediationAfterConsecutiveBreachMonths"/>). Months before the contract's
/// first are not measured against it.
/// </summary>
public static class BreachRun
{
    /// <summary>The months before <paramref name="month"/> whose verdicts the rule needs, most recent first.</summary>
    public static IEnumerable<SlaMonth> MonthsBefore(SlaContract contract, SlaMonth month)
    {
        var firstOfContract = SlaMonth.Of(contract.EffectiveOn);
        for (var i = 1; i < contract.RemediationAfterConsecutiveBreachMonths; i++)
        {
            var earlier = month.AddMonths(-i);
            if (earlier < firstOfContract)
            {
                yield break;
            }

            yield return earlier;
        }
    }

    /// <summary>How many months in a row end in breach with this one: none when this month is not in breach.</summary>
    /// <param name="earlierMonthsInBreach">Verdicts of the months before, most recent first.</param>
    public static int Length(bool inBreach, IEnumerable<bool> earlierMonthsInBreach) =>
        inBreach ? 1 + earlierMonthsInBreach.TakeWhile(b => b).Count() : 0;

    public static bool RemediationPlanRequired(SlaContract contract, int length) => length >= contract.RemediationAfterConsecutiveBreachMonths;
}
