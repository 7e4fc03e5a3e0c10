using System.Text;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;

namespace CodeLedger.Core.Tests.Ledger.Checkpoints;

/// <summary>
/// A stored checkpoint is a shortcut for the next checkpoint's walk: trusted only when it reads,
/// verifies under the signing key and its event still has its head; otherwise the whole ledger is
/// walked and the reason said. A walk resumed from it gives the checkpoint the whole walk gives.
/// </summary>
public sealed class CheckpointResumeTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);

    private readonly SigningKey _vendor = SigningKey.Generate();

    public void Dispose() => _vendor.Dispose();

    private static LedgerCheckpoint Tally(IEnumerable<LedgerEntry> entries, CheckpointTally? tally = null)
    {
        tally ??= new CheckpointTally();
        foreach (var e in entries)
        {
            Assert.True(tally.Add(e), $"event {e.Sequence} verifies");
        }

        return tally.Checkpoint(At);
    }

    private StoredCheckpoint Stored(IEnumerable<LedgerEntry> entries, SigningKey? key = null)
    {
        var receipt = CheckpointReceipt.Sign(Tally(entries), key ?? _vendor);
        return new StoredCheckpoint(receipt.Checkpoint.Sequence, receipt.ToJson());
    }

    private static StoredCheckpoint EditedReceipt(StoredCheckpoint stored, string find, string replace)
    {
        var text = Encoding.UTF8.GetString(stored.Receipt);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is in the receipt");
        return stored with { Receipt = Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length))) };
    }

    [Fact]
    public void A_walk_resumed_at_a_trusted_checkpoint_gives_the_checkpoint_of_the_whole_walk()
    {
        var ledger = Ledgers.Chain(50);
        var stored = Stored(ledger.Take(30));

        var resume = CheckpointResume.Decide(stored, _vendor.PublicKey, ledger[29].Hash);
        var tally = new CheckpointTally(resume.From!);
        var resumed = Tally(ledger.Skip(30), tally);

        Assert.True(resume.Resumes, resume.Reason);
        Assert.StartsWith("resumed at the stored checkpoint of event 30", resume.Reason, StringComparison.Ordinal);
        Assert.Equal(20, tally.Walked);
        Assert.Equal(Tally(ledger), resumed);
    }

    [Fact]
    public void A_checkpoint_at_the_head_resumes_with_nothing_to_walk()
    {
        var ledger = Ledgers.Chain(12);

        var resume = CheckpointResume.Decide(Stored(ledger), _vendor.PublicKey, ledger[^1].Hash);

        Assert.Equal(Tally(ledger), Tally([], new CheckpointTally(resume.From!)));
    }

    [Fact]
    public void Without_a_stored_checkpoint_the_whole_ledger_is_walked_saying_so()
    {
        var resume = CheckpointResume.Decide(null, _vendor.PublicKey, null);

        Assert.False(resume.Resumes);
        Assert.Equal($"no stored checkpoint signed by key id {_vendor.PublicKey.KeyId}; walked the whole ledger", resume.Reason);
    }

    [Fact]
    public void An_edited_count_in_the_stored_row_fails_its_signature_and_the_whole_ledger_is_walked()
    {
        var ledger = Ledgers.Chain(40);
        var stored = Stored(ledger.Take(22));

        // One event moved from one type to another: the counts still add up to the sequence, so the receipt reads.
        var edited = EditedReceipt(EditedReceipt(stored, "\"encounter.finalized\": 5", "\"encounter.finalized\": 6"), "\"encounter.received\": 6", "\"encounter.received\": 5");

        var resume = CheckpointResume.Decide(edited, _vendor.PublicKey, ledger[21].Hash);

        Assert.False(resume.Resumes);
        Assert.Contains("does not verify against the signing key: its row was edited; walked the whole ledger", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_filed_under_another_event_than_its_receipt_is_not_trusted()
    {
        var ledger = Ledgers.Chain(40);
        var stored = Stored(ledger.Take(20)) with { Sequence = 35 };

        var resume = CheckpointResume.Decide(stored, _vendor.PublicKey, ledger[34].Hash);

        Assert.False(resume.Resumes);
        Assert.StartsWith("the stored checkpoint filed under event 35 attests event 20: its row was edited", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_that_does_not_read_is_not_trusted()
    {
        var ledger = Ledgers.Chain(10);
        var stored = Stored(ledger) with { Receipt = "{\"format\": \"nope\"}"u8.ToArray() };

        var resume = CheckpointResume.Decide(stored, _vendor.PublicKey, ledger[^1].Hash);

        Assert.False(resume.Resumes);
        Assert.StartsWith("the stored checkpoint of event 10 does not read (CHECKPOINT-MALFORMED)", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_signed_by_another_key_is_not_trusted_by_this_one()
    {
        var ledger = Ledgers.Chain(10);
        using var other = SigningKey.Generate();

        var resume = CheckpointResume.Decide(Stored(ledger, other), _vendor.PublicKey, ledger[^1].Hash);

        Assert.False(resume.Resumes);
        Assert.Contains($"is signed by key id {other.PublicKey.KeyId}, not the signing key {_vendor.PublicKey.KeyId}", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_whose_event_now_has_another_hash_is_not_trusted_and_the_rewritten_ledger_is_walked_whole()
    {
        var ledger = Ledgers.Chain(40);
        var stored = Stored(ledger.Take(25));
        var rewritten = Ledgers.RewrittenFrom(ledger, 10);

        var resume = CheckpointResume.Decide(stored, _vendor.PublicKey, rewritten[24].Hash);

        Assert.False(resume.Resumes);
        Assert.Equal($"event 25 now has hash {rewritten[24].Hash}, the stored checkpoint attests {ledger[24].Hash}: the ledger was rewritten at or before it; walked the whole ledger", resume.Reason);
    }

    [Fact]
    public void A_checkpoint_of_an_event_the_ledger_no_longer_holds_is_not_trusted()
    {
        var ledger = Ledgers.Chain(40);

        var resume = CheckpointResume.Decide(Stored(ledger), _vendor.PublicKey, null);

        Assert.False(resume.Resumes);
        Assert.StartsWith("the stored checkpoint attests event 40, which the ledger no longer holds", resume.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resumed_walk_still_refuses_an_edited_event_after_the_checkpoint_or_one_that_does_not_link_to_it()
    {
        var ledger = Ledgers.Chain(30);
        var from = CheckpointResume.Decide(Stored(ledger.Take(10)), _vendor.PublicKey, ledger[9].Hash).From!;
        var edited = new CheckpointTally(from);
        var unlinked = new CheckpointTally(from);

        foreach (var e in ledger.Skip(10))
        {
            edited.Add(e.Sequence == 20 ? e with { Payload = "{\"n\":0}" } : e);
        }

        // The events after the checkpoint from another chain: they do not link to its head.
        foreach (var e in Ledgers.RewrittenFrom(ledger, 5).Skip(10))
        {
            unlinked.Add(e);
        }

        Assert.Contains("event 20 was altered", Assert.Throws<DomainException>(() => edited.Checkpoint(At)).Message, StringComparison.Ordinal);
        Assert.Contains("event 11 does not link", Assert.Throws<DomainException>(() => unlinked.Checkpoint(At)).Message, StringComparison.Ordinal);
    }
}
