using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Training;

/// <summary><c>codeledger training record|report</c>: coder training on code-set releases; late when finished after the release took effect.</summary>
internal static class TrainingCommands
{
    public static Command Create(CliConsole console)
    {
        var training = new Command("training", "Coder training on code-set releases.");
        training.Subcommands.Add(Record(console));
        training.Subcommands.Add(Report(console));
        return training;
    }

    private static Command Record(CliConsole console)
    {
        var coder = new Option<string>("--coder") { Description = "the coder's user name", Required = true };
        var release = new Option<string>("--release") { Description = "the code-set release, e.g. \"ICD-10-CM FY2027\"", Required = true };
        var effective = new Option<string>("--effective") { Description = "the release's effective date (YYYY-MM-DD)", Required = true };
        var completed = new Option<string>("--completed") { Description = "the date the coder completed the training (YYYY-MM-DD)", Required = true };
        var command = new Command("record", "Record that a coder completed training on a code-set release.");
        command.Options.Add(coder);
        command.Options.Add(release);
        command.Options.Add(effective);
        command.Options.Add(completed);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var r = await new TrainingLog(store).RecordAsync(parse.GetValue(coder)!, parse.GetValue(release)!, Date(parse.GetValue(effective), "--effective"),
                Date(parse.GetValue(completed), "--completed"), "training:" + WorkflowCli.User(null), ct);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"recorded {parse.GetValue(coder)} {r.Release}: {(r.IsLate ? $"LATE by {r.DaysLate} days" : "on time")}"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Report(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("report", "Every training record, with late ones marked.");
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var rows = await new TrainingLog(store).ReportAsync(ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(rows));
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                // An empty report is an answer, not a silence: say so (exit 0).
                await console.Out.WriteLineAsync("no training records: nothing to report (codeledger training record adds one)");
                return ExitCodes.Success;
            }

            foreach (var r in rows)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Release,-22} effective {r.EffectiveOn:yyyy-MM-dd}  {r.Coder,-16} completed {r.CompletedOn:yyyy-MM-dd}  {(r.Late ? $"LATE ({r.DaysLate} days)" : "on time")}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static DateOnly Date(string? text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : throw new CliException($"{option} '{text}' is not YYYY-MM-DD");
}
