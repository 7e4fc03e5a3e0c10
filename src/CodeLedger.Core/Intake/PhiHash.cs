using System.Security.Cryptography;
using System.Text;

namespace CodeLedger.Core.Intake;

/// <summary>
/// The ledger never holds PHI (ARCHITECTURE.md, Decisions): documentation and other patient text
/// enter it only as the lower-case hex SHA-256 of their UTF-8 bytes.
/// </summary>
public static class PhiHash
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
