using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.CodeSets;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Coding;

/// <summary>
/// <c>codeledger code ENCOUNTER --file coding.json [--as CODER] [--override REASON]</c>. The edit
/// engine checks against what <see cref="Core.CodeSets.EditCodeSets"/> chooses (the releases imported
/// into the database, or the starter set when there are none), and says which.
/// Exit 0 when the coding is final or held for an open query; 1 when edit errors block it.
/// </summary>
internal static class CodeCommand
{
    public static Command Create(CliConsole console)
    {
        var encounter = new Argument<string>("ENCOUNTER") { Description = "the encounter's id, or the practice's external id" };
        var file = new Option<FileInfo>("--file") { Description = "the coding (JSON: diagnoses and service lines; see docs/WORKFLOW.md)", Required = true };
        var asCoder = new Option<string?>("--as") { Description = "the coder's user name (default $CODELEDGER_USER or the login name); a coder or coding-lead user" };
        var reason = new Option<string?>("--override") { Description = "a lead's recorded reason to finalize despite edit errors" };
        var json = CommonOptions.Json();
        var command = new Command("code", "Submit coding for an encounter: the edit engine runs, errors block finalization unless a lead overrides, warnings are shown; every version is kept.");
        command.Arguments.Add(encounter);
        command.Options.Add(file);
        command.Options.Add(asCoder);
        command.Options.Add(reason);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: file not found");
            }

            var coding = CodingSubmission.Parse(await File.ReadAllTextAsync(path.FullName, ct));
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var codeSets = await CodeSetCatalog.LoadForEditsAsync(store, ct);
            var coder = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asCoder), Core.Accounts.AccountRules.Coding, "coding", ct);
            var desk = new CodingDesk(store, new ClaimEditor(codeSets.Library));
            var outcome = await desk.SubmitAsync(parse.GetValue(encounter)!, coding, coder, parse.GetValue(reason), ct);
            if (parse.GetValue(json))
            {
                // Standard output stays the outcome's JSON alone.
                await console.Error.WriteLineAsync("codeledger: " + codeSets.Statement);
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(outcome));
            }
            else
            {
                await console.Out.WriteLineAsync(codeSets.Statement);
                await console.Out.WriteAsync(Text(outcome));
            }

            return outcome.WaitingFor == WaitingFor.EditErrors ? ExitCodes.CheckFailed : ExitCodes.Success;
        }));
        return command;
    }

    private static string Text(CodingOutcome o)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        foreach (var f in o.Findings.OrderBy(f => f.Severity).ThenBy(f => f.Line ?? 0))
        {
            var where = f.Line is { } l ? string.Create(inv, $" line {l}") : string.Empty;
            sb.Append(inv, $"{(f.Severity == EditSeverity.Error ? "ERROR" : "WARNING")} {f.Rule}{where} [{string.Join(" ", f.Codes)}]: {f.Message}\n");
        }

        sb.Append(o.WaitingFor switch
        {
            null when o.Overridden => string.Create(inv, $"{o.ExternalId}: version {o.Version} finalized by lead override\n"),
            null => string.Create(inv, $"{o.ExternalId}: version {o.Version} finalized\n"),
            WaitingFor.OpenQuery => string.Create(inv, $"{o.ExternalId}: version {o.Version} kept; held until the open documentation query is answered or expires\n"),
            _ => string.Create(inv, $"{o.ExternalId}: version {o.Version} kept, not finalized: fix the errors, or a lead finalizes with --override REASON\n"),
        });
        return sb.ToString();
    }
}
