using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CodeLedger.Cli.Tests.Web;

/// <summary>
/// <c>codeledger serve</c> is the web host of src/CodeLedger.Web on the command's database, run as a
/// real process and stopped the way a service manager stops it (SIGTERM). The rest of the command
/// line does not pay for it: building and running another command loads no ASP.NET Core assembly.
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("codeledger-serve-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    [Fact]
    public void Help_and_other_commands_do_not_load_the_web_host()
    {
        var help = CliRun.Of("--help");
        var serveHelp = CliRun.Of("serve", "--help");

        Assert.Equal((0, 0), (help.ExitCode, serveHelp.ExitCode));
        Assert.Contains("serve", help.Out, StringComparison.Ordinal);
        Assert.Contains("--urls", serveHelp.Out, StringComparison.Ordinal);
        // The web host is CodeLedger.Web and ASP.NET Core's hosting, server and routing. Identity's
        // EF Core store and its password hashing carry the Microsoft.AspNetCore prefix too, but they
        // are libraries of the database context (users live in the same database), loaded by any
        // test of this process that touches an account.
        string[] webHost = ["CodeLedger.Web", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Mvc"];
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name is { } name
            && webHost.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Serve_runs_the_web_host_closed_by_default_and_stops_cleanly_on_sigterm()
    {
        var port = FreePort();
        var db = Path.Combine(folder, "serve.db");
        var token = await AdminTokenAsync(db);
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // Run elsewhere than the database: a host that ignored --db would open ./codeledger.db here.
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(folder, "cwd")).FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "codeledger.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--db", db })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("CODELEDGER_DB");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var health = await UntilUpAsync(http, process);
            var anonymous = await http.GetAsync("/api/queries?physician=1234567893", Ct);
            using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/api/queries");
            signedIn.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var served = await http.SendAsync(signedIn, Ct);

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Contains("sqlite", await health.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("DENY", anonymous.Headers.GetValues("X-Frame-Options").Single());
            // The token exists only in the database --db names: past the door, the admin is asked which physician.
            Assert.Equal(HttpStatusCode.BadRequest, served.StatusCode);
            Assert.False(File.Exists(Path.Combine(folder, "cwd", "codeledger.db")));
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(Ct);
            await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        Assert.Contains($"serving http://127.0.0.1:{port}", await output, StringComparison.Ordinal);
    }

    /// <summary>A vendor admin of a fresh vendor in <paramref name="db"/>, and a token of theirs.</summary>
    private static async Task<string> AdminTokenAsync(string db)
    {
        var store = await Storage.CodeLedgerStore.OpenAsync(db, TimeProvider.System, Ct);
        var vendor = new Core.Organizations.Organization(Guid.NewGuid(), "SERVE-VENDOR", "Serve Vendor", Core.Organizations.OrganizationKind.CodingVendor);
        await store.WriteAsync("test-setup", (context, ledger) =>
        {
            context.Add(vendor);
            ledger.Append(vendor.Code, new Core.Ledger.Events.OrganizationRegistered(vendor.Id, vendor.Name, vendor.Kind));
            return Task.CompletedTask;
        }, Ct);
        var accounts = new Storage.Accounts.AccountDesk(store);
        await accounts.ApplyAsync("test-setup", new("serve-admin", "Serve Admin", null, vendor.Code, "vendor-admin"), Ct);
        var token = (await accounts.IssueTokenAsync("test-setup", "serve-admin", "test", store.Time.GetUtcNow().AddDays(1), Ct)).Token;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return token;
    }

    private static async Task<HttpResponseMessage> UntilUpAsync(HttpClient http, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            Assert.False(process.HasExited, "serve exited before it answered");
            try
            {
                return await http.GetAsync("/health", Ct);
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
