using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Ledger;

/// <summary>A checkpoint taken of the ledger, where its walk started (<see cref="CheckpointResume.Reason"/>) and how many events it walked.</summary>
public sealed record TakenCheckpoint(LedgerCheckpoint Checkpoint, CheckpointResume Resume, long Walked);

/// <summary>
/// Checkpoints of the database's ledger (docs/LEDGER.md, "Stored checkpoints"): <see cref="TakeAsync"/>
/// resumes at the newest receipt stored under the signing key when <see cref="CheckpointResume"/>
/// trusts it, and otherwise walks the whole chain; <see cref="RecordAsync"/> keeps a signed receipt
/// for the next walk. The receipts are not ledgered (they describe the ledger; an event for each
/// would move the head the receipt attests).
/// </summary>
public static class LedgerCheckpoints
{
    private const string SelectAfter = "SELECT sequence, instant, actor, type, subject, payload, previous_hash, hash FROM ledger_events WHERE sequence > @after ORDER BY sequence";

    /// <summary>
    /// The ledger's checkpoint now, to be signed by the key whose public half is <paramref name="signer"/>.
    /// Throws <see cref="CheckpointErrors.LedgerNotIntact"/> when the events walked do not verify, or the ledger is empty.
    /// </summary>
    public static async Task<TakenCheckpoint> TakeAsync(CodeLedgerStore store, CheckpointPublicKey signer, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var row = await db.LedgerCheckpoints.AsNoTracking()
            .Where(r => r.KeyId == signer.KeyId)
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Receipt })
            .FirstOrDefaultAsync(ct);
        string? hashNow = null;
        if (row is not null)
        {
            var sequence = row.Sequence;
            hashNow = await db.LedgerEvents.AsNoTracking().Where(e => e.Sequence == sequence).Select(e => e.Hash).FirstOrDefaultAsync(ct);
        }

        var resume = CheckpointResume.Decide(row is null ? null : new StoredCheckpoint(row.Sequence, Encoding.UTF8.GetBytes(row.Receipt)), signer, hashNow);
        var tally = resume.From is { } from ? new CheckpointTally(from) : new CheckpointTally();
        await foreach (var e in ReadAfterAsync(db, resume.From?.Sequence ?? 0, ct))
        {
            if (!tally.Add(e))
            {
                break;
            }
        }

        return new(tally.Checkpoint(at), resume, tally.Walked);
    }

    /// <summary>Keeps <paramref name="receipt"/> for the next walk; a receipt of the same event by the same key already kept stays.</summary>
    public static async Task RecordAsync(CodeLedgerStore store, CheckpointReceipt receipt, CancellationToken ct = default)
    {
        var c = receipt.Checkpoint;
        await using var db = store.CreateContext();
        if (await db.LedgerCheckpoints.AnyAsync(r => r.KeyId == receipt.PublicKey.KeyId && r.Sequence == c.Sequence, ct))
        {
            return;
        }

        db.LedgerCheckpoints.Add(new StoredCheckpointRow
        {
            KeyId = receipt.PublicKey.KeyId,
            Sequence = c.Sequence,
            Head = c.Head,
            SignedAt = c.At,
            Receipt = Encoding.UTF8.GetString(receipt.ToJson()),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another build of the same head kept its receipt first: either one serves the next walk.
            if (!await AlreadyKeptAsync(store, receipt, ct))
            {
                throw;
            }
        }
    }

    private static async Task<bool> AlreadyKeptAsync(CodeLedgerStore store, CheckpointReceipt receipt, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.LedgerCheckpoints.AnyAsync(r => r.KeyId == receipt.PublicKey.KeyId && r.Sequence == receipt.Checkpoint.Sequence, ct);
    }

    /// <summary>
    /// The events after <paramref name="after"/> in sequence order, read off the data reader as
    /// <see cref="LedgerRows"/> reads the whole ledger (EF's per-row materialization costs more than the hashing).
    /// </summary>
    private static async IAsyncEnumerable<LedgerEntry> ReadAfterAsync(CodeLedgerDbContext db, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = SelectAfter;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = "@after";
        parameter.Value = after;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            var instant = sqlite
                ? new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (reader.GetInt64(1) * 10), TimeSpan.Zero)
                : reader.GetFieldValue<DateTimeOffset>(1);
            yield return new LedgerEntry(
                sequence, instant, reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
        }
    }
}
