using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Web.Tests.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CodeLedger.Web.Tests.Hosting;

/// <summary>
/// The real host (Program, through WebApplicationFactory) on a SQLite file of its own, with the
/// expiry worker's timer far away. A client asked for with a user name is signed in for real: the
/// user is a vendor admin of a tenant of its own ("T"), with a personal access token on every request.
/// </summary>
public sealed class TestHost : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeledger-web-").FullName;

    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);

    private MatrixTenant? _tenant;

    public TestHost(Action<IWebHostBuilder>? configure = null, string? database = null)
    {
        Database = database ?? Path.Combine(_folder, "web.db");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("CodeLedger:Database", Database);
            b.UseSetting("CodeLedger:QueryExpiry:IntervalSeconds", "3600");
            configure?.Invoke(b);
        });
    }

    public string Database { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client(string? user = null)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.GetOrAdd(user, u => TokenAsync(u).GetAwaiter().GetResult()));
        }

        return client;
    }

    private async Task<string> TokenAsync(string user)
    {
        var store = await CodeLedgerStore.OpenAsync(Database, TimeProvider.System, CancellationToken.None);
        _tenant ??= await MatrixWorld.TenantAsync(store, "T", "1245319599", CancellationToken.None);
        var accounts = new AccountDesk(store);
        await accounts.ApplyAsync("test-setup", new UserSpec(user, user, null, _tenant.Vendor.Code, "vendor-admin"));
        return (await accounts.IssueTokenAsync("test-setup", user, "test", store.Time.GetUtcNow().AddDays(1))).Token;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
