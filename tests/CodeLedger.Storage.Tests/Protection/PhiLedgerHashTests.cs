using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Encounters;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Storage.Tests.Protection;

/// <summary>
/// The keyed hash the ledger carries for PHI (docs/LEDGER.md, "PHI in the ledger"): HMAC-SHA256 under
/// a key derived from the PHI key, so the same text under another key, or without the key, tells nothing.
/// </summary>
public sealed class PhiLedgerHashTests
{
    [Fact]
    public void The_same_text_under_two_phi_keys_gives_two_unrelated_values_each_naming_its_key()
    {
        var one = PhiKey.Generate();
        var two = PhiKey.Generate();

        var a = PhiLedgerHash.For(one).Of("yes");
        var b = PhiLedgerHash.For(two).Of("yes");

        Assert.NotEqual(a[^64..], b[^64..]);
        Assert.Matches($"^hmac-sha256:{one.Id}:[0-9a-f]{{64}}$", a);
        Assert.StartsWith($"hmac-sha256:{two.Id}:", b, StringComparison.Ordinal);
        Assert.NotEqual(Core.Intake.PhiHash.Sha256("yes"), a[^64..]);
        Assert.Equal(a, PhiLedgerHash.For(one).Of("yes"));
    }

    [Fact]
    public void The_value_is_the_documented_recipe_so_a_key_holder_can_recompute_it_with_any_library()
    {
        var key = PhiKey.Generate();

        // HKDF-SHA256 (RFC 5869): no salt, info "codeledger/ledger-phi-hash/v1", 32 bytes; then HMAC-SHA256 of the UTF-8 text.
        var prk = HMACSHA256.HashData(new byte[32], Convert.FromBase64String(key.ToBase64()));
        var derived = HMACSHA256.HashData(prk, (byte[])[.. Encoding.ASCII.GetBytes("codeledger/ledger-phi-hash/v1"), 1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(derived, Encoding.UTF8.GetBytes("Type 2 diabetes ✓")));

        Assert.Equal($"hmac-sha256:{key.Id}:{expected}", PhiLedgerHash.For(key).Of("Type 2 diabetes ✓"));
    }

    [Fact]
    public void Demographics_hash_over_a_length_prefixed_canonical_form_so_shifting_text_between_fields_changes_it()
    {
        var hash = PhiLedgerHash.For(PhiKey.Generate());
        var one = new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR1");
        var shifted = new PatientDemographics("Garci", "aLuis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR1");

        Assert.Equal("26:codeledger-demographics-v1\n6:Garcia\n4:Luis\n10:1958-07-04\n4:Male\n4:MBR1\n", PhiLedgerHash.Canonical(one));
        Assert.NotEqual(hash.Of(one), hash.Of(shifted));
        Assert.NotEqual(hash.Of(one), hash.Of(new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 5), PatientSex.Male, "MBR1")));
    }

    [Fact]
    public void The_demo_key_is_derived_from_the_seed_so_the_demo_ledger_is_the_same_on_every_run()
    {
        Assert.Equal(PhiKey.ForDemo(2026).ToBase64(), PhiKey.ForDemo(2026).ToBase64());
        Assert.NotEqual(PhiKey.ForDemo(2026).ToBase64(), PhiKey.ForDemo(2027).ToBase64());
    }
}
