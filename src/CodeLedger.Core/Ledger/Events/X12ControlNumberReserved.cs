namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// An interchange control number was taken from a partner pair's counter for an acknowledgment
/// CodeLedger writes (ISA13 of a 999 or TA1). Subject: <c>SENDERQUAL:SENDERID&gt;RECEIVERQUAL:RECEIVERID</c>.
/// </summary>
/// <param name="Given">True when the number came from <c>--control-number</c> rather than the counter.</param>
public sealed record X12ControlNumberReserved(string SenderQualifier, string SenderId, string ReceiverQualifier, string ReceiverId, int ControlNumber, bool Given) : ILedgerEvent
{
    public static string Type => "x12.control-number.reserved";
}
