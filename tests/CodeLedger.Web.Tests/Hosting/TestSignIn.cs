using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CodeLedger.Web.Tests.Hosting;

/// <summary>
/// A stand-in sign-in for tests of the host's plumbing only, never registered by the product: a
/// request carrying <see cref="Header"/> is signed in as that user name; any other is anonymous and
/// is challenged with an empty 401, as the real bearer scheme does. The real cookie and token
/// schemes come with the accounts work (issue 16); the authorization matrix signs in through them
/// (<see cref="MatrixSignIn"/>), not through this.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "test";

    public const string Header = "X-Test-User";

    public static void AddTo(IServiceCollection services) =>
        services.AddAuthentication(SchemeName).AddScheme<AuthenticationSchemeOptions, TestSignIn>(SchemeName, _ => { });

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers[Header].ToString() is { Length: > 0 } user
            ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], SchemeName)), SchemeName))
            : AuthenticateResult.NoResult());
}
