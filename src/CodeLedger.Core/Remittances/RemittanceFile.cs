using System.Globalization;
using System.Security.Cryptography;
using CodeLedger.Core.Common;
using CodeLedger.X12;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// An 835 file read whole for posting (<c>import remits</c>): its SHA-256 and its transaction sets
/// in file order. A file that is not X12, not an 835, or has any error finding of the X12 reader
/// (guide validation included) is refused whole with each finding's code, segment position and id,
/// loop and element; a finding never quotes a value, so no patient name from NM1*QC is printed.
/// </summary>
public sealed record RemittanceFile(string FileName, string Sha256, IReadOnlyList<RemittanceAdvice835> Sets)
{
    public static RemittanceFile Read(string fileName, byte[] bytes)
    {
        var document = X12Document.Load(bytes);
        var result = document.Result;
        if (!result.IsX12 || !result.IsReadable)
        {
            throw Unreadable(fileName, result, "is not an X12 005010 file");
        }

        if (result.Kind != X12DocumentKind.Remittance835)
        {
            throw new DomainException(RemittanceErrors.Unreadable,
                $"{fileName}: an X12 {result.Kind} file holds no claim payments; give the payer's 835 (005010X221A1); nothing was posted");
        }

        if (result.HasErrors)
        {
            throw Unreadable(fileName, result, "has X12 errors");
        }

        if (document.Remittances835.Count == 0)
        {
            throw new DomainException(RemittanceErrors.Unreadable, $"{fileName}: the 835 holds no transaction set; nothing was posted");
        }

        return new RemittanceFile(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), document.Remittances835);
    }

    private static DomainException Unreadable(string fileName, X12ParseResult result, string what)
    {
        var findings = result.Errors.Where(e => e.Severity == X12Severity.Error).Take(50).Select(e => string.Create(CultureInfo.InvariantCulture,
            $"\n  X12 {e.Code} at segment {e.Segment} ({e.SegmentId}{(e.Loop is { } loop ? $", loop {loop}" : string.Empty)}{(e.Element is > 0 ? $", element {e.Element}" : string.Empty)}): {e.Message}"));
        var more = result.ErrorsNotKept > 0 ? string.Create(CultureInfo.InvariantCulture, $"\n  ... and {result.ErrorsNotKept} more") : string.Empty;
        return new DomainException(RemittanceErrors.Unreadable, $"{fileName} {what}; nothing was posted{string.Concat(findings)}{more}");
    }
}
