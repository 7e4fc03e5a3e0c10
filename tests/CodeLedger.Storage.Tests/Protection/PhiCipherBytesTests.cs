using System.Text;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Storage.Tests.Protection;

/// <summary>
/// Replay verification decrypts the stored notes and demographics from the stored text's bytes
/// (<see cref="PhiCipher.UnprotectUtf8"/>): the plaintext it hashes must be the one the application
/// reads (<see cref="PhiCipher.Unprotect"/>), and what the application refuses it must refuse alike.
/// </summary>
public sealed class PhiCipherBytesTests
{
    private const string Column = "encounters.documentation_text";
    private static readonly PhiCipher Cipher = PhiCipher.With(PhiKey.ForDemo(7));

    private static string Read(string stored)
    {
        var scratch = new byte[8];
        return Encoding.UTF8.GetString(Cipher.UnprotectUtf8(Encoding.UTF8.GetBytes(stored), Column, ref scratch));
    }

    [Theory]
    [InlineData("Type 2 diabetes without complications; metformin continued.")]
    [InlineData("")]
    [InlineData("Garc\u00eda, 2 cm laceration \u2013 left knee \ud83d\ude00")]
    public void A_protected_value_decrypts_from_its_bytes_to_what_the_application_reads(string note)
    {
        var stored = Cipher.Protect(note, Column);

        Assert.Equal(note, Cipher.Unprotect(stored, Column));
        Assert.Equal(note, Read(stored));
    }

    [Fact]
    public void A_value_stored_before_encryption_existed_reads_as_its_own_text()
    {
        Assert.Equal("{\"familyName\":\"Garc\u00eda\"}", Read("{\"familyName\":\"Garc\u00eda\"}"));
    }

    [Fact]
    public void White_space_in_the_stored_text_is_read_past_as_the_application_reads_past_it()
    {
        var stored = Cipher.Protect("left knee", Column);
        var wrapped = stored[..20] + "\n" + stored[20..];

        Assert.Equal("left knee", Cipher.Unprotect(wrapped, Column));
        Assert.Equal("left knee", Read(wrapped));
    }

    [Fact]
    public void An_altered_value_or_one_moved_from_another_column_is_refused_as_corrupt()
    {
        var stored = Cipher.Protect("left knee", Column);
        var altered = stored[..30] + (stored[30] == 'A' ? 'B' : 'A') + stored[31..];
        var moved = Cipher.Protect("left knee", "encounters.patient");

        foreach (var value in new[] { altered, moved, stored[..20], "phi1:" + stored[5..14] + "!!!" })
        {
            var bytes = Assert.Throws<StorageException>(() => Read(value));
            var text = Assert.Throws<StorageException>(() => Cipher.Unprotect(value, Column));
            Assert.Equal(StorageErrorCodes.PhiCorrupt, bytes.Error);
            Assert.Equal(text.Error, bytes.Error);
            Assert.DoesNotContain("left knee", bytes.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_value_written_with_another_key_names_both_keys_and_no_content()
    {
        var other = PhiCipher.With(PhiKey.ForDemo(8)).Protect("left knee", Column);

        var error = Assert.Throws<StorageException>(() => Read(other));

        Assert.Equal(StorageErrorCodes.PhiKeyMismatch, error.Error);
        Assert.Contains(PhiKey.ForDemo(8).Id, error.Message, StringComparison.Ordinal);
        Assert.Contains(PhiKey.ForDemo(7).Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(Assert.Throws<StorageException>(() => Cipher.Unprotect(other, Column)).Message, error.Message);
    }
}
