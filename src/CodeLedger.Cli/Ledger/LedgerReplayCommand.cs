using System.CommandLine;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Sla;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Turnaround;

namespace CodeLedger.Cli.Ledger;

/// <summary>
/// <c>codeledger ledger replay --file ledger.jsonl --report sla|monthly --practice P --month M [--vendor V] [--json]</c>:
/// a figure recomputed from an export alone, with no database, by the same Core calculation the
/// database's own report uses. The export's chain is checked first: a figure from a broken chain means nothing.
/// </summary>
internal static class LedgerReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Option<FileInfo>("--file") { Description = "the ledger export (JSON lines, `ledger export`)", Required = true };
        var report = new Option<string?>("--report") { Description = "the figure to recompute: sla, audit, monthly or denials; without it, the export is only replayed and every event that contradicts the state before it is named" };
        var practice = new Option<string?>("--practice") { Description = "the practice's code (with --report sla, monthly or denials)" };
        var vendor = new Option<string?>("--vendor") { Description = "the coding vendor's code; required when the practice has contracts with more than one vendor in force in the month" };
        var month = new Option<string?>("--month") { Description = "the month (YYYY-MM, with --report sla, monthly or denials)" };
        var auditId = new Option<string?>("--audit") { Description = "the audit's id (with --report audit: the same report as `audit report AUDIT`)" };
        var codeSets = new Option<DirectoryInfo?>("--code-sets") { Description = "with --report monthly: a folder of the code-set files the ledger imported (matched by SHA-256; the starter set is built in)" };
        var json = CommonOptions.Json();
        var command = new Command("replay", "Replay a ledger export without the database: name every event that contradicts the state before it, or recompute a report from it (--report sla: the same output as `codeledger sla`; audit: as `audit report`; monthly: the package's figures, --json as its package.json).");
        foreach (var option in new Option[] { file, report, practice, vendor, month, auditId, codeSets, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            // Usage errors (exit 2) before the file is read.
            var name = parse.GetValue(report);
            if (name is not null && name != "sla" && name != "audit" && name != "monthly" && name != "denials")
            {
                throw new DomainException(LedgerErrors.UnknownReport, $"--report '{name}' is not a report replay computes (sla, audit, monthly, denials)");
            }

            Guid audit = default;
            if (name == "audit" && !Guid.TryParse(parse.GetValue(auditId), out audit))
            {
                throw new CliException("--report audit needs --audit with the audit's id");
            }

            var practiceCode = parse.GetValue(practice);
            var monthText = parse.GetValue(month);
            if (name is "sla" or "monthly" or "denials" && (practiceCode is null || monthText is null))
            {
                throw new CliException($"--report {name} needs --practice and --month");
            }

            if (name != "monthly" && parse.GetValue(codeSets) is not null)
            {
                throw new CliException("--code-sets goes with --report monthly");
            }

            if (monthText is not null && !SlaMonth.TryParse(monthText, out _))
            {
                throw new CliException($"--month '{monthText}' is not YYYY-MM");
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

            if (name is null)
            {
                foreach (var contradiction in state.Contradictions)
                {
                    await console.Out.WriteLineAsync(contradiction.ToString());
                }

                await console.Out.WriteLineAsync(state.Contradictions.Count == 0
                    ? $"OK: {state.EventCount} events replay without contradiction"
                    : $"{LedgerErrors.StateDiverges.Value}: {state.Contradictions.Count} event(s) contradict the state before them");

                // The PHI columns are compared by keyed hashes, and an export carries no key (docs/LEDGER.md, "PHI in the ledger").
                await console.Out.WriteLineAsync("not checked: notes, query texts and demographics, compared by keyed hash only where the PHI key is at hand (`ledger verify` on the database)");
                return state.Contradictions.Count == 0 ? ExitCodes.Success : LedgerErrors.StateDiverges.ExitStatus;
            }

            if (name == "audit")
            {
                // The same AuditBook function over the events as `audit report` over the tables (docs/AUDIT.md).
                var replayed = state.AuditReport(audit) ?? throw new CliException($"the export has no audit {audit:D}");
                await console.Out.WriteAsync(parse.GetValue(json) ? Audits.AuditCommands.Json(replayed) : replayed.ToText());
                return ExitCodes.Success;
            }

            if (name == "monthly")
            {
                // The same MonthlyReport.Build as `report monthly` over the tables (docs/PACKAGE.md, "verify").
                var (library, missing) = Reports.ReplayCodeSets.FromFiles(state, parse.GetValue(codeSets));
                var input = ReplayedMonth.Input(state, practiceCode!, parse.GetValue(vendor), monthText!, library, pricing: new Core.Audits.RvuReleasePricing(library));
                var figures = MonthlyReport.Build(input.Input);
                if (parse.GetValue(json))
                {
                    await console.Out.WriteAsync(MonthlyFiguresJson.Write(figures));
                }
                else
                {
                    await console.Out.WriteAsync(MonthlyText(figures, input.PracticeName, input.VendorName));
                }

                foreach (var info in missing)
                {
                    await console.Error.WriteLineAsync(Reports.ReplayCodeSets.MissingLine(info));
                }

                return ExitCodes.Success;
            }

            if (name == "denials")
            {
                // The same DenialMonth calculation as `codeledger denials` over the tables (docs/REMITTANCE.md, "Figures").
                var denials = state.DenialReport(practiceCode!, SlaMonth.Parse(monthText!)) ?? throw new CliException($"the export has no practice {practiceCode}");
                await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(denials) + "\n" : Denials.DenialsCommand.Text(denials));
                return ExitCodes.Success;
            }

            var result = ReplayedSla.Report(state, practiceCode!, parse.GetValue(vendor), monthText!);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(result) + "\n" : SlaCommand.Text(practiceCode!, result));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The month's figures as text: each table of the package (ReportTables), its rows tab-separated.</summary>
    public static string MonthlyText(MonthlyFigures figures, string practiceName, string vendorName)
    {
        var text = new System.Text.StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{figures.Practice} ({practiceName}), vendor {figures.Vendor ?? "none"} ({vendorName}), {figures.Month}: {figures.Encounters} encounters finalized\n");
        foreach (var table in ReportTables.From(figures))
        {
            text.Append('\n').Append(table.Name).Append('\n').Append(string.Join('\t', table.Columns)).Append('\n');
            foreach (var row in table.Rows)
            {
                text.Append(string.Join('\t', row)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Replays an export line by line; a line that does not read is named with the file and its line number.</summary>
    public static ReplayedState ReadExport(TextReader reader, string fileName)
    {
        var state = new ReplayedState();
        foreach (var line in LedgerExport.ReadLines(reader))
        {
            state.Apply(line.Entry ?? throw new CliException($"{fileName} line {line.Number}: {line.Error}"));
        }

        return state;
    }
}
