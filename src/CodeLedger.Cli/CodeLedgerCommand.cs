using System.CommandLine;

using CodeLedger.Storage;

namespace CodeLedger.Cli;

/// <summary>
/// The root of the <c>codeledger</c> command. Each feature contributes one command group from its
/// own file, so features grow without touching each other.
/// </summary>
internal static class CodeLedgerCommand
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("CodeLedger: outsourced medical coding and billing whose quality is proven from a tamper-evident ledger.");
        root.Options.Add(CommonOptions.Db);
        foreach (var command in CommandGroups(console))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> CommandGroups(CliConsole console)
    {
        yield return Database.DatabaseCommands.Create(console);
        yield return Ledger.LedgerCommands.Create(console);
        yield return Demo.DemoCommand.Create(console);
        yield return X12.X12Commands.Create(console);
        yield return CodeSets.CodeSetCommands.Build(console);
        yield return CodeSets.CodesCommands.Build(console);
        yield return Claims.ClaimsCommands.Build(console);
        yield return EvaluationAndManagement.EmCommands.Build(console);
        yield return Intake.ImportCommands.Create(console);
        yield return Coverage.CoverageCommand.Create(console);
        yield return Encounters.EncounterCommands.Create(console);
        yield return Coding.CodeCommand.Create(console);
        yield return Queries.QueryCommands.Create(console);
        yield return Sla.SlaCommand.Create(console);
        yield return Training.TrainingCommands.Create(console);
        foreach (var command in Setup.SetupCommands.Create(console))
        {
            yield return command;
        }
        yield return Tenancy.PhiAccessCommand.Create(console);
        yield return Web.ServeCommand.Create(console);
        yield return Accounts.UserCommands.Create(console);
        yield return Audits.AuditCommands.Create(console);
        yield return Reports.ImpactCommand.Create(console);
        yield return Reports.ReportCommands.Create(console);
        yield return Scorecard.ScorecardCommands.Create(console);
        yield return Billing.FeesCommands.Create(console);
        yield return Remittances.RemitsCommands.Create(console);
        yield return Denials.DenialsCommand.Create(console);
    }

    /// <summary>Runs one command line. <paramref name="time"/> is the clock every command reads (the system clock unless a test fixes it).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null)
    {
        var console = new CliConsole(stdout, stderr, time);
        var root = Build(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"codeledger: {error.Message}");
            }

            stderr.WriteLine("Run 'codeledger --help' for usage.");
            return ExitCodes.UsageOrUnreadable;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.WriteLine($"codeledger: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (StorageProblem(e) is { } storage)
        {
            // A storage problem met mid-command (a PHI key missing or wrong) may arrive wrapped by
            // EF Core; the user gets its one line, not a stack trace. The transaction rolled back.
            stderr.WriteLine($"codeledger: {storage.Message} ({storage.Code})");
            return storage.Error.ExitStatus;
        }
    }

    private static StorageException? StorageProblem(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is StorageException storage)
            {
                return storage;
            }
        }

        return null;
    }
}
