using System.Text;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger;
using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Testing;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Ledger.Checkpoints;

public sealed class CheckpointReceiptTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 10, 14, 15, 0, 0, TimeSpan.Zero);

    private readonly SigningKey _key = SigningKey.Generate();

    public void Dispose() => _key.Dispose();

    private static LedgerCheckpoint CheckpointOf(IEnumerable<LedgerEntry> entries)
    {
        var tally = new CheckpointTally();
        foreach (var e in entries)
        {
            tally.Add(e);
        }

        return tally.Checkpoint(At);
    }

    private byte[] ReceiptFile(int events = 12) => CheckpointReceipt.Sign(CheckpointOf(Ledgers.Chain(events)), _key).ToJson();

    private static bool Verifies(byte[] file)
    {
        try
        {
            return CheckpointReceipt.Parse(file, "receipt.json").SignatureVerifies();
        }
        catch (DomainException e) when (e.Error == CheckpointErrors.Malformed)
        {
            return false;
        }
    }

    [Fact]
    public void A_checkpoint_states_the_head_the_last_sequence_and_the_events_by_type()
    {
        var chain = Ledgers.Chain(12);

        var checkpoint = CheckpointOf(chain);

        Assert.Equal((12L, chain[^1].Hash, At), (checkpoint.Sequence, checkpoint.Head, checkpoint.At));
        Assert.Equal(chain.GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count())),
            checkpoint.EventsByType.Select(t => (t.Key, t.Value)));
    }

    [Fact]
    public void A_signed_receipt_reads_back_identical_and_its_signature_verifies()
    {
        var file = ReceiptFile();

        var receipt = CheckpointReceipt.Parse(file, "receipt.json");

        Assert.True(receipt.SignatureVerifies());
        Assert.Equal(_key.PublicKey, receipt.PublicKey);
        Assert.Equal(file, receipt.ToJson());
    }

    [Fact]
    public void The_signed_bytes_are_the_documented_length_prefixed_fields()
    {
        var checkpoint = new LedgerCheckpoint(3, new string('a', 64), At, new Dictionary<string, long> { ["encounter.received"] = 2, ["baa.signed"] = 1 });

        var signed = Encoding.UTF8.GetString(CheckpointReceipt.SignedBytes(checkpoint, new string('b', 64)));

        Assert.Equal(
            "24:codeledger-checkpoint-v1\n1:3\n64:" + new string('a', 64) + "\n27:2026-10-14T15:00:00.000000Z\n64:" + new string('b', 64)
            + "\n1:2\n10:baa.signed\n1:1\n18:encounter.received\n1:2\n",
            signed);
    }

    [Fact]
    public void Any_single_byte_change_to_a_receipt_fails_verification()
    {
        var file = ReceiptFile();
        Assert.True(Verifies(file));
        var changes = from index in Gen.Choose(0, file.Length - 1)
                      from delta in Gen.Choose(1, 255)
                      select (Index: index, Delta: delta);

        Properties.ForAll(changes, change =>
        {
            var edited = (byte[])file.Clone();
            edited[change.Index] = unchecked((byte)(edited[change.Index] + change.Delta));
            Assert.False(Verifies(edited), $"byte {change.Index} changed by {change.Delta} still verifies");
        }, count: 5_000);
    }

    [Fact]
    public void Every_byte_changed_to_each_neighbouring_character_fails_verification()
    {
        // The property samples; this walks every position once with the edits a person would make
        // by hand: the next and previous character (a digit up or down, a letter's case kept).
        var file = ReceiptFile();
        for (var i = 0; i < file.Length; i++)
        {
            foreach (var delta in new[] { 1, 255 })
            {
                var edited = (byte[])file.Clone();
                edited[i] = unchecked((byte)(edited[i] + delta));
                Assert.False(Verifies(edited), $"byte {i} changed by {delta} still verifies");
            }
        }
    }

    [Fact]
    public void A_receipt_signed_by_another_key_with_this_key_stated_does_not_verify()
    {
        using var other = SigningKey.Generate();
        var genuine = CheckpointReceipt.Sign(CheckpointOf(Ledgers.Chain(5)), _key);
        var forged = Encoding.UTF8.GetString(CheckpointReceipt.Sign(genuine.Checkpoint, other).ToJson())
            .Replace(other.PublicKey.Base64, _key.PublicKey.Base64, StringComparison.Ordinal)
            .Replace(other.PublicKey.KeyId, _key.PublicKey.KeyId, StringComparison.Ordinal);

        Assert.False(Verifies(Encoding.UTF8.GetBytes(forged)));
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("{\"format\":\"codeledger-checkpoint-v1\"}", "field 'sequence' is missing")]
    public void A_malformed_receipt_names_the_file_and_what_is_wrong(string text, string expected)
    {
        var e = Assert.Throws<DomainException>(() => CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(text), "/kept/receipt-2026-10.json"));

        Assert.Equal(CheckpointErrors.Malformed, e.Error);
        Assert.StartsWith("/kept/receipt-2026-10.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_and_a_long_one_is_cut_short()
    {
        var text = Encoding.UTF8.GetString(ReceiptFile());
        var longName = new string('x', 5_000);
        var edited = text.Replace("\"format\"", $"\"{longName}\": 1,\n  \"format\"", StringComparison.Ordinal);

        var e = Assert.Throws<DomainException>(() => CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(edited), "r.json"));

        Assert.Contains($"field '{new string('x', 40)}...' is not a receipt field", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 300, e.Message);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var text = Encoding.UTF8.GetString(ReceiptFile())
            .Replace("\"head\": \"", "\"head\": \"Z", StringComparison.Ordinal)
            .Replace("\"at\": \"2026", "\"at\": \"26", StringComparison.Ordinal)
            .Replace("\"signature\": \"", "\"signature\": \"!", StringComparison.Ordinal);

        var e = Assert.Throws<DomainException>(() => CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(text), "r.json"));

        Assert.Contains("field 'head'", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'at'", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'signature'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_indented_receipt_is_refused_even_though_it_reads()
    {
        var compact = System.Text.Json.Nodes.JsonNode.Parse(ReceiptFile())!.ToJsonString();

        var e = Assert.Throws<DomainException>(() => CheckpointReceipt.Parse(Encoding.UTF8.GetBytes(compact), "r.json"));

        Assert.Contains("not byte for byte as CodeLedger wrote it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_checkpoint_is_taken_of_a_broken_chain_or_an_empty_ledger()
    {
        var chain = Ledgers.Chain(6);
        chain[3] = chain[3] with { Actor = "someone-else" };
        var broken = new CheckpointTally();
        chain.ForEach(e => broken.Add(e));

        Assert.Equal(CheckpointErrors.LedgerNotIntact, Assert.Throws<DomainException>(() => broken.Checkpoint(At)).Error);
        Assert.Equal(CheckpointErrors.LedgerNotIntact, Assert.Throws<DomainException>(() => new CheckpointTally().Checkpoint(At)).Error);
    }
}
