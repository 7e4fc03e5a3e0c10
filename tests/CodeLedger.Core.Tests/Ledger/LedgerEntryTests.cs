using System.Text;
using CodeLedger.Core.Ledger;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// An entry read with its payload as the stored UTF-8 bytes (LedgerEntry.FromUtf8Payload, replay
/// verification's reader) is the same entry as one read as text: the same payload text, equal, the same
/// hash, and an altered byte is caught by the chain as an altered character is.
/// </summary>
public sealed class LedgerEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 2, 14, 35, 0, TimeSpan.Zero);

    private static LedgerEntry Text(string payload) => Hashed(new LedgerEntry(7, At, "jdoe", "query.raised", "NFM-1", payload, LedgerHash.Genesis, string.Empty));

    private static LedgerEntry Hashed(LedgerEntry e) => e with { Hash = LedgerHash.Compute(e) };

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"question\":\"hmac-sha256:k1:ab\",\"choices\":[\"left\",\"right\"]}")]
    [InlineData("{\"name\":\"Zoë Ångström — 東京 \\u0000 😀\"}")]
    public void An_entry_read_as_bytes_is_the_entry_read_as_text_and_verifies_alike(string payload)
    {
        var text = Text(payload);

        var bytes = LedgerEntry.FromUtf8Payload(text.Sequence, text.Instant, text.Actor, text.Type, text.Subject, Encoding.UTF8.GetBytes(payload), text.PreviousHash, text.Hash);

        Assert.True(bytes.TryGetPayloadUtf8(out var utf8));
        Assert.Equal(Encoding.UTF8.GetBytes(payload), utf8.ToArray());
        Assert.Equal(payload, bytes.Payload);
        Assert.Equal(text, bytes);
        Assert.Equal(text.GetHashCode(), bytes.GetHashCode());
        Assert.True(LedgerHash.Matches(text));
        Assert.True(LedgerHash.Matches(bytes));
        Assert.Equal(text.Hash, LedgerHash.Compute(bytes));
    }

    [Fact]
    public void One_altered_byte_of_a_payload_read_as_bytes_no_longer_matches_its_hash()
    {
        var text = Text("{\"answer\":\"left knee\"}");
        var altered = Encoding.UTF8.GetBytes(text.Payload);
        altered[^3] ^= 0x01;

        var bytes = LedgerEntry.FromUtf8Payload(text.Sequence, text.Instant, text.Actor, text.Type, text.Subject, altered, text.PreviousHash, text.Hash);

        Assert.False(LedgerHash.Matches(bytes));
        Assert.NotEqual(text, bytes);
    }

    [Fact]
    public void A_payload_set_as_text_replaces_the_bytes_it_was_read_as()
    {
        var bytes = LedgerEntry.FromUtf8Payload(1, At, "a", "t", "s", "{\"a\":1}"u8.ToArray(), LedgerHash.Genesis, LedgerHash.Genesis);

        var edited = bytes with { Payload = "{\"a\":2}" };

        Assert.False(edited.TryGetPayloadUtf8(out _));
        Assert.Equal("{\"a\":2}", edited.Payload);
        Assert.Equal("{\"a\":1}", bytes.Payload);
    }
}
