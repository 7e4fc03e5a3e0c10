using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Denials;
using CodeLedger.Core.Turnaround;
using CodeLedger.Storage.Denials;

namespace CodeLedger.Cli.Denials;

/// <summary>
/// <c>codeledger denials --practice P --month YYYY-MM [--as USER] [--json]</c>: the month's denial and
/// AR figures (docs/REMITTANCE.md, "Figures"); <c>ledger replay --report denials</c> prints the same from an export.
/// </summary>
internal static class DenialsCommand
{
    public static Command Create(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var month = new Option<string>("--month") { Description = "the month, YYYY-MM", Required = true };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it" };
        var json = CommonOptions.Json();
        var command = new Command("denials", "The month's denials: claim and dollar denial rates, by root cause (coding, billing/front end, credentialing, payer, other), top CARCs and RARCs, CARC 18 duplicates apart, clean-claim and first-pass rates, days to payment, AR aging.");
        foreach (var option in new Option[] { practice, month, asUser, json })
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(Work(console));
        command.Subcommands.Add(Step(console, DenialStep.Appeal, "--note", "Appeal the denial to the payer (open → appealed); the note says what was argued. The item waits for the payer's answer.", true));
        command.Subcommands.Add(Step(console, DenialStep.WriteOff, "--reason", "Write the denial off (open, resubmitted or appealed → written off, final); the reason says why.", true));
        command.Subcommands.Add(Step(console, DenialStep.Reopen, "--note", "Reopen a resubmitted or appealed denial the payer refused outside an 835 (→ open).", false));
        command.Subcommands.Add(Step(console, DenialStep.Resolve, "--note", "Resolve a resubmitted or appealed denial the payer paid outside an 835 (→ resolved, final).", false));
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var text = parse.GetValue(month)!;
            if (!SlaMonth.TryParse(text, out var m))
            {
                throw new CliException($"--month '{text}' is not YYYY-MM");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ReadRemittances, "reading denial figures", ct);
            var report = await new DenialDesk(store).ReportAsync(parse.GetValue(practice)!, principal, m, null, ct);
            await console.Out.WriteAsync(parse.GetValue(json) ? WorkflowCli.Serialize(report) + "\n" : Text(report));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>denials work --practice P [--team coding|billing] [--coder USER] [--state STATE] [--json] --as USER</c>: the practice's denial work items.</summary>
    private static Command Work(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var team = new Option<string?>("--team") { Description = "only the items of one team: coding or billing" };
        var coder = new Option<string?>("--coder") { Description = "only the coding denials of one coder of record (user name)" };
        var state = new Option<string?>("--state") { Description = "only items in one state: open, resubmitted, appealed, resolved, written-off" };
        var asUser = new Option<string?>("--as") { Description = "a practice admin, or a vendor admin, coding lead or coder under a BAA in force with the practice" };
        var json = CommonOptions.Json();
        var command = new Command("work", "List the practice's denial work items: claim, encounter, root cause, CARCs, amount, owning team and coder, state, age in days, last step.");
        foreach (var option in new Option[] { practice, team, coder, state, asUser, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            DenialTeam? teamValue = parse.GetValue(team) switch
            {
                null => null,
                "coding" => DenialTeam.Coding,
                "billing" => DenialTeam.Billing,
                var other => throw new CliException($"--team '{other}' is not coding or billing"),
            };
            DenialWorkState? stateValue = null;
            if (parse.GetValue(state) is { } stateText)
            {
                stateValue = DenialSteps.TryParseState(stateText, out var s)
                    ? s
                    : throw new CliException($"--state '{stateText}' is not one of: {string.Join(", ", Enum.GetValues<DenialWorkState>().Select(x => x.Name()))}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), DenialWorkAccess.Read, "listing denial work items", ct);
            var items = await new DenialWorkDesk(store).ListAsync(parse.GetValue(practice)!, principal, new DenialWorkFilter(teamValue, parse.GetValue(coder)?.Trim(), stateValue), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(items));
                return ExitCodes.Success;
            }

            if (items.Count == 0)
            {
                await console.Out.WriteLineAsync($"practice {parse.GetValue(practice)!.Trim()} has no denial work items{(teamValue is null && stateValue is null && parse.GetValue(coder) is null ? string.Empty : " that fit")}");
                return ExitCodes.Success;
            }

            await console.Out.WriteLineAsync("item      claim                encounter              cause            CARCs          amount  team     coder         state        age  last step");
            foreach (var i in items)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{i.Item[..DenialWorkDesk.ShortIdLength],-9} {i.ClaimId,-20} {i.Encounter ?? "-",-22} {i.RootCause,-16} {(i.Carcs.Count == 0 ? "-" : string.Join(",", i.Carcs)),-12} {i.Amount,9:0.00}  {i.Team.ToLowerInvariant(),-8} {i.Coder ?? "-",-13} {i.State,-12} {i.AgeDays,3}d {i.LastStep ?? "-"}{(i.UpdatedAt is { } u ? $" ({u:yyyy-MM-dd})" : string.Empty)}"));
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{items.Count} items, {items.Sum(i => i.Amount):0.00} denied"));
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>denials appeal|write-off|reopen|resolve ITEM [--note|--reason TEXT] --as USER</c>: one step by hand, one ledger event.</summary>
    private static Command Step(CliConsole console, DenialStep step, string noteName, string description, bool noteRequired)
    {
        var item = new Argument<string>("ITEM") { Description = "the work item's id, or its first eight characters as denials work prints them" };
        var note = new Option<string?>(noteName)
        {
            Description = (step == DenialStep.WriteOff ? "why the practice will not collect" : "what was argued or learned") +
                " (kept encrypted; the ledger holds only its keyed hash)" + (noteRequired ? string.Empty : "; optional"),
            Required = noteRequired,
        };
        var asUser = new Option<string?>("--as") { Description = "the owning team: a coding lead or the coder of record for coding denials; the practice's admin or a vendor admin for the others" };
        var json = CommonOptions.Json();
        var command = new Command(step.Name(), description);
        command.Arguments.Add(item);
        foreach (var option in new Option[] { note, asUser, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), DenialWorkAccess.Read, $"{step.Name()} of a denial", ct);
            var done = await new DenialWorkDesk(store).StepAsync(parse.GetValue(item)!, step, parse.GetValue(note), principal, ct);
            await console.Out.WriteLineAsync(parse.GetValue(json)
                ? WorkflowCli.Serialize(done)
                : $"denial {done.Item[..DenialWorkDesk.ShortIdLength]} of claim {done.ClaimId}: {done.Step}, {done.From} → {done.To}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static string Text(DenialMonthReport r)
    {
        static string Rate(decimal? rate) => rate is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"denials of {r.Practice}, {r.Month} (AR as of {r.AsOf:yyyy-MM-dd})");
        w.WriteLine($"  adjudicated       {r.AdjudicatedClaims} claims, {r.AdjudicatedCharges:0.00} charged");
        w.WriteLine($"  denied            {r.DeniedClaims} claims ({Rate(r.ClaimDenialRate)}), {r.DeniedDollars:0.00} ({Rate(r.DollarDenialRate)} of charges)");
        w.WriteLine($"  duplicates (18)   {r.DuplicateClaims} claims, {r.DuplicateDollars:0.00} (apart: in neither side of the rate)");
        w.WriteLine($"  clean claims      {r.CleanClaims} of {r.SubmittedClaims} first submitted ({Rate(r.CleanClaimRate)})");
        w.WriteLine($"  first pass        {r.FirstPassClaims} of {r.FirstAdjudicatedClaims} first adjudicated ({Rate(r.FirstPassRate)})");
        w.WriteLine($"  days to payment   from service: {r.FromService.Claims} claims, mean {r.FromService.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}, median {r.FromService.Median?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}; from submission: mean {r.FromSubmission.Mean?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}, median {r.FromSubmission.Median?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"}");
        void Table(string title, IReadOnlyList<DenialCount> counts)
        {
            w.WriteLine($"  {title}");
            foreach (var c in counts.Take(10))
            {
                w.WriteLine($"    {c.Key,-16} {c.Claims,5} claims {c.Dollars,12:0.00}");
            }

            if (counts.Count == 0)
            {
                w.WriteLine("    (none)");
            }
        }

        Table("by root cause", r.ByRootCause);
        Table("top CARCs", r.ByCarc);
        Table("top RARCs", r.ByRarc);
        w.WriteLine("  AR aging by payer      0-30     31-60     61-90    91-120      >120");
        foreach (var a in r.Aging)
        {
            w.WriteLine($"    {a.PayerId,-14} {a.Days0To30,9:0.00} {a.Days31To60,9:0.00} {a.Days61To90,9:0.00} {a.Days91To120,9:0.00} {a.Over120,9:0.00}  ({a.Claims} claims)");
        }

        return w.ToString();
    }
}
