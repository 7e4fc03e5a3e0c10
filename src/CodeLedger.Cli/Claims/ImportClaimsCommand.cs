using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Storage.Claims;

namespace CodeLedger.Cli.Claims;

/// <summary>
/// <c>codeledger import claims FILE.837 --practice P --vendor V [--as USER] [--json]</c>: the
/// practice loads its vendor's coded claims (837P) against the encounters it imported, as the
/// vendor's coding of record (docs/CLAIMS-IMPORT.md). All or nothing; the same file again changes nothing.
/// </summary>
internal static class ImportClaimsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the vendor's 837P (X12 005010X222A1)" };
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string>("--vendor") { Description = "the coding vendor's code", Required = true };
        var asUser = new Option<string?>("--as") { Description = "a practice admin or auditor of the practice (default $CODELEDGER_USER or the login name)" };
        var json = CommonOptions.Json();
        var command = new Command("claims", "Load a vendor's coded 837P as its coding of record for encounters the practice imported: every claim must match (CLM01 = encounter id, DTP*472 = date of service, NPI of the practice) or nothing is stored.");
        command.Arguments.Add(file);
        command.Options.Add(practice);
        command.Options.Add(vendor);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
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
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), Core.Accounts.AccountRules.ImportVendorClaims, "importing a vendor's claims", ct);
            var s = await new VendorClaimImport(store).ImportAsync(parse.GetValue(practice)!, parse.GetValue(vendor)!, principal, path.Name, bytes, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(s));
            }
            else if (s.NewVersions == 0)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.FileName} (sha256 {s.Sha256[..12]}): {s.Claims} claims read; nothing changed: every claim's coding is already the vendor's latest of record"));
            }
            else
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"imported {s.FileName} (sha256 {s.Sha256[..12]}): {s.Claims} claims read, {s.NewVersions} new vendor coding versions, {s.Unchanged} unchanged"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
