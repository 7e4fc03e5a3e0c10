using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Edits;
using CodeLedger.Storage;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.CodeSets;

namespace CodeLedger.Cli.Billing;

/// <summary>
/// Claims out (docs/BILLING.md): <c>claims submit</c> (build, hold or batch into 837P files in the
/// outbox), <c>claims list</c>, <c>claims fixes</c>, <c>claims show</c>, <c>claims correct</c> and
/// <c>claims void</c>, added to the <c>claims</c> command beside <c>scrub</c> and <c>import claims</c>.
/// </summary>
internal static class ClaimsOutCommands
{
    public static void AddTo(Command claims, CliConsole console)
    {
        claims.Subcommands.Add(Submit(console));
        claims.Subcommands.Add(List(console));
        claims.Subcommands.Add(Fixes(console));
        claims.Subcommands.Add(Show(console));
        claims.Subcommands.Add(Correct(console, ClaimFrequency.Replacement));
        claims.Subcommands.Add(Correct(console, ClaimFrequency.Void));
    }

    private static Option<string> Practice() => new("--practice") { Description = "the practice's code", Required = true };

    private static Option<string?> As() => new("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it (default $CODELEDGER_USER or the login name)" };

    private static async Task<(CodeLedgerStore Store, Principal Principal)> OpenAsync(ParseResult parse, CliConsole console, Option<string?> asUser, string work, CancellationToken ct)
    {
        var store = await CliStore.OpenAsync(parse, console.Time, ct);
        return (store, await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.Claims, work, ct));
    }

    private static async Task<ClaimDesk> DeskAsync(CodeLedgerStore store, CancellationToken ct) =>
        new(store, new ClaimEditor((await CodeSetCatalog.LoadForEditsAsync(store, ct)).Library));

    private static Command Submit(CliConsole console)
    {
        var practice = Practice();
        var asUser = As();
        var outDir = new Option<string?>("--out") { Description = "the outbox folder (default: beside the database, codeledger.db.outbox/; required for PostgreSQL)" };
        var json = CommonOptions.Json();
        var command = new Command("submit",
            "Build a claim for every finalized encounter without one, re-assemble the fix queue, and write the ready claims as 837P files (one per trading partner and payer) to the outbox.");
        command.Options.Add(practice);
        command.Options.Add(outDir);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var (store, principal) = await OpenAsync(parse, console, asUser, "submitting claims", ct);
            var outbox = parse.GetValue(outDir) is { Length: > 0 } given ? Path.GetFullPath(given)
                : ClaimDesk.DefaultOutbox(store) ?? throw new CliException("--out is required with a PostgreSQL database (the default outbox sits beside a SQLite file)");
            var s = await (await DeskAsync(store, ct)).SubmitAsync(parse.GetValue(practice)!, principal, outbox, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(s));
                return ExitCodes.Success;
            }

            if (s.Built == 0 && s.Rebuilt == 0 && s.Resent == 0 && s.Files.Count == 0)
            {
                await console.Out.WriteLineAsync($"practice {s.Practice}: nothing to submit: no finalized encounter without a claim, and the fix queue ({s.FixQueue} claims) is unchanged");
            }
            else
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"practice {s.Practice}: {s.Built} claims built, {s.Rebuilt} rebuilt, {(s.Resent > 0 ? $"{s.Resent} rejected claims resent, " : "")}{s.Submitted} submitted in {s.Files.Count} files, {s.FixQueue} in the fix queue"));
            }

            foreach (var (code, count) in s.FixQueueByFinding)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  fix queue: {count} claims with {code}"));
            }

            foreach (var f in s.Files)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  wrote {Path.Combine(s.Outbox, f.FileName)}: {f.Claims} claims to {f.PayerCode} (ISA13 {f.InterchangeControlNumber:D9}, sha256 {f.Sha256[..12]})"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var practice = Practice();
        var asUser = As();
        var status = new Option<string?>("--status") { Description = "only claims with this status: " + string.Join(", ", Enum.GetValues<ClaimStatus>().Select(s => s.Name())) };
        var json = CommonOptions.Json();
        var command = new Command("list", "List the practice's claims: CLM01, encounter, frequency, status, payer, charge, the 837P it went out in.");
        command.Options.Add(practice);
        command.Options.Add(status);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            ClaimStatus? wanted = null;
            if (parse.GetValue(status) is { } text)
            {
                try
                {
                    wanted = ClaimStatusNames.Parse(text.Trim());
                }
                catch (FormatException e)
                {
                    throw new CliException($"--status: {e.Message}");
                }
            }

            var (store, principal) = await OpenAsync(parse, console, asUser, "reading claims", ct);
            var claims = await (await DeskAsync(store, ct)).ListAsync(parse.GetValue(practice)!, principal, wanted, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(claims));
                return ExitCodes.Success;
            }

            foreach (var c in claims)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{c.ClaimId,-20} {c.Encounter,-16} freq {c.Frequency} {c.Status,-10} {c.PayerCode ?? "-",-12} {c.TotalCharge ?? "-",10} {c.FileName ?? ""}"));
            }

            await console.Out.WriteLineAsync($"{claims.Count} claims");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Fixes(CliConsole console)
    {
        var practice = Practice();
        var asUser = As();
        var json = CommonOptions.Json();
        var command = new Command("fixes", "The fix queue: each held claim with every finding (code, line, message) that keeps it from leaving, and each rejected claim not yet resent with the acknowledgment's reasons.");
        command.Options.Add(practice);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var (store, principal) = await OpenAsync(parse, console, asUser, "reading claims", ct);
            var claims = await (await DeskAsync(store, ct)).FixesAsync(parse.GetValue(practice)!, principal, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(claims.Select(c => new { c.ClaimId, c.Encounter, c.Frequency, c.Status, c.PayerCode, c.Findings })));
                return ExitCodes.Success;
            }

            foreach (var c in claims)
            {
                var rejected = c.Status == ClaimStatus.Rejected.Name() ? ", rejected: the next claims submit resends it" : "";
                var resends = c.Replaces is not null && c.Frequency == (int)ClaimFrequency.Original ? $", resending {c.Replaces}" : "";
                await console.Out.WriteLineAsync($"{c.ClaimId} (encounter {c.Encounter}, frequency {c.Frequency}{resends}{rejected}):");
                foreach (var f in c.Findings)
                {
                    await console.Out.WriteLineAsync($"  {f.Code} {f.Severity}{(f.Line is { } l ? $" line {l}" : "")}: {f.Message}");
                }
            }

            var rejectedCount = claims.Count(c => c.Status == ClaimStatus.Rejected.Name());
            await console.Out.WriteLineAsync(rejectedCount == 0 ? $"{claims.Count} claims in the fix queue"
                : $"{claims.Count - rejectedCount} claims in the fix queue, {rejectedCount} rejected claims to resend");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var claim = new Argument<string>("CLAIM") { Description = "the claim's id (CLM01)" };
        var practice = Practice();
        var asUser = As();
        var json = CommonOptions.Json();
        var command = new Command("show", "One claim: its lines with fees and charges, findings, and the 837P it went out in.");
        command.Arguments.Add(claim);
        command.Options.Add(practice);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var (store, principal) = await OpenAsync(parse, console, asUser, "reading claims", ct);
            var c = await (await DeskAsync(store, ct)).ShowAsync(parse.GetValue(practice)!, principal, parse.GetValue(claim)!, ct);
            await Print(console, c, parse.GetValue(json));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Correct(CliConsole console, ClaimFrequency frequency)
    {
        var isVoid = frequency == ClaimFrequency.Void;
        var claim = new Argument<string>("CLAIM") { Description = "the claim's id (CLM01) as the payer holds it" };
        var practice = Practice();
        var number = new Option<string>("--payer-claim-number") { Description = "the payer's claim control number (277CA or 835 CLP07), sent in REF*F8", Required = true };
        var asUser = As();
        var json = CommonOptions.Json();
        var command = new Command(isVoid ? "void" : "correct", isVoid
            ? "Void a claim the payer holds: a frequency-8 claim with the same lines and REF*F8, sent by the next claims submit."
            : "Replace a claim the payer holds: a frequency-7 claim from the current final coding with REF*F8, sent by the next claims submit.");
        command.Arguments.Add(claim);
        command.Options.Add(practice);
        command.Options.Add(number);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var (store, principal) = await OpenAsync(parse, console, asUser, isVoid ? "voiding a claim" : "correcting a claim", ct);
            var c = await (await DeskAsync(store, ct)).CorrectAsync(parse.GetValue(practice)!, principal, parse.GetValue(claim)!, parse.GetValue(number)!, frequency, ct);
            if (!parse.GetValue(json))
            {
                await console.Out.WriteLineAsync($"{(isVoid ? "void" : "replacement")} {c.ClaimId} of {c.Replaces} built ({c.Status}); the next claims submit sends it");
            }

            await Print(console, c, parse.GetValue(json));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task Print(CliConsole console, ClaimView c, bool json)
    {
        if (json)
        {
            await console.Out.WriteLineAsync(WorkflowCli.Serialize(c));
            return;
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"claim {c.ClaimId}: encounter {c.Encounter}, submission {c.Submission}, frequency {c.Frequency}{(c.Replaces is null ? "" : c.Frequency == (int)ClaimFrequency.Original ? $" resending {c.Replaces} (rejected)" : $" replacing {c.Replaces} (REF*F8 {c.PayerClaimControlNumber})")}, {c.Status}, payer {c.PayerCode ?? "-"}, total {c.TotalCharge ?? "-"}"));
        await console.Out.WriteLineAsync($"  built {Core.Common.Instants.Format(c.BuiltAt)} by {c.BuiltBy}");
        if (c.FileName is not null)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  submitted {Core.Common.Instants.Format(c.SubmittedAt!.Value)} in {c.FileName} (ISA13 {c.InterchangeControlNumber:D9})"));
        }

        foreach (var l in c.Lines)
        {
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {l.Number}. {l.Code}{(l.Modifiers.Count > 0 ? "-" + string.Join("-", l.Modifiers) : "")} x{l.Units} -> {string.Join(",", l.Pointers)} {l.DateOfService:yyyy-MM-dd} fee {l.Fee?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none"} charge {l.Charge?.ToString("0.00", CultureInfo.InvariantCulture) ?? "none"}"));
        }

        foreach (var f in c.Findings)
        {
            await console.Out.WriteLineAsync($"  {f.Code} {f.Severity}{(f.Line is { } l ? $" line {l}" : "")}: {f.Message}");
        }
    }
}
