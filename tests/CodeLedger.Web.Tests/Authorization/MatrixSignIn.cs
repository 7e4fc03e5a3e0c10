using System.Net.Http.Headers;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Tests.Hosting;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>
/// How the matrix signs in as a role of a tenant: a user created for the role in the tenant's
/// vendor or practice (a coder or lead linked to the tenant's coder, a physician to its physician,
/// an auditor of the practice itself), through the same account desk as <c>users add</c>, and a
/// personal access token of that user on every request.
/// </summary>
public static class MatrixSignIn
{
    public const string Pending = "no sign-in for the matrix";

    public static Func<TestHost, MatrixTenant, UserRole, CancellationToken, Task<HttpClient>>? SignIn { get; } = SignInAsync;

    private static async Task<HttpClient> SignInAsync(TestHost host, MatrixTenant tenant, UserRole role, CancellationToken ct)
    {
        var store = await CodeLedgerStore.OpenAsync(host.Database, TimeProvider.System, ct);
        var accounts = new AccountDesk(store);
        var name = $"{role.Name()}-{tenant.Name.ToLowerInvariant()}";
        var spec = role switch
        {
            UserRole.VendorAdmin => new UserSpec(name, name, null, tenant.Vendor.Code, role.Name()),
            UserRole.CodingLead or UserRole.Coder => new UserSpec(name, name, null, tenant.Vendor.Code, role.Name(), CoderUserName: tenant.Coder.UserName),
            UserRole.Physician => new UserSpec(name, name, null, tenant.Practice.Code, role.Name(), PhysicianNpi: tenant.Physician.Npi.Value),
            _ => new UserSpec(name, name, null, tenant.Practice.Code, role.Name()),
        };
        await accounts.ApplyAsync("matrix-setup", spec, ct);
        var token = await accounts.IssueTokenAsync("matrix-setup", name, "matrix", store.Time.GetUtcNow().AddDays(1), ct);
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return client;
    }
}
