using System.CommandLine;
using System.CommandLine.Invocation;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Storage;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Cli.Ledger;

/// <summary>
/// Checkpoints (docs/LEDGER.md, "Checkpoints"): <c>ledger checkpoint</c> signs a receipt of the
/// ledger's head with the vendor's key, <c>ledger key</c> prints the public key a practice pins,
/// and <c>ledger verify --checkpoint</c> checks the ledger still holds what each receipt attests.
/// </summary>
internal static class CheckpointCommands
{
    public static Command Checkpoint(CliConsole console)
    {
        var output = new Option<FileInfo?>("--out") { Description = "write the receipt to this file instead of printing it" };
        var command = new Command("checkpoint", "Sign a receipt {sequence, head, at, eventsByType} of the ledger's current head with the vendor's key (ECDSA P-256). The chain is verified first; a broken chain gets no receipt.");
        command.Options.Add(output);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var target = parse.GetValue(output);
            if (target?.Directory is { Exists: false } folder)
            {
                throw new CliException($"{folder.FullName}: folder not found");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var tally = new CheckpointTally();
            await foreach (var e in store.ReadLedgerAsync(ct))
            {
                if (!tally.Add(e))
                {
                    break;
                }
            }

            // The key is looked for (and made, the first time) only for a ledger that gets a receipt.
            var checkpoint = tally.Checkpoint(Instants.Now(console.Time));
            using var key = await ResolveKeyAsync(store, console, ct);
            var receipt = CheckpointReceipt.Sign(checkpoint, key);

            // Kept for the next package's walk to resume at (docs/LEDGER.md, "Stored checkpoints"): this one walked the whole chain.
            await LedgerCheckpoints.RecordAsync(store, receipt, ct);
            var bytes = receipt.ToJson();
            if (target is null)
            {
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes));
                return ExitCodes.Success;
            }

            await File.WriteAllBytesAsync(target.FullName, bytes, ct);
            await console.Out.WriteLineAsync($"checkpoint of event {receipt.Checkpoint.Sequence}, head {receipt.Checkpoint.Head}, signed by key id {receipt.PublicKey.KeyId}: {target.FullName}");
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Key(CliConsole console)
    {
        var output = new Option<FileInfo?>("--out") { Description = "also write the public key (PEM) to this file, for a practice to pin with --public-key" };
        var command = new Command("key", "Print the key id and public key (SubjectPublicKeyInfo, PEM) of the vendor's checkpoint signing key, which practices pin. Creates the key on first use.");
        command.Options.Add(output);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            using var key = await ResolveKeyAsync(store, console, ct);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, key.PublicKey.Pem, ct);
            }

            await console.Out.WriteLineAsync($"key id {key.PublicKey.KeyId}");
            await console.Out.WriteAsync(key.PublicKey.Pem);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Adds <c>--checkpoint FILE...</c> and <c>--public-key</c> to <c>ledger verify</c>: receipts
    /// and the pinned key are read before anything else (a malformed one exits 2, nothing checked),
    /// the command's own verification runs unchanged, then the ledger it verified (the database or
    /// <c>--file</c>) is read once more against the receipts. Exit 1 when either check fails.
    /// </summary>
    public static Command WithCheckpoints(Command verify, CliConsole console)
    {
        // Whatever shape the verify action takes (it is another part's to change), it runs unchanged.
        var action = verify.Action;
        Task<int> Inner(ParseResult parse, CancellationToken ct) => action switch
        {
            AsynchronousCommandLineAction a => a.InvokeAsync(parse, ct),
            SynchronousCommandLineAction s => Task.FromResult(s.Invoke(parse)),
            _ => throw new InvalidOperationException("ledger verify has no action to extend"),
        };

        var checkpoints = new Option<FileInfo[]>("--checkpoint")
        {
            Description = "receipts from `ledger checkpoint` (repeatable): fail unless the ledger still holds each one's event with its hash and the signature verifies",
            AllowMultipleArgumentsPerToken = true,
        };
        var publicKey = new Option<string?>("--public-key")
        {
            Description = "the vendor key the receipts must be signed with: a file or value holding the PEM or base64 public key, or its 64-hex key id (as `ledger key` prints)",
        };
        verify.Options.Add(checkpoints);
        verify.Options.Add(publicKey);
        verify.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var files = parse.GetValue(checkpoints) ?? [];
            var pinText = parse.GetValue(publicKey);
            if (files.Length == 0)
            {
                return pinText is null
                    ? await Inner(parse, ct)
                    : throw new CliException("--public-key pins the key of receipts: give them with --checkpoint FILE");
            }

            var receipts = new List<(string, CheckpointReceipt)>();
            foreach (var file in files)
            {
                if (!file.Exists)
                {
                    throw new CliException($"{file.FullName}: file not found");
                }

                if (file.Length > CheckpointReceipt.MaxBytes)
                {
                    throw new DomainException(CheckpointErrors.Malformed, $"{file.FullName}: is {file.Length} bytes: a receipt is at most {CheckpointReceipt.MaxBytes}");
                }

                receipts.Add((file.FullName, CheckpointReceipt.Parse(await File.ReadAllBytesAsync(file.FullName, ct), file.FullName)));
            }

            var pin = pinText is null ? null
                : File.Exists(pinText) ? KeyPin.Parse(await File.ReadAllTextAsync(pinText, ct), Path.GetFullPath(pinText))
                : KeyPin.Parse(pinText, "--public-key");

            var chain = await Inner(parse, ct);
            var check = new CheckpointCheck(receipts, pin);
            await foreach (var e in LedgerOf(parse, console, ct))
            {
                check.Add(e);
            }

            var failed = false;
            foreach (var finding in check.Finish())
            {
                failed |= !finding.IsOk;
                await console.Out.WriteLineAsync(finding.IsOk
                    ? $"CHECKPOINT OK: {finding.Source}: {finding.Message}"
                    : $"CHECKPOINT FAILED: {finding.Source}: {finding.Error!.Value}: {finding.Message}");
            }

            return Math.Max(chain, failed ? ExitCodes.CheckFailed : ExitCodes.Success);
        }));
        return verify;
    }

    /// <summary>
    /// The ledger <c>verify</c> just checked: the export named by <c>--file</c>, or the database.
    /// Lines of an export that cannot be read are skipped here (the chain check already named the
    /// first one); the events that can be read are still judged against the receipts.
    /// </summary>
    private static async IAsyncEnumerable<LedgerEntry> LedgerOf(ParseResult parse, CliConsole console, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (parse.GetValue<FileInfo?>("--file") is { } export)
        {
            using var reader = new StreamReader(export.FullName);
            foreach (var line in LedgerExport.ReadLines(reader))
            {
                ct.ThrowIfCancellationRequested();
                if (line.Entry is { } entry)
                {
                    yield return entry;
                }
            }

            yield break;
        }

        var store = await CliStore.OpenAsync(parse, console.Time, ct);
        await foreach (var e in store.ReadLedgerAsync(ct))
        {
            yield return e;
        }
    }

    private static async Task<SigningKey> ResolveKeyAsync(CodeLedgerStore store, CliConsole console, CancellationToken ct)
    {
        var resolution = await SigningKeys.ResolveAsync(store.Location, Environment.GetEnvironmentVariable(SigningKeys.Variable), ct);
        if (resolution.CreatedFile is { } created)
        {
            await console.Error.WriteLineAsync(
                $"codeledger: created the vendor's checkpoint signing key {created} (key id {resolution.Key.PublicKey.KeyId}, readable by its owner only): back it up and keep it apart from the database; practices pin its public key (codeledger ledger key)");
        }

        return resolution.Key;
    }
}
