using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Envelope;

/// <summary>Builds the typed model of one transaction set from the segments between ST and SE.</summary>
internal interface ITransactionBuilder
{
    void OnSegment(in X12Segment segment);

    /// <summary>A body segment already split (by <see cref="X12BodyScanner"/>), with its packed identifier.</summary>
    void OnFields(uint key, in X12Fields fields);

    /// <summary>SE was reached (or the input ended): close open loops, check what is required.</summary>
    void Complete(long position);
}
