using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>Signing out is a POST (with the anti-forgery token), so a link on another site cannot sign anyone out.</summary>
[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAccounts.Cookie);
        await HttpContext.SignOutAsync(WebAccounts.Pending);
        return Page();
    }
}
