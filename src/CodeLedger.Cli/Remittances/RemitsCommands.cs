using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Storage.Remittances;

namespace CodeLedger.Cli.Remittances;

/// <summary>
/// <c>codeledger import remits FILE.835 --practice P [--accept-unbalanced] [--as USER] [--json]</c>,
/// <c>codeledger remits unmatched --practice P [--json]</c> and
/// <c>codeledger remits match --practice P --payment KEY --clp CLP01 --claim CLAIM</c>: the payer's 835
/// posted against the practice's claims, all or nothing, once per payment (docs/REMITTANCE.md).
/// </summary>
internal static class RemitsCommands
{
    public static Command Import(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the payer's 835 (005010X221A1)" };
        var practice = new Option<string>("--practice") { Description = "the practice's code (the payee)", Required = true };
        var unbalanced = new Option<bool>("--accept-unbalanced") { Description = "post an 835 whose totals do not balance, flagged unbalanced, with every failure as a warning" };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin (default $CODELEDGER_USER or the login name)" };
        var json = CommonOptions.Json();
        var command = new Command("remits", "Post a payer's 835: each CLP to its claim (lines, CAS, RARCs), reversals, PLB, unmatched claims kept for a hand match, denials opened; all or nothing, a payment posted once.");
        command.Arguments.Add(file);
        command.Options.Add(practice);
        command.Options.Add(unbalanced);
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
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.PostRemittances, "posting an 835", ct);
            var s = await new RemittanceDesk(store).ImportAsync(parse.GetValue(practice)!, principal, path.Name, bytes, parse.GetValue(unbalanced), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(s));
                return ExitCodes.Success;
            }

            await console.Out.WriteAsync(Text(s));
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Create(CliConsole console)
    {
        var remits = new Command("remits", "The 835 payments posted for a practice: the queue of claim payments no claim matched, and the hand match.");
        remits.Subcommands.Add(Unmatched(console));
        remits.Subcommands.Add(Match(console));
        return remits;
    }

    internal static string Text(RemitImportSummary s)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        if (s.PaymentsPosted == 0)
        {
            w.WriteLine($"{s.FileName} (sha256 {s.Sha256[..12]}): nothing posted: every payment in it ({s.PaymentsAlreadyPosted}) is already posted for practice {s.Practice}");
        }
        else
        {
            w.WriteLine($"posted {s.FileName} (sha256 {s.Sha256[..12]}) for practice {s.Practice}{(s.Unbalanced ? " UNBALANCED (accepted)" : string.Empty)}");
            w.WriteLine($"  payments       {s.PaymentsPosted} posted, {s.PaymentsAlreadyPosted} already posted");
            w.WriteLine($"  claims matched {s.ClaimsMatched} ({s.Reversals} reversals), {s.Lines} lines, {s.Adjustments} adjustments, {s.ProviderAdjustments} PLB");
            w.WriteLine($"  denials        {s.Denials} opened");
            w.WriteLine($"  unmatched      {s.Unmatched.Count} claim payments, {s.Unmatched.Sum(u => u.Paid):0.00} paid");
            foreach (var u in s.Unmatched.Take(20))
            {
                w.WriteLine($"    {u.Payment} CLP {u.Position}: CLP01 {u.PatientControlNumber}, CLP07 {u.PayerClaimControlNumber ?? "-"}, status {u.Status}, charge {u.Charge:0.00}, paid {u.Paid:0.00}");
            }

            if (s.Unmatched.Count > 20)
            {
                w.WriteLine($"    ... and {s.Unmatched.Count - 20} more (codeledger remits unmatched lists them all)");
            }

            w.WriteLine($"  total posted   {s.TotalPosted:0.00} (Σ CLP04 − Σ PLB)");
        }

        foreach (var warning in s.Warnings.Take(20))
        {
            w.WriteLine($"  warning: {warning}");
        }

        if (s.Warnings.Count > 20)
        {
            w.WriteLine($"  ... and {s.Warnings.Count - 20} more warnings (--json lists them all)");
        }

        return w.ToString();
    }

    private static Command Unmatched(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it" };
        var json = CommonOptions.Json();
        var command = new Command("unmatched", "List the claim payments of posted 835s that no claim of the practice matched (CLP01, CLP07, amounts; never the patient).");
        command.Options.Add(practice);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.ReadRemittances, "reading the unmatched queue", ct);
            var items = await new RemittanceDesk(store).UnmatchedAsync(parse.GetValue(practice)!, principal, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(items));
                return ExitCodes.Success;
            }

            if (items.Count == 0)
            {
                await console.Out.WriteLineAsync($"practice {parse.GetValue(practice)!.Trim()} has no unmatched claim payments");
                return ExitCodes.Success;
            }

            foreach (var u in items)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{u.Payment} ({u.FileName}) CLP {u.Position}: CLP01 {u.PatientControlNumber}, CLP07 {u.PayerClaimControlNumber ?? "-"}, status {u.Status}, charge {u.Charge:0.00}, paid {u.Paid:0.00}"));
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{items.Count} unmatched, {items.Sum(u => u.Paid):0.00} paid"));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Match(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var payment = new Option<string>("--payment") { Description = "the payment: its TRN02 trace number, or PAYERID/TRACE as remits unmatched prints it", Required = true };
        var clp = new Option<string>("--clp") { Description = "the unmatched CLP's CLP01", Required = true };
        var claim = new Option<string>("--claim") { Description = "the practice's claim (CLM01) it pays", Required = true };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin" };
        var json = CommonOptions.Json();
        var command = new Command("match", "Post an unmatched claim payment to the claim a user names; it leaves the queue (ledgered).");
        foreach (var option in new Option[] { practice, payment, clp, claim, asUser, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AccountRules.PostRemittances, "matching a payment by hand", ct);
            var s = await new RemittanceDesk(store).MatchAsync(parse.GetValue(practice)!, principal, parse.GetValue(payment)!.Trim(), parse.GetValue(clp)!.Trim(),
                parse.GetValue(claim)!.Trim(), ct);
            await console.Out.WriteLineAsync(parse.GetValue(json)
                ? WorkflowCli.Serialize(s)
                : string.Create(CultureInfo.InvariantCulture,
                    $"matched {s.Payment} CLP01 {s.PatientControlNumber} to claim {s.ClaimId}: {s.Paid:0.00} paid on {s.Lines} lines; claim {s.ClaimStatus}{(s.Denial is { } d ? $", denial opened ({d})" : string.Empty)}"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
