using System.Globalization;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Queries;

/// <summary>Which of a list's queries a page holds: the open ones (a physician's work), the closed ones, or all.</summary>
public enum QueryListStatus
{
    All,
    Open,
    Closed,
}

/// <summary>
/// Where a page of queries ends: the last listed query's due instant and id. Lists are ordered by
/// due instant then id, and neither ever changes for a query, so "after this cursor" means the
/// same queries whatever happened meanwhile: a query answered while someone pages still sits where
/// it sat (or, in a list of open ones, is gone without moving any other), and no page repeats or
/// skips a query. Written as <c>{due instant in UTC ticks, hex}-{id, 32 hex}</c>: opaque to
/// clients, nothing of the query's content.
/// </summary>
public readonly record struct QueryCursor(DateTimeOffset DueAt, Guid Id)
{
    public override string ToString() => $"{DueAt.UtcTicks.ToString("x", CultureInfo.InvariantCulture)}-{Id:N}";

    /// <summary>Reads a cursor this type wrote; anything else is false (never an exception).</summary>
    public static bool TryParse(string? text, out QueryCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash < 1 || text.Length - dash - 1 != 32
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(text.AsSpan(dash + 1), "N", out var id))
        {
            return false;
        }

        cursor = new QueryCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>Whether a query comes after this cursor in the list's order (due instant, then id).</summary>
    public bool Precedes(DateTimeOffset dueAt, Guid id) => dueAt > DueAt || (dueAt == DueAt && id.CompareTo(Id) > 0);
}

/// <summary>One listed query's place in the order, without its text (nothing is decrypted to page).</summary>
public readonly record struct QueryKey(Guid Id, DateTimeOffset DueAt, QueryStatus Status);

/// <summary>The ids a page shows, in order, and the cursor of the next page (null on the last).</summary>
public sealed record QueryPage(IReadOnlyList<Guid> Ids, QueryCursor? Next);

/// <summary>
/// How a list of queries is paged: at most <see cref="Limit"/> (default 50, at most 200) after an
/// optional cursor, in due-instant order. A list reads and ledgers (<c>phi.read</c>) only the
/// queries it shows, so the cost of a call is bounded by the limit, not by how many queries a
/// physician has (docs/PERFORMANCE.md, "Web host under load").
/// </summary>
public sealed record QueryPaging
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 200;

    private QueryPaging(int limit, QueryCursor? after, QueryListStatus status)
    {
        Limit = limit;
        After = after;
        Status = status;
    }

    public static QueryPaging First { get; } = new(DefaultLimit, null, QueryListStatus.All);

    public int Limit { get; }

    public QueryCursor? After { get; }

    public QueryListStatus Status { get; }

    public static QueryPaging Of(int limit, QueryCursor? after = null, QueryListStatus status = QueryListStatus.All) =>
        limit is < 1 or > MaxLimit
            ? throw new DomainException(RequestErrors.ParameterInvalid, $"limit must be 1 to {MaxLimit}")
            : new QueryPaging(limit, after, status);

    /// <summary>
    /// Reads the request's parameters (each may be absent). False for a bad one, with the parameter
    /// and what it must be (never its value): the caller answers REQUEST-PARAMETER-INVALID naming it.
    /// </summary>
    public static bool TryParse(string? limit, string? after, string? status, out QueryPaging paging, out string? field, out string? problem)
    {
        paging = First;
        (field, problem) = (null, null);
        var n = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n is < 1 or > MaxLimit))
        {
            (field, problem) = ("limit", $"the query parameter 'limit' must be a whole number from 1 to {MaxLimit}");
            return false;
        }

        QueryCursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!QueryCursor.TryParse(after, out var c))
            {
                (field, problem) = ("after", "the query parameter 'after' is not a cursor from a previous page (its Link header, rel=\"next\")");
                return false;
            }

            cursor = c;
        }

        QueryListStatus? s = status switch
        {
            null or "" or "all" => QueryListStatus.All,
            "open" => QueryListStatus.Open,
            "closed" => QueryListStatus.Closed,
            _ => null,
        };
        if (s is null)
        {
            (field, problem) = ("status", "the query parameter 'status' must be open, closed or all");
            return false;
        }

        paging = new QueryPaging(n, cursor, s.Value);
        return true;
    }

    /// <summary>The page of <paramref name="keys"/> (any order) this paging shows, and the next page's cursor when more follow.</summary>
    public QueryPage Select(IEnumerable<QueryKey> keys)
    {
        var after = After;
        var taken = keys
            .Where(k => Status switch
            {
                QueryListStatus.Open => k.Status == QueryStatus.Open,
                QueryListStatus.Closed => k.Status != QueryStatus.Open,
                _ => true,
            })
            .Where(k => after is not { } a || a.Precedes(k.DueAt, k.Id))
            .OrderBy(k => k.DueAt).ThenBy(k => k.Id)
            .Take(Limit + 1)
            .ToList();
        var page = taken.Take(Limit).ToList();
        return new QueryPage([.. page.Select(k => k.Id)], taken.Count > Limit ? new QueryCursor(page[^1].DueAt, page[^1].Id) : null);
    }
}
