using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Acknowledgments;

/// <summary>
/// Who an interchange goes from and to (ISA05/06 and ISA07/08, trimmed). Interchange control
/// numbers must be unique for each such pair, so numbers are counted per pair.
/// </summary>
public readonly record struct X12Parties(string SenderQualifier, string SenderId, string ReceiverQualifier, string ReceiverId)
{
    /// <summary>The parties of a reply to <paramref name="inbound"/>: its receiver sends to its sender.</summary>
    public static X12Parties ReplyTo(X12InterchangeHeader inbound) =>
        new(inbound.ReceiverQualifier, inbound.ReceiverId, inbound.SenderQualifier, inbound.SenderId);
}
