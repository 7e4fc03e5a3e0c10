using CodeLedger.Core.Common;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Accounts;
using CodeLedger.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CodeLedger.Web.Pages;

/// <summary>
/// The password step. A correct password of a user with a second factor leads to the code; of a
/// user whose role reads PHI and has none, to enrolment; otherwise it signs in. A wrong one says
/// only that the name or password is wrong, and counts towards the lockout.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(AccountDesk desk) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var step = await desk.SignInAsync(UserName?.Trim(), Password, ct);
            if (step.Next == SignInNext.Done)
            {
                return await SessionPages.SignInAsync(HttpContext, desk, step.Principal, ReturnUrl, ct);
            }

            await SessionPages.PendAsync(HttpContext, step.Principal.UserName, step.Next);
            return Redirect(step.Next == SignInNext.SecondFactorCode ? "/sign-in/code" : "/sign-in/enrol");
        }
        catch (DomainException e)
        {
            Error = e.Error == Core.Accounts.AccountErrors.LockedOut
                ? "This account is locked after repeated failed sign-ins. Try again later, or ask an administrator to reset the password."
                : e.Error == Core.Accounts.AccountErrors.UserDisabled ? "This account is disabled." : "Wrong user name or password.";
            return Page();
        }
    }
}
