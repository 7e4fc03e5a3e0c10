namespace CodeLedger.X12.Acknowledgments;

/// <summary>
/// What answers an inbound file: a 999 for the groups whose interchange was accepted, and a TA1
/// interchange when a sender asked for one (ISA14 = 1) or the envelope was broken. Either may be null.
/// </summary>
public sealed record X12Acknowledgments(byte[]? Ack999, byte[]? Ta1, string Ack999Status, string Ta1Status);
