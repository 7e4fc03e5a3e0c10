using CodeLedger.Core.Turnaround;

namespace CodeLedger.Core.Tests.Turnaround;

public sealed class QueryPauseTests
{
    private static readonly DateTimeOffset Raised = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Finalized = Raised.AddHours(30);

    [Fact]
    public void Answered_query_pauses_from_raised_to_answered()
    {
        Assert.Equal(new TimePeriod(Raised, Raised.AddHours(2)), QueryPause.Of(Raised, Raised.AddHours(2), Finalized));
    }

    [Fact]
    public void Query_still_open_pauses_until_finalization()
    {
        Assert.Equal(new TimePeriod(Raised, Finalized), QueryPause.Of(Raised, null, Finalized));
    }

    [Fact]
    public void Query_closed_before_it_was_raised_pauses_nothing()
    {
        Assert.Null(QueryPause.Of(Raised, Raised.AddTicks(-10), Finalized));
        Assert.Single(QueryPause.All([(Raised, Raised.AddTicks(-10)), (Raised, null)], Finalized));
    }
}
