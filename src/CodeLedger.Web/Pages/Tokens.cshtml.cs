using Microsoft.AspNetCore.Authorization;
using CodeLedger.Core.Common;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>A user's own personal access tokens: create (shown once, on this response only), list by prefix, revoke.</summary>
[Authorize]
public sealed class TokensModel(AccountDesk desk, TimeProvider time) : PageModel
{
    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];

    public IssuedToken? Issued { get; private set; }

    public string? Error { get; private set; }

    public int MaxDays => (int)desk.Policy.TokenMaxLife.TotalDays;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Days { get; set; }

    [BindProperty]
    public Guid Id { get; set; }

    private string Me => WebPrincipal.Of(User)!.UserName;

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await desk.ListTokensAsync(Me, ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        try
        {
            Issued = await desk.IssueTokenAsync(Me, Me, Name, time.GetUtcNow().AddDays(Days), ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
        }

        // The token is in this response's body only: no redirect, so it is never in a URL or a later page.
        Response.Headers.CacheControl = "no-store";
        Tokens = await desk.ListTokensAsync(Me, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        try
        {
            await desk.RevokeTokenAsync(Me, Me, Id.ToString(), ct);
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Tokens = await desk.ListTokensAsync(Me, ct);
            return Page();
        }

        return Redirect("/tokens");
    }
}
