using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage.Billing;

namespace CodeLedger.Cli.Billing;

/// <summary>
/// <c>codeledger fees import FILE.csv --practice P [--effective YYYY-MM-DD] [--as USER] [--json]</c>
/// and <c>codeledger fees list --practice P [--as USER] [--json]</c>: the practice's chargemaster,
/// in effective-dated versions (docs/BILLING.md). All or nothing; the same file again changes nothing.
/// </summary>
internal static class FeesCommands
{
    public static Command Create(CliConsole console)
    {
        var fees = new Command("fees", "the practice's fee schedule (chargemaster): the charges claims are priced from");
        fees.Subcommands.Add(Import(console));
        fees.Subcommands.Add(List(console));
        return fees;
    }

    private static Command Import(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with the header code,modifier,charge (docs/BILLING.md)" };
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var effective = new Option<string?>("--effective") { Description = "the first date of service the version prices, YYYY-MM-DD (default: today, UTC)" };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin (default $CODELEDGER_USER or the login name)" };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import a version of the practice's fee schedule: every line checked, one bad line refuses the file; the same content as the version in force changes nothing.");
        command.Arguments.Add(file);
        command.Options.Add(practice);
        command.Options.Add(effective);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            DateOnly? from = null;
            if (parse.GetValue(effective) is { } text)
            {
                from = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new CliException($"--effective must be a date like 2026-01-01, not '{text}'");
            }

            var path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path.Name}: {e.Message}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ManageFees, "importing a fee schedule", ct);
            var s = await new FeeScheduleDesk(store).ImportAsync(parse.GetValue(practice)!, principal, path.Name, bytes, from, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(s));
            }
            else if (!s.Imported)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.FileName} (sha256 {s.Sha256[..12]}): {s.Fees} fees read; nothing changed: practice {s.Practice}'s fee schedule in force on {s.EffectiveOn:yyyy-MM-dd} (effective {s.InForceSince:yyyy-MM-dd}) is already this file"));
            }
            else
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"imported {s.FileName} (sha256 {s.Sha256[..12]}): {s.Fees} fees for practice {s.Practice}, effective {s.EffectiveOn:yyyy-MM-dd}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it (default $CODELEDGER_USER or the login name)" };
        var json = CommonOptions.Json();
        var command = new Command("list", "List the practice's fee schedule versions, newest first, with every fee.");
        command.Options.Add(practice);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ReadFees, "reading a fee schedule", ct);
            var versions = await new FeeScheduleDesk(store).ListAsync(parse.GetValue(practice)!, principal, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(versions.Select(v => new
                {
                    effectiveOn = v.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    v.FileName, v.Sha256, importedAt = Core.Common.Instants.Format(v.ImportedAt), v.ImportedBy,
                    fees = v.Fees.Select(f => new { code = f.Code.Value, modifier = f.Modifier?.Value, charge = f.Charge.ToString() }),
                })));
                return ExitCodes.Success;
            }

            if (versions.Count == 0)
            {
                await console.Out.WriteLineAsync($"practice {parse.GetValue(practice)!.Trim()} has no fee schedule yet (codeledger fees import)");
                return ExitCodes.Success;
            }

            foreach (var v in versions)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"effective {v.EffectiveOn:yyyy-MM-dd}: {v.Fees.Count} fees from {v.FileName} (sha256 {v.Sha256[..12]}), imported {Core.Common.Instants.Format(v.ImportedAt)} by {v.ImportedBy}"));
                foreach (var f in v.Fees)
                {
                    await console.Out.WriteLineAsync($"  {f.Key,-10} {f.Charge,10}");
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
