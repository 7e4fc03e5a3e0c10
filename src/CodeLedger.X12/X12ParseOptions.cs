namespace CodeLedger.X12;

public sealed record X12ParseOptions
{
    /// <summary>Where built claims go; null builds and counts them without keeping any.</summary>
    public X12ClaimSink? Sink { get; init; }

    /// <summary>Findings kept in the result; beyond this they are only counted, so memory stays bounded.</summary>
    public int MaxErrors { get; init; } = 10_000;

    /// <summary>Read buffer size; it grows only for a segment longer than the buffer.</summary>
    public int BufferSize { get; init; } = 64 * 1024;

    /// <summary>A longer segment is garbage, not X12 (X12-0110).</summary>
    public int MaxSegmentLength { get; init; } = 1024 * 1024;

    /// <summary>
    /// False sends every segment through the reader and validator one at a time; tests compare
    /// both paths, which must give the same result.
    /// </summary>
    internal bool FastBody { get; init; } = true;
}
