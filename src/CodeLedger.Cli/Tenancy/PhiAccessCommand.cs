using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Database;
using CodeLedger.Storage.Tenancy;

namespace CodeLedger.Cli.Tenancy;

/// <summary>
/// <c>codeledger phi-access --encounter E | --user U | --patient MEMBER-ID [--from DATE --to DATE] [--json]</c>:
/// an accounting of access to PHI (45 CFR 164.528; 164.312(b)) from the ledger: who read which
/// encounter's PHI, when, which fields, and every refusal. Prints no PHI: a patient's member id is
/// matched under the operator's key and never printed back.
/// </summary>
internal static class PhiAccessCommand
{
    public static Command Create(CliConsole console)
    {
        var encounter = new Option<string?>("--encounter") { Description = "an encounter's id, or the practice's external id" };
        var user = new Option<string?>("--user") { Description = "a user name: every read and refusal of theirs" };
        var patient = new Option<string?>("--patient") { Description = "a patient's member id: the reads of every encounter of theirs (matched under the PHI key; never printed)" };
        var from = new Option<string?>("--from") { Description = "first UTC day, YYYY-MM-DD (inclusive)" };
        var to = new Option<string?>("--to") { Description = "last UTC day, YYYY-MM-DD (inclusive)" };
        var json = CommonOptions.Json();
        var command = new Command("phi-access", "Account for access to PHI from the ledger: who read an encounter's, a user's or a patient's PHI, when, which fields, and refusals.");
        command.Options.Add(encounter);
        command.Options.Add(user);
        command.Options.Add(patient);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var subjects = new[] { parse.GetValue(encounter), parse.GetValue(user), parse.GetValue(patient) };
            if (subjects.Count(s => !string.IsNullOrWhiteSpace(s)) != 1)
            {
                throw new CliException("name exactly one of --encounter, --user or --patient");
            }

            var first = parse.GetValue(from) is { } f ? CliDates.Parse(f, "--from") : (DateOnly?)null;
            var last = parse.GetValue(to) is { } t ? CliDates.Parse(t, "--to") : (DateOnly?)null;
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var rows = await new PhiAccessAccounting(store).AccountAsync(new PhiAccessRequest(subjects[0], subjects[1], subjects[2], first, last), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(rows));
                return ExitCodes.Success;
            }

            var reads = rows.Count(r => r.Outcome == "read");
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{reads} reads of PHI, {rows.Count - reads} refused, {CliDates.Iso(first)} to {CliDates.Iso(last)}"));
            foreach (var r in rows)
            {
                var who = r.Role is null ? r.User : $"{r.User} ({r.Role}, organization {r.Organization})";
                var what = r.Outcome == "read"
                    ? string.Join(",", r.Fields) + (r.Query is { } q ? $" of query {q}" : string.Empty)
                    : "refused: " + r.Reason;
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.At}  #{r.Sequence}  {r.Encounter} ({r.EncounterId})  {who}  {what}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
