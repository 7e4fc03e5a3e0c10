using CodeLedger.Core.Queries;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Queries;

public sealed class QueryPagingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Queries with due instants drawn from a few values (so ties are common), and a page size.</summary>
    private static readonly Gen<(List<QueryKey> Keys, int Limit, int[] Answers)> Cases =
        from count in Gen.Choose(0, 40)
        from dues in Gen.Choose(0, 5).ListOf(count)
        from limit in Gen.Choose(1, 7)
        from answers in Gen.Choose(0, 39).ListOf(12)
        select (dues.Select((d, i) => new QueryKey(new Guid(i + 1, 0, 0, new byte[8]), Start.AddMinutes(d), QueryStatus.Open)).ToList(), limit, answers.ToArray());

    private static List<Guid> Walk(Func<QueryPaging, QueryPage> page, int limit, QueryListStatus status, Action? betweenPages = null)
    {
        var seen = new List<Guid>();
        QueryCursor? after = null;
        do
        {
            var p = page(QueryPaging.Of(limit, after, status));
            Assert.True(p.Ids.Count <= limit);
            seen.AddRange(p.Ids);
            after = p.Next;
            betweenPages?.Invoke();
        }
        while (after is not null);
        return seen;
    }

    [Fact]
    public void Following_next_lists_every_query_once_in_due_then_id_order()
    {
        Properties.ForAll(Cases, c =>
        {
            var seen = Walk(p => p.Select(c.Keys), c.Limit, QueryListStatus.All);

            Assert.Equal(c.Keys.OrderBy(k => k.DueAt).ThenBy(k => k.Id).Select(k => k.Id), seen);
        });
    }

    [Fact]
    public void Answering_between_pages_of_the_open_queue_repeats_none_and_skips_only_what_was_answered_before_it_was_reached()
    {
        Properties.ForAll(Cases, c =>
        {
            var keys = c.Keys.ToList();
            var answered = new HashSet<Guid>();
            var step = 0;
            var seen = Walk(p => p.Select(keys), c.Limit, QueryListStatus.Open, () =>
            {
                // Another tab answers one query (shown or not) between every two pages.
                if (keys.Count > 0 && step < c.Answers.Length)
                {
                    var i = c.Answers[step++] % keys.Count;
                    keys[i] = keys[i] with { Status = QueryStatus.Answered };
                    answered.Add(keys[i].Id);
                }
            });

            Assert.Equal(seen.Distinct().Count(), seen.Count);
            Assert.Equal(keys.Where(k => !answered.Contains(k.Id)).Select(k => k.Id).Order(), seen.Where(id => !answered.Contains(id)).Order());
            var order = c.Keys.OrderBy(k => k.DueAt).ThenBy(k => k.Id).Select(k => k.Id).ToList();
            Assert.Equal(seen.OrderBy(order.IndexOf), seen);
        });
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("-1")]
    [InlineData("1e2")]
    [InlineData(" 5")]
    public void A_limit_outside_1_to_200_is_named(string limit)
    {
        Assert.False(QueryPaging.TryParse(limit, null, null, out _, out var field, out var problem));
        Assert.Equal("limit", field);
        Assert.DoesNotContain(limit, problem!.Replace("200", string.Empty, StringComparison.Ordinal).Replace("1 to", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1a-")]
    [InlineData("zz-0123456789abcdef0123456789abcdef")]
    [InlineData("1a-0123456789abcdef0123456789abcdeg")]
    [InlineData("ffffffffffffffff-0123456789abcdef0123456789abcdef")]
    public void A_cursor_no_page_wrote_is_refused(string after)
    {
        Assert.False(QueryCursor.TryParse(after, out _));
        Assert.False(after.Length > 0 && QueryPaging.TryParse(null, after, null, out _, out _, out _));
    }

    [Fact]
    public void A_cursor_reads_back_as_written()
    {
        var cursor = new QueryCursor(Start.AddTicks(7), Guid.NewGuid());

        Assert.True(QueryCursor.TryParse(cursor.ToString(), out var read));
        Assert.Equal(cursor, read);
        Assert.True(QueryPaging.TryParse("200", cursor.ToString(), "open", out var paging, out _, out _));
        Assert.Equal((200, cursor, QueryListStatus.Open), (paging.Limit, paging.After, paging.Status));
    }
}
