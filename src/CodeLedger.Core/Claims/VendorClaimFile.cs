using System.Globalization;
using System.Security.Cryptography;
using CodeLedger.Core.Common;
using CodeLedger.X12;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;

namespace CodeLedger.Core.Claims;

/// <summary>One claim of a vendor's 837P with the envelope it came in (ISA13, GS06, ST02).</summary>
public sealed record VendorClaim(string InterchangeControl, string GroupControl, string TransactionControl, Claim837 Claim);

/// <summary>
/// A vendor's 837P read whole: its SHA-256 and its claims with their envelopes. A file that is not
/// X12, not an 837P (an 835, say), or has any structural error is refused whole with the X12
/// reader's findings (code, segment position and id, element), as <c>claims scrub</c> reports them;
/// a finding never quotes a value, so no name or member id from NM1/DMG is printed.
/// </summary>
public sealed record VendorClaimFile(string FileName, string Sha256, IReadOnlyList<VendorClaim> Claims)
{
    public static VendorClaimFile Read(string fileName, byte[] bytes)
    {
        var document = X12Document.Load(bytes);
        var result = document.Result;
        if (!result.IsX12 || !result.IsReadable)
        {
            throw Unreadable(fileName, result, "is not an X12 005010 file");
        }

        if (result.Kind != X12DocumentKind.Claim837P)
        {
            throw new DomainException(ClaimsImportErrors.Unreadable,
                $"{fileName}: an X12 {result.Kind} file holds no professional claims; give the vendor's 837P (005010X222A1); nothing was imported");
        }

        if (result.HasErrors)
        {
            throw Unreadable(fileName, result, "has X12 errors");
        }

        var claims = new List<VendorClaim>();
        foreach (var interchange in document.Claims837)
        {
            foreach (var transaction in interchange.Transactions)
            {
                claims.AddRange(transaction.Claims.Select(c => new VendorClaim(interchange.Interchange.ControlNumber, interchange.Group.ControlNumber, transaction.Header.ControlNumber, c)));
            }
        }

        if (claims.Count == 0)
        {
            throw new DomainException(ClaimsImportErrors.Unreadable, $"{fileName}: the 837P holds no claims; nothing was imported");
        }

        return new VendorClaimFile(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), claims);
    }

    private static DomainException Unreadable(string fileName, X12ParseResult result, string what)
    {
        var findings = result.Errors.Where(e => e.Severity == X12Severity.Error).Take(50).Select(e => string.Create(CultureInfo.InvariantCulture,
            $"\n  X12 {e.Code} at segment {e.Segment} ({e.SegmentId}{(e.Element is > 0 ? $", element {e.Element}" : string.Empty)}): {e.Message}"));
        var more = result.ErrorsNotKept > 0 ? string.Create(CultureInfo.InvariantCulture, $"\n  ... and {result.ErrorsNotKept} more") : string.Empty;
        return new DomainException(ClaimsImportErrors.Unreadable, $"{fileName} {what}; nothing was imported{string.Concat(findings)}{more}");
    }
}
