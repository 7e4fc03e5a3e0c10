using System.Globalization;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Common;

/// <summary>
/// Identifiers drawn from a seeded <see cref="Random"/>, so generated worlds (the demo, benchmark
/// data) are the same for the same seed, identifiers included.
/// </summary>
public static class SeededIds
{
    /// <summary>A version-4-shaped GUID from 16 random bytes.</summary>
    public static Guid NextGuid(this Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A valid NPI: "1", eight random digits, and the Luhn check digit over prefix 80840.</summary>
    public static Npi NextNpi(this Random random)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"1{random.Next(10_000_000, 99_999_999)}");
        return Npi.Parse(digits + Npi.CheckDigit(digits).ToString(CultureInfo.InvariantCulture));
    }
}
