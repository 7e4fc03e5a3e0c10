using System.CommandLine;
using System.Security.Cryptography;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Setup;
using CodeLedger.Storage.Setup;

namespace CodeLedger.Cli.Setup;

/// <summary>
/// <c>codeledger setup apply|export</c> and the daily changes (<c>physicians</c>, <c>coders</c>,
/// <c>baa</c>): parse, call the setup desk, print what changed. Every one of them goes through the
/// same desk and the same diff (docs/SETUP.md).
/// </summary>
internal static class SetupCommands
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        var setup = new Command("setup", "Organizations, physicians, coders, BAAs and SLA contracts from one JSON or YAML file (docs/SETUP.md).");
        setup.Subcommands.Add(Apply(console));
        setup.Subcommands.Add(Export(console));
        setup.Subcommands.Add(Diff(console));
        yield return setup;

        var physicians = new Command("physicians", "A practice's physicians: enrol one, deactivate one (never deleted).");
        physicians.Subcommands.Add(PhysicianAdd(console));
        physicians.Subcommands.Add(PhysicianDeactivate(console));
        yield return physicians;

        var coders = new Command("coders", "A vendor's coders: enrol one, add a credential, record an absence.");
        coders.Subcommands.Add(CoderAdd(console));
        coders.Subcommands.Add(CoderCredential(console));
        coders.Subcommands.Add(CoderAbsence(console));
        yield return coders;

        var baa = new Command("baa", "Business associate agreements: sign one, terminate one.");
        baa.Subcommands.Add(BaaSign(console));
        baa.Subcommands.Add(BaaTerminate(console));
        yield return baa;
    }

    private static Option<string?> As() => new("--as") { Description = "who makes the change, for the ledger (default $CODELEDGER_USER or the login name)" };

    private static Option<bool> DryRun() => new("--dry-run") { Description = "print what would change, change nothing" };

    private static Command Apply(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the setup file (.yaml, .yml or .json)" };
        var dryRun = DryRun();
        var asUser = As();
        var command = new Command("apply", "Create or update the setup a file describes; the same file twice changes nothing. The whole file is checked before anything is written.");
        command.Arguments.Add(file);
        command.Options.Add(dryRun);
        command.Options.Add(asUser);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var document = await ReadAsync(parse.GetValue(file)!, ct);
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var outcome = await new SetupDesk(store).ApplyAsync(document, WorkflowCli.User(parse.GetValue(asUser)), parse.GetValue(dryRun), ct);
            await PrintAsync(console, outcome);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// What applying a file would change, one line each (added, updated, deactivated, set), after the
    /// same checks as apply (a bad field or a conflict exits as apply would); nothing is stored.
    /// </summary>
    private static Command Diff(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the setup file (.yaml, .yml or .json)" };
        var command = new Command("diff", "Show what setup apply FILE would change against today's setup, one line per change; nothing is stored.");
        command.Arguments.Add(file);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var document = await ReadAsync(parse.GetValue(file)!, ct);
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var outcome = await new SetupDesk(store).ApplyAsync(document, WorkflowCli.User(null), dryRun: true, ct);
            if (outcome.NothingChanged)
            {
                await console.Out.WriteLineAsync("no difference");
                return ExitCodes.Success;
            }

            foreach (var change in outcome.Changes)
            {
                await console.Out.WriteLineAsync(change.Describe());
            }

            await console.Out.WriteLineAsync($"{outcome.Changes.Count} differences (nothing stored)");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<SetupDocument> ReadAsync(FileInfo path, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SetupRefusedException(SetupErrors.Unreadable, [$"{path.Name}: cannot be read ({e.GetType().Name})"]);
        }

        return SetupReader.Read(text, path.Name);
    }

    private static Command Export(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "yaml or json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var output = new Option<FileInfo?>("--out") { Description = "write to this file instead of standard output" };
        var command = new Command("export", "Write today's setup in the format setup apply reads (apply it back: nothing changed).");
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var document = await new SetupDesk(store).ExportAsync(ct);
            var text = SetupWriter.Write(document, parse.GetValue(format) == "json" ? SetupFormat.Json : SetupFormat.Yaml);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, text, ct);
                await console.Out.WriteLineAsync($"setup written to {file.Name}");
            }
            else
            {
                await console.Out.WriteAsync(text);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command PhysicianAdd(CliConsole console)
    {
        var npi = new Argument<string>("NPI") { Description = "the physician's NPI (10 digits with its check digit)" };
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var name = new Option<string>("--name") { Description = "the physician's name", Required = true };
        var taxonomy = new Option<string>("--taxonomy") { Description = "NUCC taxonomy code, e.g. 207Q00000X", Required = true };
        var specialty = new Option<string>("--specialty") { Description = "specialty, e.g. family-medicine", Required = true };
        return Edit(console, new Command("add", "Enrol a physician at a practice."), [npi], [practice, name, taxonomy, specialty], parse => d =>
            SetupEdits.AddPhysician(d, parse.GetValue(practice)!, new PhysicianSetup(parse.GetValue(npi)!, parse.GetValue(name)!, parse.GetValue(taxonomy)!, parse.GetValue(specialty)!)));
    }

    private static Command PhysicianDeactivate(CliConsole console)
    {
        var npi = new Argument<string>("NPI") { Description = "the physician's NPI" };
        return Edit(console, new Command("deactivate", "Deactivate a physician who left: kept for history, no new work."), [npi], [],
            parse => d => SetupEdits.DeactivatePhysician(d, parse.GetValue(npi)!.Trim()));
    }

    private static Command CoderAdd(CliConsole console)
    {
        var user = new Argument<string>("USER") { Description = "the coder's user name" };
        var vendor = new Option<string>("--vendor") { Description = "the vendor's code", Required = true };
        var name = new Option<string>("--name") { Description = "the coder's name", Required = true };
        var specialties = new Option<string[]>("--specialty") { Description = "a specialty the coder covers (repeat)", Required = true };
        var lead = new Option<bool>("--lead") { Description = "a lead coder (may override edit errors, takes uncovered work)" };
        return Edit(console, new Command("add", "Enrol a coder at a vendor (add credentials with coders credential)."), [user], [vendor, name, specialties, lead], parse => d =>
            SetupEdits.AddCoder(d, parse.GetValue(vendor)!, new CoderSetup(parse.GetValue(user)!, parse.GetValue(name)!, parse.GetValue(lead), true,
                parse.GetValue(specialties) ?? [], [], [])));
    }

    private static Command CoderCredential(CliConsole console)
    {
        var user = new Argument<string>("USER") { Description = "the coder's user name" };
        var kind = new Option<string>("--kind") { Description = "CPC, CCS-P, CCS, COC, CCTC, CCC, COSC, CRC, CEMC, CPMA, CFPC or CIMC", Required = true };
        var number = new Option<string>("--number") { Description = "the certificate number", Required = true };
        var issued = new Option<string>("--issued") { Description = "issue date YYYY-MM-DD", Required = true };
        var expires = new Option<string>("--expires") { Description = "expiry date YYYY-MM-DD", Required = true };
        return Edit(console, new Command("credential", "Add a credential to a coder."), [user], [kind, number, issued, expires], parse => d =>
            SetupEdits.AddCredential(d, parse.GetValue(user)!, new CredentialSetup(parse.GetValue(kind)!, parse.GetValue(number)!,
                CliDates.Parse(parse.GetValue(issued), "--issued"), CliDates.Parse(parse.GetValue(expires), "--expires"))));
    }

    private static Command CoderAbsence(CliConsole console)
    {
        var user = new Argument<string>("USER") { Description = "the coder's user name" };
        var from = new Option<string>("--from") { Description = "first day away YYYY-MM-DD", Required = true };
        var through = new Option<string>("--through") { Description = "last day away YYYY-MM-DD", Required = true };
        var reason = new Option<string>("--reason") { Description = "leave, training...", Required = true };
        return Edit(console, new Command("absence", "Record days a coder is away (no work is assigned to them then)."), [user], [from, through, reason], parse => d =>
            SetupEdits.AddAbsence(d, parse.GetValue(user)!, new AbsenceSetup(CliDates.Parse(parse.GetValue(from), "--from"),
                CliDates.Parse(parse.GetValue(through), "--through"), parse.GetValue(reason)!)));
    }

    private static Command BaaSign(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string>("--vendor") { Description = "the vendor's code", Required = true };
        var practiceSignatory = new Option<string>("--practice-signatory") { Description = "who signed for the practice", Required = true };
        var vendorSignatory = new Option<string>("--vendor-signatory") { Description = "who signed for the vendor", Required = true };
        var signed = new Option<string>("--signed") { Description = "signing date YYYY-MM-DD", Required = true };
        var effective = new Option<string>("--effective") { Description = "first day in force YYYY-MM-DD", Required = true };
        var expires = new Option<string?>("--expires") { Description = "last day in force YYYY-MM-DD (default: until terminated)" };
        var document = new Option<FileInfo>("--document") { Description = "the signed document (its SHA-256 is recorded)", Required = true };
        return Edit(console, new Command("sign", "Record a signed business associate agreement between a practice and a vendor."), [],
            [practice, vendor, practiceSignatory, vendorSignatory, signed, effective, expires, document], parse => d =>
            {
                var path = parse.GetValue(document)!;
                string sha;
                try
                {
                    using var stream = path.OpenRead();
                    sha = Convert.ToHexStringLower(SHA256.HashData(stream));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"--document {path.Name} cannot be read ({e.GetType().Name})");
                }

                return SetupEdits.SignAgreement(d, new AgreementSetup(parse.GetValue(practice)!, parse.GetValue(vendor)!, parse.GetValue(practiceSignatory)!,
                    parse.GetValue(vendorSignatory)!, CliDates.Parse(parse.GetValue(signed), "--signed"), CliDates.Parse(parse.GetValue(effective), "--effective"),
                    parse.GetValue(expires) is { } end ? CliDates.Parse(end, "--expires") : null, sha));
            });
    }

    private static Command BaaTerminate(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the practice's code", Required = true };
        var vendor = new Option<string>("--vendor") { Description = "the vendor's code", Required = true };
        var lastDay = new Option<string>("--last-day") { Description = "the last day the agreement is in force YYYY-MM-DD", Required = true };
        return Edit(console, new Command("terminate", "End the BAA in force between a practice and a vendor after a given day; no PHI moves after it."), [],
            [practice, vendor, lastDay], parse => d => SetupEdits.TerminateAgreement(d, parse.GetValue(practice)!, parse.GetValue(vendor)!,
                CliDates.Parse(parse.GetValue(lastDay), "--last-day")));
    }

    /// <summary>A daily change: an edit of today's setup, applied by the desk as a file would be.</summary>
    private static Command Edit(CliConsole console, Command command, Argument[] arguments, Option[] options, Func<ParseResult, Func<SetupDocument, SetupDocument>> edit)
    {
        var asUser = As();
        var dryRun = DryRun();
        foreach (var a in arguments)
        {
            command.Arguments.Add(a);
        }

        foreach (var o in options.Append(asUser).Append(dryRun))
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var change = edit(parse);
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var outcome = await new SetupDesk(store).ApplyAsync(change, WorkflowCli.User(parse.GetValue(asUser)), parse.GetValue(dryRun), SetupDesk.DerivedIds, ct);
            await PrintAsync(console, outcome);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task PrintAsync(CliConsole console, SetupOutcome outcome)
    {
        if (outcome.NothingChanged)
        {
            await console.Out.WriteLineAsync("nothing changed");
            return;
        }

        foreach (var change in outcome.Changes)
        {
            await console.Out.WriteLineAsync((outcome.DryRun ? "would " : string.Empty) + change.Describe());
        }

        await console.Out.WriteLineAsync(outcome.DryRun
            ? $"{outcome.Changes.Count} changes (dry run: nothing stored)"
            : $"{outcome.Changes.Count} changes recorded");
    }
}
