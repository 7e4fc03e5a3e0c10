using System.Net;
using System.Text.Json;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Web.Tests.Queries;

/// <summary>
/// The query list a page at a time (?limit=, ?after= from Link: rel="next", ?status=), each page
/// reading and ledgering only its own queries, the cursor holding while queries are answered; and a
/// practice admin following their practice's queries, state only and read-only.
/// </summary>
public sealed class QueryListTests : IAsyncLifetime
{
    private WebWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        world = await WebWorld.CreateAsync();
        var documented = world.Clock.GetUtcNow().AddHours(-1);
        await new EncounterIntake(world.Store).ImportAsync("FM-NORTH", "ACME", () =>
            [.. Enumerable.Range(2, 6).Select(i => new EncounterSubmission($"web test {i}", $"EHR-{i}", Npi.Parse(WebWorld.ChenNpi),
                new PatientDemographics("Quillfeather", "Ada", new DateOnly(1958, 7, 4), PatientSex.Female, "MBR-SECRET-1"),
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, "Knee pain; examined.", documented))], "intake-test");
        for (var i = 2; i <= 7; i++)
        {
            // A minute apart, so the due instants differ; two share one (EHR-6, EHR-7), so the id breaks the tie.
            if (i != 7)
            {
                world.Clock.Advance(TimeSpan.FromMinutes(1));
            }

            await new QueryDesk(world.Store).RaiseAsync($"EHR-{i}", "jdoe", QueryCategory.Laterality, "Which knee was examined?", []);
        }

        await world.Accounts.ApplyAsync("setup", new UserSpec("north-admin", "North Admin", null, "FM-NORTH", "practice-admin"));
        await world.Accounts.ApplyAsync("setup", new UserSpec("south-admin", "South Admin", null, "SOUTH", "practice-admin"));
    }

    public async ValueTask DisposeAsync() => await world.DisposeAsync();

    private static async Task<(List<JsonElement> Queries, string? Next)> PageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {body}");
        var next = response.Headers.TryGetValues("Link", out var links) ? links.Single() : null;
        return ([.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => e.Clone())], next is null ? null : next.Split('<', '>')[1]);
    }

    private async Task<int> PhiReadsAsync()
    {
        var reads = 0;
        await foreach (var entry in world.Store.ReadLedgerAsync(Ct))
        {
            reads += entry.Type == "phi.read" ? 1 : 0;
        }

        return reads;
    }

    [Fact]
    public async Task Pages_follow_the_next_link_in_due_order_each_query_once_and_each_page_ledgers_only_its_own_reads()
    {
        using var chen = await world.ApiClientAsync("dr-chen");
        var all = (await PageAsync(chen, "/api/queries?limit=200")).Queries;
        Assert.Equal(7, all.Count);
        var reads = await PhiReadsAsync();

        var seen = new List<JsonElement>();
        var path = "/api/queries?limit=3";
        var pages = 0;
        while (path is not null)
        {
            var (queries, next) = await PageAsync(chen, path);
            Assert.Equal(reads + queries.Count, await PhiReadsAsync());
            reads += queries.Count;
            seen.AddRange(queries);
            path = next!;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(all.Select(q => q.GetProperty("id").GetString()), seen.Select(q => q.GetProperty("id").GetString()));
        var due = seen.Select(q => q.GetProperty("dueAt").GetString()!).ToList();
        Assert.Equal(due.Order(StringComparer.Ordinal), due);
    }

    [Fact]
    public async Task Answering_while_paging_the_open_queue_neither_repeats_nor_skips_a_query()
    {
        using var chen = await world.ApiClientAsync("dr-chen");
        var (first, next) = await PageAsync(chen, "/api/queries?status=open&limit=3");

        // Answer one already shown and one not yet shown, between the pages.
        var notYetShown = (await PageAsync(chen, "/api/queries?status=open&limit=200")).Queries[4].GetProperty("id").GetString();
        foreach (var id in new[] { first[0].GetProperty("id").GetString(), notYetShown })
        {
            using var answered = await chen.PostAsync($"/api/queries/{id}/answer", new StringContent("""{"text": "left"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var rest = new List<JsonElement>();
        while (next is not null)
        {
            var page = await PageAsync(chen, next);
            rest.AddRange(page.Queries);
            next = page.Next;
        }

        var ids = first.Concat(rest).Select(q => q.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(6, ids.Count);
        Assert.DoesNotContain(notYetShown, ids);
        Assert.All(rest, q => Assert.Equal("open", q.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task The_default_page_is_50_and_a_bad_limit_cursor_or_status_is_named_without_its_value()
    {
        using var chen = await world.ApiClientAsync("dr-chen");
        Assert.Equal(50, QueryPaging.First.Limit);
        Assert.Null((await PageAsync(chen, "/api/queries")).Next);

        foreach (var (query, field) in new[] { ("limit=0", "limit"), ("limit=201", "limit"), ("limit=ten", "limit"), ("after=MBR-SECRET-1", "after"), ("status=MBR-SECRET-1", "status") })
        {
            using var response = await chen.GetAsync($"/api/queries?{query}", Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            using var problem = JsonDocument.Parse(body);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(("REQUEST-PARAMETER-INVALID", field), (problem.RootElement.GetProperty("code").GetString(), problem.RootElement.GetProperty("field").GetString()));
            Assert.DoesNotContain("MBR-SECRET-1", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_practice_admin_lists_their_practice_queries_state_only_reads_no_phi_and_answers_nothing()
    {
        using var admin = await world.ApiClientAsync("north-admin");
        var reads = await PhiReadsAsync();

        var (queries, _) = await PageAsync(admin, "/api/queries?status=open");

        Assert.Equal(7, queries.Count);
        Assert.All(queries, q =>
        {
            Assert.Equal(JsonValueKind.Null, q.GetProperty("question").ValueKind);
            Assert.Empty(q.GetProperty("choices").EnumerateArray());
            Assert.Equal(WebWorld.ChenNpi, q.GetProperty("physicianNpi").GetString());
        });
        Assert.Equal(reads, await PhiReadsAsync());
        Assert.Equal(7, (await PageAsync(admin, $"/api/queries?physician={WebWorld.ChenNpi}")).Queries.Count);

        using var answer = await admin.PostAsync($"/api/queries/{world.Query}/answer", new StringContent("""{"text": "left"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        using var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));
        Assert.Equal((HttpStatusCode.Forbidden, "ACCESS-ROLE-REFUSED"), (answer.StatusCode, problem.RootElement.GetProperty("code").GetString()));
        Assert.Equal("open", (await new QueryDesk(world.Store).ListByIdAsync(world.Query, Ct)).Status);
    }

    [Fact]
    public async Task A_practice_admin_of_another_practice_sees_none_of_them_and_their_physician_is_unknown()
    {
        using var admin = await world.ApiClientAsync("south-admin");

        Assert.Empty((await PageAsync(admin, "/api/queries")).Queries);
        using var named = await admin.GetAsync($"/api/queries?physician={WebWorld.ChenNpi}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, named.StatusCode);
    }
}
