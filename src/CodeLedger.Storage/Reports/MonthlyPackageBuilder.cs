using System.Globalization;
using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Reports;

/// <summary>A monthly package built in memory: its files by name (manifest.json included) and what the caller prints.</summary>
/// <param name="Files">The files exactly as <see cref="PackageWriter.Render"/> gave them; write them with <see cref="PackageWriter.Write(IReadOnlyDictionary{string, byte[]}, string, bool)"/>.</param>
/// <param name="LedgerSequence">The last ledger sequence the checkpoint covers (the range is 1..this).</param>
/// <param name="CheckpointWalk">Where the checkpoint's walk of the chain started and why (<see cref="CheckpointResume.Reason"/>), with the events walked.</param>
public sealed record BuiltPackage(
    string Practice,
    string PracticeName,
    string? Vendor,
    string VendorName,
    string Month,
    MonthlyFigures Figures,
    IReadOnlyDictionary<string, byte[]> Files,
    long LedgerSequence,
    string KeyId,
    string CheckpointWalk);

/// <summary>
/// Builds a practice's monthly package: the figures from <see cref="MonthlyReportLoader"/> (its
/// tenant check included), the document, a checkpoint of the ledger signed with the database's
/// signing key, and the manifest (docs/PACKAGE.md). One path for `codeledger report monthly`, the
/// web host's /reports pages and the demo, so the three cannot differ. Appends nothing to the ledger;
/// keeps the receipt it signs in ledger_checkpoints, where the next build's walk resumes (docs/LEDGER.md).
/// </summary>
public sealed class MonthlyPackageBuilder(CodeLedgerStore store)
{
    /// <param name="principal">The reader; null for the operator.</param>
    /// <param name="signingKeyVariable">The value of <see cref="SigningKeys.Variable"/> (the caller reads the environment).</param>
    public async Task<BuiltPackage> BuildAsync(string practice, string? vendor, string month, Principal? principal, string? signingKeyVariable, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);

        // The checkpoint's walk of the chain (the events after the newest receipt this key stored, or
        // the whole ledger the first time: LedgerCheckpoints) needs nothing of the figures, so it runs
        // on its own connection beside the loader's reads and the figures, once the reader is let in.
        // The range is 1..head at the time of writing: the figures read the tables, which are the
        // whole ledger replayed. A write landing while the package is built can fall on either side,
        // as it could when the two ran one after the other.
        Task<(SigningKey Key, TakenCheckpoint Taken)>? checkpointing = null;
        SigningKey? key = null;
        try
        {
            var loaded = await new MonthlyReportLoader(store).LoadAsync(practice, vendor, month, principal,
                onAuthorized: () => checkpointing = Task.Run(() => TakeCheckpointAsync(signingKeyVariable, now, ct), ct), ct: ct);
            var figures = MonthlyReport.Build(loaded.Input);
            var document = MonthlyPackage.Document(figures, loaded.PracticeName, loaded.VendorName, now);

            (key, var taken) = await checkpointing!;
            var checkpoint = taken.Checkpoint;

            // Signed once: ECDSA signatures are randomized, so the receipt written is the one the manifest hashes.
            var receipt = CheckpointReceipt.Sign(checkpoint, key);
            await LedgerCheckpoints.RecordAsync(store, receipt, ct);
            var releases = loaded.Input.CodeSets.Infos
                .Select(i => new CodeSetRelease(i.Kind.ToString(), i.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Distinct().ToList();
            PackageMonth.TryParse(month, out var packageMonth);
            var facts = new ManifestFacts(loaded.Input.Practice, packageMonth, new LedgerRange(1, checkpoint.Sequence), releases, receipt);
            var files = PackageWriter.Render(document, Encoding.UTF8.GetBytes(MonthlyFiguresJson.Write(figures)), facts);
            return new BuiltPackage(loaded.Input.Practice, loaded.PracticeName, loaded.Input.Vendor, loaded.VendorName, month, figures, files, checkpoint.Sequence, receipt.PublicKey.KeyId,
                $"{taken.Resume.Reason} ({taken.Walked} events walked)");
        }
        finally
        {
            // A failed load or figures leave the walk to end on its own terms (its error, if any, is not the caller's then) and its key disposed.
            if (key is null && checkpointing is not null)
            {
                await ((Task)checkpointing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (checkpointing.IsCompletedSuccessfully)
                {
                    checkpointing.Result.Key.Dispose();
                }
            }

            key?.Dispose();
        }
    }

    /// <summary>The signing key (<see cref="SigningKeys"/>) and the ledger's checkpoint at its head, resumed at the newest receipt the key stored when it still holds.</summary>
    private async Task<(SigningKey Key, TakenCheckpoint Taken)> TakeCheckpointAsync(string? signingKeyVariable, DateTimeOffset at, CancellationToken ct)
    {
        var key = (await SigningKeys.ResolveAsync(store.Location, signingKeyVariable, ct)).Key;
        try
        {
            return (key, await LedgerCheckpoints.TakeAsync(store, key.PublicKey, at, ct));
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The ledger's last sequence and hash (0 and empty for an empty ledger): a built package stays current while they do.</summary>
    public async Task<(long Sequence, string Hash)> LedgerHeadAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var head = await db.LedgerEvents.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return head is null ? (0, string.Empty) : (head.Sequence, head.Hash);
    }
}
