using CodeLedger.Core.Common;

namespace CodeLedger.Core.Ledger.Checkpoints;

/// <summary>A checkpoint receipt as a database keeps it: the sequence its row is filed under and the receipt's bytes.</summary>
public sealed record StoredCheckpoint(long Sequence, byte[] Receipt);

/// <summary>
/// Where a checkpoint walk starts: at a stored checkpoint (<see cref="From"/>) or, when there is none
/// fit to trust, at event 1; <see cref="Reason"/> says which and why, for the command to print.
/// <para>
/// A stored checkpoint is only a shortcut, never a source of truth: it is trusted when its receipt
/// reads, its signature verifies under the very key about to sign (so an edited row, counts or head
/// or sequence, is refused: only the vendor's key could have signed it, and it signs only after a
/// walk), and the ledger still holds its event with its head. The head pins every event before it by
/// the hash chain, so the walk from there signs a head it checked. Anything else falls back to the
/// whole walk and says so; a walk that then finds a broken chain signs nothing, as before.
/// </para>
/// </summary>
public sealed record CheckpointResume(LedgerCheckpoint? From, string Reason)
{
    /// <summary>True when the walk starts after <see cref="From"/> instead of at event 1.</summary>
    public bool Resumes => From is not null;

    /// <param name="stored">The newest stored checkpoint at or before the ledger's head filed under the signer's key id, or null.</param>
    /// <param name="signer">The public key of the key that will sign the new checkpoint.</param>
    /// <param name="hashNow">The hash the ledger holds now for event <paramref name="stored"/>.Sequence, null when it holds no such event.</param>
    public static CheckpointResume Decide(StoredCheckpoint? stored, CheckpointPublicKey signer, string? hashNow)
    {
        if (stored is null)
        {
            return Whole($"no stored checkpoint signed by key id {signer.KeyId}");
        }

        CheckpointReceipt receipt;
        try
        {
            receipt = CheckpointReceipt.Parse(stored.Receipt, $"the stored checkpoint of event {stored.Sequence}");
        }
        catch (DomainException e)
        {
            return Whole($"the stored checkpoint of event {stored.Sequence} does not read ({e.Code}): its row was edited");
        }

        var c = receipt.Checkpoint;
        if (c.Sequence != stored.Sequence)
        {
            return Whole($"the stored checkpoint filed under event {stored.Sequence} attests event {c.Sequence}: its row was edited");
        }

        if (receipt.PublicKey.KeyId != signer.KeyId)
        {
            return Whole($"the stored checkpoint of event {c.Sequence} is signed by key id {receipt.PublicKey.KeyId}, not the signing key {signer.KeyId}");
        }

        if (!receipt.SignatureVerifies())
        {
            return Whole($"the stored checkpoint of event {c.Sequence} does not verify against the signing key: its row was edited");
        }

        if (hashNow is null)
        {
            return Whole($"the stored checkpoint attests event {c.Sequence}, which the ledger no longer holds");
        }

        if (!string.Equals(hashNow, c.Head, StringComparison.Ordinal))
        {
            return Whole($"event {c.Sequence} now has hash {hashNow}, the stored checkpoint attests {c.Head}: the ledger was rewritten at or before it");
        }

        return new(c, $"resumed at the stored checkpoint of event {c.Sequence} (signed {Instants.Format(c.At)}, still holding hash {c.Head})");
    }

    private static CheckpointResume Whole(string why) => new(null, $"{why}; walked the whole ledger");
}
