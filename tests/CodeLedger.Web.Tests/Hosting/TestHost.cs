using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace CodeLedger.Web.Tests.Hosting;

/// <summary>
/// The real host (Program, through WebApplicationFactory) on a SQLite file of its own, with the
/// expiry worker's timer far away and, when asked, the tests' stand-in sign-in.
/// </summary>
public sealed class TestHost : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codeledger-web-").FullName;

    public TestHost(bool withTestSignIn = true, Action<IWebHostBuilder>? configure = null, string? database = null)
    {
        Database = database ?? Path.Combine(_folder, "web.db");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("CodeLedger:Database", Database);
            b.UseSetting("CodeLedger:QueryExpiry:IntervalSeconds", "3600");
            if (withTestSignIn)
            {
                b.ConfigureTestServices(TestSignIn.AddTo);
            }

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
            client.DefaultRequestHeaders.Add(TestSignIn.Header, user);
        }

        return client;
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
