using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>
/// Enrolment, shown after a correct password when the role needs a second factor the user does not
/// have: the key (shown again on reload until it is proven), then a code from the app signs in.
/// </summary>
[AllowAnonymous]
public sealed class SignInEnrolModel(AccountDesk desk) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Key { get; private set; }

    public string? Uri { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await SessionPages.PendingAsync(HttpContext) is not { Next: SignInNext.SecondFactorEnrolment } pending)
        {
            return Redirect("/sign-in");
        }

        await ShowKeyAsync(pending.UserName, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await SessionPages.PendingAsync(HttpContext) is not { Next: SignInNext.SecondFactorEnrolment } pending)
        {
            return Redirect("/sign-in");
        }

        try
        {
            await desk.ConfirmSecondFactorAsync(pending.UserName, Code, ct);
            var principal = await desk.ResolveAsync(pending.UserName, ct: ct);
            return await SessionPages.SignInAsync(HttpContext, desk, principal, null, ct);
        }
        catch (DomainException)
        {
            Error = "That code does not match the key. Enter the current code.";
            await ShowKeyAsync(pending.UserName, ct);
            return Page();
        }
    }

    private async Task ShowKeyAsync(string userName, CancellationToken ct)
    {
        var key = await desk.StartSecondFactorAsync(userName, ct);
        Key = Base32.Encode(key);
        Uri = Totp.Uri("CodeLedger", userName, key);
    }
}
