using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits,
/// the shared key in Base32, as every authenticator app reads it from an <c>otpauth://</c> URI.
/// Written here rather than taken from Identity's authenticator provider because that one reads the
/// wall clock: here the instant is given (the host's TimeProvider), and a code is accepted only for
/// a step later than the last one used, so an overheard code cannot be replayed.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    /// <summary>Steps either side of now that are still accepted (clock drift of a phone).</summary>
    public const int Drift = 1;

    public const int KeyBytes = 20;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>The 6-digit code of a key at a step.</summary>
    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The step a code matches at this instant (within the drift), if it is later than
    /// <paramref name="lastUsedStep"/>; null when the code is wrong, malformed or already used.
    /// </summary>
    public static long? Verify(byte[] key, string? code, DateTimeOffset now, long? lastUsedStep)
    {
        code = code?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = StepAt(now);
        for (var step = current - Drift; step <= current + Drift; step++)
        {
            if (!AccountPolicy.StepAlreadyUsed(step, lastUsedStep) && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The URI an authenticator app scans: issuer and account name, the key in Base32.</summary>
    public static string Uri(string issuer, string account, byte[] key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={Base32.Encode(key)}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
}

/// <summary>RFC 4648 Base32 without padding, upper case: the alphabet of authenticator keys.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                sb.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }

    /// <summary>The bytes of a Base32 text (case and spaces ignored), or null when it is not Base32.</summary>
    public static byte[]? Decode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '=')
            {
                continue;
            }

            var index = Alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
