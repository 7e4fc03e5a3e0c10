using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Intake;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Intake;

/// <summary><c>codeledger import encounters FILE --practice P --vendor V</c>: FHIR R4 Bundle (.json), FHIR NDJSON (.ndjson) or CSV (.csv).</summary>
internal static class ImportCommands
{
    public static Command Create(CliConsole console)
    {
        var import = new Command("import", "Bring data in from a practice or payer.");
        import.Subcommands.Add(Encounters(console));
        import.Subcommands.Add(Claims.ImportClaimsCommand.Create(console));
        import.Subcommands.Add(Acknowledgments.ImportAcksCommand.Create(console));
        import.Subcommands.Add(Remittances.RemitsCommands.Import(console));
        return import;
    }

    private static Command Encounters(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "a FHIR R4 Bundle (.json), FHIR NDJSON with one Bundle per line (.ndjson), or the encounter CSV (.csv)" };
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string>("--vendor") { Description = "the coding vendor's code", Required = true };
        var format = new Option<string?>("--format") { Description = "bundle, ndjson or csv (default: from the file extension)" };
        var command = new Command("encounters", "Receive encounters behind the BAA gate: refused, with nothing read or stored, unless a business associate agreement between the practice and the vendor is in force.");
        command.Arguments.Add(file);
        command.Options.Add(practice);
        command.Options.Add(vendor);
        command.Options.Add(format);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            var kind = (parse.GetValue(format) ?? Path.GetExtension(path.Name).TrimStart('.')).ToLowerInvariant() switch
            {
                "ndjson" or "jsonl" => "ndjson",
                "csv" => "csv",
                "json" or "bundle" => "bundle",
                var other => throw new CliException($"cannot tell the format of {path.Name} ('{other}'); give --format bundle, ndjson or csv"),
            };
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var intake = new EncounterIntake(store);

            // The file is opened only inside the reader, which the intake calls after the BAA gate.
            IEnumerable<EncounterSubmission> Read()
            {
                if (!path.Exists)
                {
                    throw new CliException($"{path.FullName}: file not found");
                }

                using var reader = new StreamReader(path.FullName);
                var items = kind switch
                {
                    "ndjson" => FhirEncounterReader.ReadNdjsonParallel(reader, path.Name),
                    "csv" => EncounterCsvReader.Read(reader, path.Name).ToList(),
                    _ => [.. FhirEncounterReader.ReadBundle(reader.ReadToEnd(), path.Name)],
                };
                return items;
            }

            var s = await intake.ImportAsync(parse.GetValue(practice)!, parse.GetValue(vendor)!, Read, "import:" + WorkflowCli.User(null), null, ct);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {path.Name}: {s.Read} read, {s.Received} new (primary {s.Primary}, backup {s.Backup}, uncovered {s.Uncovered}), {s.Unchanged} unchanged, {s.Corrected} corrected ({s.ClockRestarts} clock restarts){(s.Coverages > 0 ? $", {s.Coverages} coverages recorded" : string.Empty)}"));
            foreach (var warning in s.Warnings)
            {
                await console.Out.WriteLineAsync("warning: " + warning);
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
