using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Ledger;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Core.Tests.Ledger;

/// <summary>
/// The event hash is written straight into bytes (no intermediate strings, docs/PERFORMANCE.md): it
/// must still be the SHA-256 of the documented canonical form, built here the plain way, for any
/// fields — multi-byte UTF-8, empty, long payloads, large sequence numbers, any microsecond.
/// </summary>
public class LedgerHashTests
{
    private static string Reference(long sequence, DateTimeOffset instant, string actor, string type, string subject, string payload, string previous)
    {
        var canonical = new StringBuilder();
        foreach (var field in new[] { LedgerHash.FormatTag, sequence.ToString(CultureInfo.InvariantCulture), Core.Common.Instants.Format(instant), actor, type, subject, payload, previous })
        {
            canonical.Append(CultureInfo.InvariantCulture, $"{Encoding.UTF8.GetByteCount(field)}:{field}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.Elements("", "a", "Zoë Müller ✓", "{\"id\":\"é\"}", "日本語のテキスト", "emoji 🧾 surrogate"),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get),
        Gen.Choose(0, 5000).Select(n => new string('x', n) + "€"));

    [Fact]
    public void The_hash_is_the_sha256_of_the_documented_canonical_form_for_any_fields()
    {
        var cases =
            from sequence in Gen.OneOf(Gen.Choose(1, 1000).Select(i => (long)i), Gen.Constant(long.MaxValue), Gen.Choose(0, int.MaxValue).Select(i => (long)i * 4099))
            from ticks in Gen.Choose(0, int.MaxValue)
            from actor in Texts
            from type in Texts
            from subject in Texts
            from payload in Texts
            select (sequence, Instant: new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks((long)ticks * 1237), actor, type, subject, payload);
        Properties.ForAll(cases, c =>
        {
            var expected = Reference(c.sequence, c.Instant, c.actor, c.type, c.subject, c.payload, LedgerHash.Genesis);
            Assert.Equal(expected, LedgerHash.Compute(c.sequence, c.Instant, c.actor, c.type, c.subject, c.payload, LedgerHash.Genesis));
            var entry = new LedgerEntry(c.sequence, c.Instant, c.actor, c.type, c.subject, c.payload, LedgerHash.Genesis, expected);
            Assert.True(LedgerHash.Matches(entry));
            Assert.False(LedgerHash.Matches(entry with { Hash = expected[..63] + (expected[63] == '0' ? '1' : '0') }));
            Assert.False(LedgerHash.Matches(entry with { Hash = expected.ToUpperInvariant() == expected ? expected + "0" : expected.ToUpperInvariant() }));
        });
    }

    [Fact]
    public void An_instant_in_another_offset_hashes_as_its_utc_microsecond()
    {
        var utc = new DateTimeOffset(2026, 10, 1, 13, 0, 0, TimeSpan.Zero).AddTicks(1234560);
        var local = utc.ToOffset(TimeSpan.FromHours(-5)).AddTicks(3); // sub-microsecond ticks are dropped
        Assert.Equal(LedgerHash.Compute(7, utc, "a", "t", "s", "{}", LedgerHash.Genesis), LedgerHash.Compute(7, local, "a", "t", "s", "{}", LedgerHash.Genesis));
        Assert.Equal(Reference(7, local, "a", "t", "s", "{}", LedgerHash.Genesis), LedgerHash.Compute(7, local, "a", "t", "s", "{}", LedgerHash.Genesis));
    }
}
