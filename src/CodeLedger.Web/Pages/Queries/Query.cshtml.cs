using Microsoft.AspNetCore.Authorization;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Storage.Workflow;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>
/// One query and its answer form, for the query's own physician only. Anyone else, and an id that
/// does not exist, gets the same "not found" (404), so existence does not leak. The question is
/// PHI: it appears in this page's body only, never in its URL (the id is a GUID) or a log.
/// </summary>
[Authorize]
public sealed class QueryPageModel(CodeLedgerStore store) : PageModel
{
    public QueryView? Query { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFoundPage();
        }

        try
        {
            await new QueryDesk(store).AnswerAsync(Query!.Id, Text ?? string.Empty, WebPrincipal.Of(User)!, ct);
            return Redirect($"/queries/{Query.Id}");
        }
        catch (DomainException e) when (e.Error != QueryErrors.Unknown)
        {
            Error = e.Message;
            return Page();
        }
        catch (DomainException)
        {
            return NotFoundPage();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var queryId) || WebPrincipal.Of(User) is not { Role: UserRole.Physician } principal)
        {
            return false;
        }

        try
        {
            // Through the tenant boundary: a query outside the physician's reach is "no query", and the read is ledgered (phi.read).
            Query = await new QueryDesk(store).GetAsync(queryId, principal, ct);
        }
        catch (DomainException e) when (e.Error == QueryErrors.Unknown)
        {
            Query = null;
        }

        return Query is not null;
    }

    /// <summary>The one "not found" page (status 404), for a query of someone else exactly as for no query.</summary>
    private RedirectResult NotFoundPage() => Redirect("/not-found");
}
