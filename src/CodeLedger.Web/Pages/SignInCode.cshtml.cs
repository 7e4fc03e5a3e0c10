using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CodeLedger.Web.Pages;

/// <summary>The code step: only after a correct password (the pending cookie); a wrong code counts towards the lockout.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(AccountDesk desk) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await SessionPages.PendingAsync(HttpContext) is { Next: SignInNext.SecondFactorCode } ? Page() : Redirect("/sign-in");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await SessionPages.PendingAsync(HttpContext) is not { Next: SignInNext.SecondFactorCode } pending)
        {
            return Redirect("/sign-in");
        }

        try
        {
            var principal = await desk.VerifySecondFactorAsync(pending.UserName, Code, ct);
            return await SessionPages.SignInAsync(HttpContext, desk, principal, null, ct);
        }
        catch (DomainException e)
        {
            Error = e.Error == AccountErrors.LockedOut ? "This account is locked after repeated failed attempts." : "That code is not valid. Enter the current code.";
            return Page();
        }
    }
}
