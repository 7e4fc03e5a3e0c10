using Microsoft.AspNetCore.Authorization;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Queries;
using Microsoft.AspNetCore.WebUtilities;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>
/// A physician's inbox: a page of their open queries by due time, then a page of the answered and
/// expired ones, each with a "next" link when more follow (<see cref="QueryPaging"/>: 50 a page,
/// the cursor stable while queries are answered). Other roles get "not found".
/// </summary>
[Authorize]
public sealed class QueryInboxModel(CodeLedgerStore store) : PageModel
{
    public IReadOnlyList<QueryView> Open { get; private set; } = [];

    public IReadOnlyList<QueryView> Closed { get; private set; } = [];

    /// <summary>The link to the next page of open queries, or null on the last.</summary>
    public string? NextOpen { get; private set; }

    /// <summary>The link to the next page of closed queries, or null on the last.</summary>
    public string? NextClosed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? after, string? closedAfter, CancellationToken ct)
    {
        if (WebPrincipal.Of(User) is not { Role: UserRole.Physician, PhysicianNpi: { } npi } principal)
        {
            return Redirect("/not-found");
        }

        // A cursor no page wrote is the first page again, not an error page: the link was edited or stale.
        var openPaging = QueryPaging.TryParse(null, after, "open", out var p1, out _, out _) ? p1 : QueryPaging.Of(QueryPaging.DefaultLimit, null, QueryListStatus.Open);
        var closedPaging = QueryPaging.TryParse(null, closedAfter, "closed", out var p2, out _, out _) ? p2 : QueryPaging.Of(QueryPaging.DefaultLimit, null, QueryListStatus.Closed);

        // Through the tenant boundary: the physician's own queries, each shown read ledgered (phi.read).
        var desk = new QueryDesk(store);
        var open = await desk.ListAsync(principal, Core.Codes.Npi.Parse(npi), openPaging, ct);
        var closed = await desk.ListAsync(principal, Core.Codes.Npi.Parse(npi), closedPaging, ct);
        (Open, Closed) = (open.Queries, closed.Queries);
        NextOpen = open.Next is { } o ? QueryHelpers.AddQueryString("/queries", new Dictionary<string, string?> { ["after"] = o, ["closedAfter"] = closedAfter }.Where(kv => kv.Value is not null)) : null;
        NextClosed = closed.Next is { } c ? QueryHelpers.AddQueryString("/queries", new Dictionary<string, string?> { ["after"] = after, ["closedAfter"] = c }.Where(kv => kv.Value is not null)) : null;
        return Page();
    }
}
