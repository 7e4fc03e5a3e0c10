using System.Security.Claims;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CodeLedger.Web.Pages;

/// <summary>The sign-in steps' shared moves: the pending cookie between password and code, and the session itself.</summary>
internal static class SessionPages
{
    private const string NextClaim = "codeledger:next";

    public static Task PendAsync(HttpContext http, string userName, SignInNext next) =>
        http.SignInAsync(WebAccounts.Pending, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(NextClaim, next.ToString())], WebAccounts.Pending)));

    /// <summary>The user whose password was just accepted and the step they are at, or null (no pending sign-in, or it expired).</summary>
    public static async Task<(string UserName, SignInNext Next)?> PendingAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(WebAccounts.Pending);
        return result.Succeeded && result.Principal.Identity?.Name is { } name && Enum.TryParse<SignInNext>(result.Principal.FindFirst(NextClaim)?.Value, out var next)
            ? (name, next) : null;
    }

    public static async Task<IActionResult> SignInAsync(HttpContext http, AccountDesk desk, Principal principal, string? returnUrl, CancellationToken ct)
    {
        var stamp = await desk.StampAsync(principal.UserName, ct);
        await http.SignOutAsync(WebAccounts.Pending);
        await http.SignInAsync(WebAccounts.Cookie, WebAccounts.Claims(principal, WebAccounts.Cookie, stamp));

        // Only a local path: a sign-in link must not send the user to another site.
        var home = principal.Role == UserRole.Physician ? "/queries" : "/tokens";
        return new RedirectResult(returnUrl is { Length: > 1 } r && r[0] == '/' && r[1] != '/' && r[1] != '\\' ? r : home);
    }
}
