using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Testing;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>The replay fold keeps PHI hashes packed; a packed hash must give back exactly the text it was given.</summary>
public class PackedHashTests
{
    [Theory]
    [InlineData("hmac-sha256:k1:00ff10ab9c")]
    [InlineData("hmac-sha256:0123456789abcdef:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("hmac-sha256:k1:00FF")]
    [InlineData("hmac-sha256:k1:abc")]
    [InlineData("hmac-sha256:k1:")]
    [InlineData("")]
    [InlineData("not a hash")]
    public void A_packed_hash_gives_back_exactly_its_text(string text) => Assert.Equal(text, PackedHash.Of(text).Text);

    [Fact]
    public void A_missing_hash_stays_missing()
    {
        Assert.True(PackedHash.Of(null).IsNull);
        Assert.Null(PackedHash.Of(null).Text);
        Assert.Null(default(PackedHash).Text);
    }

    [Fact]
    public void Any_text_round_trips()
    {
        var texts = from prefix in Gen.Elements("", "hmac-sha256:", "hmac-sha256:kid:", "a:b:c:") from hex in Gen.ArrayOf(Gen.Elements("0123456789abcdefABCDEF: x".ToCharArray())) select prefix + new string(hex);
        Properties.ForAll(texts, t => Assert.Equal(t, PackedHash.Of(t).Text), count: 2_000);
    }
}
