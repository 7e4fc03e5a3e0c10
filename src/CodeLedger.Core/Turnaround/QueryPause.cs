namespace CodeLedger.Core.Turnaround;

/// <summary>
/// The time a documentation query held an encounter's turnaround clock, when the contract pauses it
/// for queries: from being raised until answered or found unresolved (closed at its due instant),
/// or until finalization while still open. A query closed before it was raised (bad data) pauses
/// nothing. Overlaps and the parts outside [start, stop] are the clock's to merge and clip.
/// </summary>
public static class QueryPause
{
    public static TimePeriod? Of(DateTimeOffset raisedAt, DateTimeOffset? closedAt, DateTimeOffset finalizedAt)
    {
        var end = closedAt ?? finalizedAt;
        return end >= raisedAt ? new TimePeriod(raisedAt, end) : null;
    }

    public static List<TimePeriod> All(IEnumerable<(DateTimeOffset RaisedAt, DateTimeOffset? ClosedAt)> queries, DateTimeOffset finalizedAt)
    {
        var pauses = new List<TimePeriod>();
        foreach (var (raisedAt, closedAt) in queries)
        {
            if (Of(raisedAt, closedAt, finalizedAt) is { } pause)
            {
                pauses.Add(pause);
            }
        }

        return pauses;
    }
}
