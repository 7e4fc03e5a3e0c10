using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Assignment;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Coverage;

/// <summary><c>codeledger coverage --practice P [--json]</c> and <c>codeledger coverage map [--file F]</c>.</summary>
internal static class CoverageCommand
{
    public static Command Create(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("coverage", "Per specialty of a practice: certified coders, those available this week, credentials expiring within 60 days, and staffing risks (one qualified coder, or none).");
        command.Options.Add(practice);
        command.Options.Add(json);
        command.Subcommands.Add(Map(console));
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var rows = await new CoverageReader(store).ReportAsync(parse.GetValue(practice)!, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(new { practice = parse.GetValue(practice), specialties = rows }));
                return ExitCodes.Success;
            }

            await console.Out.WriteAsync(Text(rows));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text(IReadOnlyList<SpecialtyCoverage> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        foreach (var r in rows)
        {
            var risk = r.Risk switch { "none" => "  RISK: no qualified coder", "single" => "  RISK: a single qualified coder", _ => string.Empty };
            sb.Append(inv, $"{r.Specialty}:{risk}\n");
            sb.Append(inv, $"  certified ({r.CertifiedCoders.Count}): {string.Join(", ", r.CertifiedCoders)}\n");
            sb.Append(inv, $"  available this week ({r.AvailableThisWeek.Count}): {string.Join(", ", r.AvailableThisWeek)}\n");
            foreach (var e in r.ExpiringCredentials)
            {
                sb.Append(inv, $"  expiring: {e.Coder} {e.Credential} on {e.ExpiresOn:yyyy-MM-dd} ({e.DaysLeft} days)\n");
            }
        }

        return sb.ToString();
    }

    private static Command Map(CliConsole console)
    {
        var file = new Option<FileInfo?>("--file") { Description = "set the credential-to-specialty map from this JSON file; without it, print the map in use" };
        var command = new Command("map", "Show or set which specialties each credential qualifies a coder for ({\"credentials\": {\"CPC\": [\"family-medicine\", ...]}}).");
        command.Options.Add(file);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            if (parse.GetValue(file) is { } f)
            {
                if (!f.Exists)
                {
                    throw new CliException($"{f.FullName}: file not found");
                }

                var sha = await CredentialMaps.SetAsync(store, await File.ReadAllTextAsync(f.FullName, ct), "coverage-map:" + WorkflowCli.User(null), ct);
                await console.Out.WriteLineAsync($"credential map set (sha256 {sha})");
                return ExitCodes.Success;
            }

            await using var db = store.CreateContext();
            await console.Out.WriteLineAsync((await CredentialMaps.CurrentAsync(db, ct)).ToJson());
            return ExitCodes.Success;
        }));
        return command;
    }
}
