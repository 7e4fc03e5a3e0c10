using System.CommandLine;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Sla;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Cli.Ledger;

/// <summary>
/// <c>codeledger ledger replay --file ledger.jsonl --report sla --practice P --month M [--vendor V] [--json]</c>:
/// a figure recomputed from an export alone, with no database, by the same Core calculation the
/// database's own report uses. The export's chain is checked first: a figure from a broken chain means nothing.
/// </summary>
internal static class LedgerReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "the ledger export (JSON lines, `ledger export`)", Required = true };
        var report = new Option<string>("--report") { Description = "the figure to recompute: sla", Required = true };
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string?>("--vendor") { Description = "the coding vendor's code; required when the practice has contracts with more than one vendor in force in the month" };
        var month = new Option<string>("--month") { Description = "the month (YYYY-MM)", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("replay", "Recompute a report from a ledger export alone, without the database (today: --report sla, the same output as `codeledger sla`).");
        foreach (var option in new Option[] { file, report, practice, vendor, month, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var monthText = parse.GetValue(month)!;
            if (!SlaMonth.TryParse(monthText, out _))
            {
                throw new CliException($"--month '{monthText}' is not YYYY-MM");
            }

            var name = parse.GetValue(report)!;
            if (name != "sla")
            {
                throw new DomainException(LedgerErrors.UnknownReport, $"--report '{name}' is not a report replay computes (sla)");
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliException($"{path.FullName}: file not found");
            }

            using (var chain = new StreamReader(path.FullName))
            {
                var verification = LedgerExport.Verify(chain);
                if (!verification.IsIntact)
                {
                    var where = verification.FailedLine is { } line ? $" (line {line})" : string.Empty;
                    await console.Out.WriteLineAsync($"BROKEN at sequence {verification.FailedSequence}{where}: {verification.Reason}");
                    return ExitCodes.CheckFailed;
                }
            }

            ReplayedState state;
            using (var reader = new StreamReader(path.FullName))
            {
                state = ReadExport(reader, path.FullName);
            }

            var result = ReplayedSla.Report(state, parse.GetValue(practice)!, parse.GetValue(vendor), monthText);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(result) + "\n" : SlaCommand.Text(parse.GetValue(practice)!, result));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>Replays an export line by line; a line that does not read is named with the file and its line number.</summary>
    public static ReplayedState ReadExport(TextReader reader, string fileName)
    {
        var state = new ReplayedState();
        long lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            if (!LedgerExport.TryParseLine(line, out var entry, out var error))
            {
                throw new CliException($"{fileName} line {lineNumber}: {error}");
            }

            state.Apply(entry);
        }

        return state;
    }
}
