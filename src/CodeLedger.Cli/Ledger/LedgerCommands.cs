using System.CommandLine;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Storage.Ledger;

namespace CodeLedger.Cli.Ledger;

internal static class LedgerCommands
{
    public static Command Create(CliConsole console)
    {
        var ledger = new Command("ledger", "The tamper-evident event ledger: verify the hash chain, export it for independent verification.");
        ledger.Subcommands.Add(CheckpointCommands.WithCheckpoints(Verify(console), console));
        ledger.Subcommands.Add(Export(console));
        ledger.Subcommands.Add(CheckpointCommands.Checkpoint(console));
        ledger.Subcommands.Add(CheckpointCommands.Key(console));
        ledger.Subcommands.Add(LedgerReplayCommand.Create(console));
        return ledger;
    }

    private static Command Verify(CliConsole console)
    {
        var file = new Option<FileInfo?>("--file") { Description = "verify an export's chain (JSON lines) instead of the database; no database is opened (`ledger replay --file` replays it)" };
        var chainOnly = new Option<bool>("--chain-only") { Description = "check the hash chain only, without replaying the events against the stored tables" };
        var command = new Command("verify", "Walk the hash chain, then replay every event and compare the state it describes with the stored tables. Exit 0 when both agree, 1 naming the first broken sequence number or every divergence.");
        command.Options.Add(file);
        command.Options.Add(chainOnly);
        command.SetAction(async (parse, ct) =>
        {
            LedgerVerification result;
            IReadOnlyList<StateDivergence>? divergences = null;
            var path = parse.GetValue(file);
            if (path is not null)
            {
                if (!path.Exists)
                {
                    throw new CliException($"{path.FullName}: file not found");
                }

                // An export has no tables to compare with: `ledger replay --file` checks its events against each other.
                using var reader = new StreamReader(path.FullName);
                result = LedgerExport.Verify(reader);
            }
            else
            {
                var store = await CliStore.OpenAsync(parse, console.Time, ct);
                if (parse.GetValue(chainOnly))
                {
                    result = await store.VerifyLedgerAsync(ct);
                }
                else
                {
                    // One read of the ledger walks the chain and replays it (ReplayVerifier).
                    var verification = await new ReplayVerifier(store).VerifyAsync(ct);
                    (result, divergences) = (verification.Chain, verification.Divergences);
                }
            }

            if (result.IsIntact)
            {
                await console.Out.WriteLineAsync($"OK: {result.EventCount} events, chain intact, head {result.HeadHash}");
                if (divergences is null)
                {
                    return ExitCodes.Success;
                }

                if (divergences.Count == 0)
                {
                    await console.Out.WriteLineAsync($"OK: state replayed from {result.EventCount} events matches the stored tables ({StateTables.All.Count} tables)");
                    return ExitCodes.Success;
                }

                foreach (var divergence in divergences)
                {
                    await console.Out.WriteLineAsync(divergence.ToString());
                }

                await console.Out.WriteLineAsync($"{LedgerErrors.StateDiverges.Value}: {divergences.Count} difference(s) between the stored state and the ledger");
                return LedgerErrors.StateDiverges.ExitStatus;
            }

            var where = result.FailedLine is { } line ? $" (line {line})" : string.Empty;
            await console.Out.WriteLineAsync($"BROKEN at sequence {result.FailedSequence}{where}: {result.Reason}");
            return ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command Export(CliConsole console)
    {
        var output = new Option<FileInfo>("--out") { Description = "file to write (JSON lines, docs/LEDGER.md)", Required = true };
        var command = new Command("export", "Write every ledger event as JSON lines, verifiable without the database.");
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var target = parse.GetValue(output)!;
            long count;
            await using (var stream = new FileStream(target.FullName, FileMode.Create, FileAccess.Write))
            {
                count = await LedgerExport.WriteAsync(stream, store.ReadLedgerAsync(ct), ct);
            }

            await console.Out.WriteLineAsync($"exported {count} events to {target.FullName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
