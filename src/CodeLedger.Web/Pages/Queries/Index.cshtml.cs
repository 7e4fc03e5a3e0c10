using Microsoft.AspNetCore.Authorization;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>A physician's inbox: their open queries with due times, then the answered and expired ones. Other roles get "not found".</summary>
[Authorize]
public sealed class QueryInboxModel(CodeLedgerStore store) : PageModel
{
    public IReadOnlyList<QueryView> Open { get; private set; } = [];

    public IReadOnlyList<QueryView> Closed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (WebPrincipal.Of(User) is not { Role: UserRole.Physician } principal)
        {
            return Redirect("/not-found");
        }

        // Through the tenant boundary: the physician's own queries, each read ledgered (phi.read).
        var all = await new QueryDesk(store).ListAsync(principal, ct);
        Open = [.. all.Where(q => q.Status == "open").OrderBy(q => q.DueAt, StringComparer.Ordinal)];
        Closed = [.. all.Where(q => q.Status != "open").OrderByDescending(q => q.ClosedAt, StringComparer.Ordinal)];
        return Page();
    }
}
