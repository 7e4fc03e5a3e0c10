using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;

namespace CodeLedger.Core.Tests.Ledger.Checkpoints;

public sealed class CheckpointCheckTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);

    private readonly SigningKey _vendor = SigningKey.Generate();

    public void Dispose() => _vendor.Dispose();

    private CheckpointReceipt ReceiptOf(IEnumerable<LedgerEntry> entries, SigningKey? key = null)
    {
        var tally = new CheckpointTally();
        foreach (var e in entries)
        {
            tally.Add(e);
        }

        return CheckpointReceipt.Sign(tally.Checkpoint(At), key ?? _vendor);
    }

    private static IReadOnlyList<CheckpointFinding> Check(IEnumerable<LedgerEntry> ledger, KeyPin? pin, params CheckpointReceipt[] receipts)
    {
        var check = new CheckpointCheck(receipts.Select((r, i) => ($"receipt-{i + 1}.json", r)), pin);
        foreach (var e in ledger)
        {
            check.Add(e);
        }

        return check.Finish();
    }

    private static ErrorCode? Only(IReadOnlyList<CheckpointFinding> findings) => Assert.Single(findings).Error;

    [Fact]
    public void The_ledger_that_was_signed_holds_its_receipt()
    {
        var ledger = Ledgers.Chain(40);

        var finding = Assert.Single(Check(ledger, KeyPin.Of(_vendor.PublicKey), ReceiptOf(ledger)));

        Assert.True(finding.IsOk, finding.Message);
        Assert.Contains("the pinned key", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_stays_valid_while_the_ledger_grows()
    {
        var ledger = Ledgers.Chain(60);
        var older = ReceiptOf(ledger.Take(20));
        var newer = ReceiptOf(ledger.Take(45));

        Assert.All(Check(ledger, null, older, newer), f => Assert.True(f.IsOk, f.Message));
    }

    [Fact]
    public void Cutting_events_from_the_head_is_caught_and_named()
    {
        var ledger = Ledgers.Chain(40);
        var receipt = ReceiptOf(ledger);

        var finding = Assert.Single(Check(ledger.Take(30), null, receipt));

        Assert.Equal(CheckpointErrors.Truncated, finding.Error);
        Assert.Contains("the ledger ends at event 30", finding.Message, StringComparison.Ordinal);
        Assert.Contains("event 40", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_every_event_is_caught() =>
        Assert.Equal(CheckpointErrors.Truncated, Only(Check([], null, ReceiptOf(Ledgers.Chain(3)))));

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(40)]
    public void Rewriting_at_or_before_the_checkpoint_is_caught_even_with_a_recomputed_chain(int rewritten)
    {
        var ledger = Ledgers.Chain(40);
        var receipt = ReceiptOf(ledger);
        var forged = Ledgers.RewrittenFrom(ledger, rewritten);
        Assert.True(LedgerVerifier.Verify(forged).IsIntact);

        var finding = Assert.Single(Check(forged, null, receipt));

        Assert.Equal(CheckpointErrors.Rewritten, finding.Error);
        Assert.Contains("event 40 now has hash", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewriting_after_the_checkpoint_is_not_the_receipt_s_business()
    {
        var ledger = Ledgers.Chain(40);
        var receipt = ReceiptOf(ledger.Take(20));

        Assert.Null(Only(Check(Ledgers.RewrittenFrom(ledger, 21), null, receipt)));
    }

    [Fact]
    public void Deleting_the_checkpointed_event_itself_is_named()
    {
        var ledger = Ledgers.Chain(40);
        var receipt = ReceiptOf(ledger.Take(20));

        var finding = Assert.Single(Check(ledger.Where(e => e.Sequence != 20), null, receipt));

        Assert.Equal(CheckpointErrors.Truncated, finding.Error);
        Assert.Contains("event 20 is not in the ledger (event 21 follows event 19)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_receipt_from_another_key_than_the_pinned_one_is_refused()
    {
        var ledger = Ledgers.Chain(10);
        using var impostor = SigningKey.Generate();

        var finding = Assert.Single(Check(ledger, KeyPin.Of(_vendor.PublicKey), ReceiptOf(ledger, impostor)));

        Assert.Equal(CheckpointErrors.KeyNotPinned, finding.Error);
        Assert.Contains(impostor.PublicKey.KeyId, finding.Message, StringComparison.Ordinal);
        Assert.Contains(_vendor.PublicKey.KeyId, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_pin_the_finding_says_the_key_was_not_pinned()
    {
        var ledger = Ledgers.Chain(10);

        var finding = Assert.Single(Check(ledger, null, ReceiptOf(ledger)));

        Assert.Contains("not pinned", finding.Message, StringComparison.Ordinal);
        Assert.Contains(_vendor.PublicKey.KeyId, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_by_type_that_differ_from_the_receipt_are_named()
    {
        // A vendor that signs a receipt whose counts were not the ledger's (a bug or a lie) is caught.
        var ledger = Ledgers.Chain(8);
        var honest = ReceiptOf(ledger).Checkpoint;
        var counts = honest.EventsByType.ToDictionary();
        var first = counts.Keys.First();
        counts[first]--;
        counts["demo.started"] = 1;
        var lying = CheckpointReceipt.Sign(new LedgerCheckpoint(honest.Sequence, honest.Head, honest.At, counts), _vendor);

        var finding = Assert.Single(Check(ledger, null, lying));

        Assert.Equal(CheckpointErrors.Counts, finding.Error);
        Assert.Contains("demo.started 0 (receipt 1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pin_is_read_from_pem_base64_or_key_id_and_nothing_else()
    {
        var key = _vendor.PublicKey;

        Assert.All(new[] { key.Pem, "key id ...\n" + key.Pem, key.Base64, key.KeyId, key.KeyId.ToUpperInvariant() },
            text => Assert.True(KeyPin.Parse(text, "--public-key").Matches(key)));
        var e = Assert.Throws<DomainException>(() => KeyPin.Parse("not a key", "--public-key"));
        Assert.Equal(CheckpointErrors.PublicKey, e.Error);
        Assert.DoesNotContain("not a key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signing_key_must_be_a_p256_private_key()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);

        Assert.Equal(CheckpointErrors.SigningKeyInvalid, Assert.Throws<DomainException>(() => SigningKey.Parse(p384.ExportPkcs8PrivateKeyPem(), "key file")).Error);
        Assert.Equal(CheckpointErrors.SigningKeyInvalid, Assert.Throws<DomainException>(() => SigningKey.Parse("garbage", "key file")).Error);
        using var again = SigningKey.Parse(_vendor.ToPem(), "key file");
        Assert.Equal(_vendor.PublicKey, again.PublicKey);
    }
}
