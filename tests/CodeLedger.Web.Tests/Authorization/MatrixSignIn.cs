using CodeLedger.Core.Accounts;
using CodeLedger.Web.Tests.Hosting;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>
/// How the matrix signs in as a role of a tenant: the one thing the matrix needs from the accounts
/// work (users with roles and organizations, cookie and token schemes). Until it is merged there
/// is no real sign-in and the role × tenant cases skip, saying so. To switch them on, return a
/// client signed in (a bearer token of a user created for <paramref name="role"/> in
/// <paramref name="tenant"/>'s vendor or practice, linked to its coder or physician) from
/// <see cref="SignIn"/>; nothing else in the matrix changes.
/// </summary>
public static class MatrixSignIn
{
    public const string Pending = "sign-in as a role arrives with the accounts work of issue 16: MatrixSignIn.SignInAsync supplies it";

    /// <summary>Signs in as a role of a tenant; null until the accounts work supplies it.</summary>
    public static Func<TestHost, MatrixTenant, UserRole, CancellationToken, Task<HttpClient>>? SignIn { get; }
}
