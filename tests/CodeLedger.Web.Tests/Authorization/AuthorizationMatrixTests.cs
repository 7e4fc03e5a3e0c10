using System.Net;
using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>
/// Every endpoint of the running host × anonymous and every role × own and other tenant. The
/// endpoints are read from the host itself (EndpointDataSource), so an endpoint added without an
/// authorization policy, or without a row in <see cref="MatrixRequests"/>, fails here. Each request
/// is checked for its status and for what it changed: nothing, unless the role may do it to its own
/// tenant's record.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IReadOnlyList<RouteEndpoint> Endpoints(TestHost host)
    {
        using var _ = host.Client();
        return [.. host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    }

    /// <summary>Where a redirect sends, without host or query (the cookie handler writes absolute addresses, pages relative ones).</summary>
    private static string? PathOf(Uri? location) => location is { IsAbsoluteUri: true } ? location.AbsolutePath : location?.OriginalString.Split('?')[0];

    private static bool IsAnonymous(RouteEndpoint e) => e.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    [Fact]
    public void Every_endpoint_names_its_authorization_or_is_on_the_short_anonymous_list()
    {
        using var host = new TestHost();

        var unnamed = Endpoints(host)
            .Where(e => IsAnonymous(e) ? !CodeLedgerWebApp.AnonymousPaths.Contains("/" + e.RoutePattern.RawText?.TrimStart('/')) : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(e => e.DisplayName);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Every_endpoint_has_a_row_in_the_matrix_and_every_row_an_endpoint()
    {
        using var host = new TestHost();

        var mapped = Endpoints(host).SelectMany(MatrixRequests.Keys).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(MatrixRequests.Rows.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(MatrixRequests.Rows.Keys.Except(mapped).Order(StringComparer.Ordinal));
        Assert.All(MatrixRequests.Rows.Values, row => Assert.Equal(Enum.GetValues<UserRole>().Length, row.Own.Count));
    }

    [Fact]
    public async Task Anonymous_gets_a_coded_401_from_every_endpoint_but_the_anonymous_ones_and_changes_nothing()
    {
        using var host = new TestHost();
        var world = await MatrixWorld.CreateAsync(host.Database, Ct);
        using var anonymous = host.Client();
        var before = await SnapshotAsync(host);

        foreach (var key in Endpoints(host).SelectMany(MatrixRequests.Keys).Distinct())
        {
            foreach (var tenant in new[] { world.A, world.B })
            {
                using var response = await anonymous.SendAsync(MatrixRequests.Rows[key].Request(tenant), Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (CodeLedgerWebApp.AnonymousPaths.Any(p => key.EndsWith(" " + p, StringComparison.Ordinal)))
                {
                    // Open to anyone: the page, or its next step sending back to the first (sign-in without a password yet).
                    Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Redirect, $"{key}: {response.StatusCode}");
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Redirect)
                {
                    // A page, or the API reference a browser opens: sent to sign in, and nothing else said.
                    Assert.Equal("/sign-in", PathOf(response.Headers.Location));
                    Assert.True(MatrixRequests.Rows[key].Page || key.Contains("/scalar", StringComparison.Ordinal) || key.Contains("/openapi", StringComparison.Ordinal), $"{key}: a redirect to sign-in where a coded 401 belongs");
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key}: {response.StatusCode} {body}");
                Assert.Contains(JsonDocument.Parse(body).RootElement.GetProperty("code").GetString(), new[] { "SIGN-IN-REQUIRED", "REQUEST-UNAUTHENTICATED" });
                Assert.DoesNotContain(tenant.Physician.Name, body, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await SnapshotAsync(host));
    }

    public static TheoryData<string, bool> RolesAndTenants()
    {
        var data = new TheoryData<string, bool>();
        foreach (var role in UserRoles.All)
        {
            data.Add(role, true);
            data.Add(role, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndTenants))]
    public async Task A_role_gets_what_the_matrix_says_on_its_own_tenant_and_404_on_the_other(string roleName, bool ownTenant)
    {
        Assert.SkipWhen(MatrixSignIn.SignIn is null, MatrixSignIn.Pending);
        Assert.True(UserRoles.TryParse(roleName, out var role));
        using var host = new TestHost();
        var world = await MatrixWorld.CreateAsync(host.Database, Ct);
        using var client = await MatrixSignIn.SignIn!(host, world.A, role, Ct);
        var target = ownTenant ? world.A : world.B;

        foreach (var (key, row) in MatrixRequests.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var before = await SnapshotAsync(host);
            var expected = row.TenantFree || ownTenant ? row.Own[role] : Outcome.NotFound;

            using var response = await client.SendAsync(row.Request(target), Ct);

            var body = await response.Content.ReadAsStringAsync(Ct);
            var status = expected switch
            {
                Outcome.Allowed => response.IsSuccessStatusCode,
                Outcome.Refused => response.StatusCode == HttpStatusCode.Forbidden,
                Outcome.Redirect => response.StatusCode == HttpStatusCode.Redirect,
                // A page refuses by sending to the one "not found" page, exactly as for a record that does not exist.
                _ when row.Page => response.StatusCode == HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && PathOf(response.Headers.Location) == "/not-found"),
                _ => response.StatusCode == HttpStatusCode.NotFound,
            };
            Assert.True(status, $"{roleName} on {(ownTenant ? "own" : "other")} tenant, {key}: expected {expected}, got {(int)response.StatusCode} {body}");
            if (expected != Outcome.Allowed)
            {
                Assert.Equal(before, await SnapshotAsync(host));
                Assert.DoesNotContain(target.Physician.Name, body, StringComparison.Ordinal);
                if (!ownTenant || expected != Outcome.Refused)
                {
                    // A refusal to a party of its own tenant's record may name the practice's encounter id (not PHI; AUDIT-BLIND does, to say which);
                    // nothing else names it.
                    Assert.DoesNotContain(target.EncounterId, body, StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>What a request could change: the ledger's length and head, and every query's status.</summary>
    private static async Task<string> SnapshotAsync(TestHost host)
    {
        var store = await CodeLedgerStore.OpenAsync(host.Database, TimeProvider.System, Ct);
        var ledger = new List<string>();
        await foreach (var entry in store.ReadLedgerAsync(Ct))
        {
            ledger.Add(entry.Hash);
        }

        await using var db = store.CreateContext();
        var statuses = await db.Set<DocumentationQuery>().OrderBy(q => q.Id).Select(q => q.Status).ToListAsync(Ct);
        return $"{ledger.Count} {ledger.LastOrDefault()} {string.Join(",", statuses)}";
    }
}
