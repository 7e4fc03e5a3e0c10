using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Billing;

/// <summary>
/// CLM01, the patient control number the payer echoes back in 277CA and 835 (CLP01): at most 20
/// characters (005010X222A1 loop 2300). The scheme is <c>{encounter key}-{submission}</c>: unique
/// per practice because encounter keys are, stable for the encounter's first submission (always
/// <c>-1</c>), and a replacement or void gets the next number so that every claim sent has its own
/// id. An encounter key too long for that, or holding characters beyond letters, digits, '-' and
/// '.', which some payers strip, is replaced by <c>E</c> and the first 14 hexadecimal digits of
/// its SHA-256, so the id stays stable and (to 2^-56 per pair) unique.
/// </summary>
public static class ClaimId
{
    public const int MaxLength = 20;

    public static string For(string encounterKey, int submission)
    {
        if (submission is < 1 or > 999)
        {
            throw new DomainException(BillingErrors.ClaimSubmission, $"a claim's submission number is 1 to 999, got {submission}");
        }

        if (string.IsNullOrWhiteSpace(encounterKey))
        {
            throw new DomainException(BillingErrors.ClaimSubmission, "a claim needs its encounter's key");
        }

        var suffix = "-" + submission.ToString(CultureInfo.InvariantCulture);
        var key = encounterKey.Length + suffix.Length <= MaxLength && encounterKey.All(Plain)
            ? encounterKey
            : "E" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(encounterKey)))[..14];
        return key + suffix;
    }

    /// <summary>
    /// REF*6R of a claim's line (loop 2400): <c>{CLM01}-{LX}</c>, at most 24 characters (REF02 allows
    /// 50). Unique per practice because CLM01 is and the line number follows the last '-', so the
    /// payer's echo in an 835 (loop 2110 REF*6R) or a 277CA (REF*FJ) names one line of one claim sent.
    /// </summary>
    public static string LineItemControlNumber(string claimId, int lineNumber)
    {
        if (lineNumber < 1)
        {
            throw new DomainException(BillingErrors.ClaimSubmission, $"a claim's line number is 1 or more, got {lineNumber}");
        }

        return claimId + "-" + lineNumber.ToString(CultureInfo.InvariantCulture);
    }

    private static bool Plain(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.';
}
