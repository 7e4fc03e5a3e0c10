using System.CommandLine;
using System.Runtime.CompilerServices;
using CodeLedger.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeLedger.Cli.Web;

/// <summary>
/// <c>codeledger serve [--urls URL] [--db DB]</c>: the web host of <c>src/CodeLedger.Web</c>, the
/// same one its Program.cs runs (<see cref="CodeLedgerWebApp.Create"/>), on the database every
/// other command uses. ASP.NET Core is loaded only when the command runs: building the command
/// tree (<c>--help</c>, and every other command) touches no type of the web host, so the
/// commands people wait for start as fast as before (docs/PERFORMANCE.md, "Command latency").
/// </summary>
internal static class ServeCommand
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = $"where to listen, ';'-separated (default {DefaultUrls}: this machine only)", DefaultValueFactory = _ => DefaultUrls };
        var command = new Command("serve", "Run the web host (JSON API, OpenAPI at /openapi/v1.json, API reference at /scalar) until Ctrl+C.");
        command.Options.Add(urls);
        command.SetAction((parse, ct) => RunAsync(console, CommonOptions.ResolveDb(parse), parse.GetValue(urls)!, ct));
        return command;
    }

    // Not inlined into the action: the JIT would then resolve the web host's types while compiling
    // the lambda, and load ASP.NET Core for a command that never serves.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunAsync(CliConsole console, string db, string urls, CancellationToken ct)
    {
        // The database goes in as the host's own command line: the services read it while they are
        // registered, before a configure callback runs (setting it there served ./codeledger.db).
        await using var app = CodeLedgerWebApp.Create(["--urls", urls, "--CodeLedger:Database", db], builder =>
            builder.Services.AddSingleton(console.Time));
        await app.StartAsync(ct);
        await console.Out.WriteLineAsync($"codeledger: serving {string.Join(", ", app.Urls)} on {app.Services.GetRequiredService<CodeLedger.Storage.CodeLedgerStore>().Location.Provider.ToString().ToLowerInvariant()}; Ctrl+C stops");
        // Ctrl+C and SIGTERM reach the host's own console lifetime, which stops it; the command's
        // token (cancelled by System.CommandLine on the same signals) stops it too. Either way the
        // host stops accepting and finishes what is in flight.
        await app.WaitForShutdownAsync(ct);
        return ExitCodes.Success;
    }
}
