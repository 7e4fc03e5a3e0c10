using CodeLedger.X12.Envelope;

namespace CodeLedger.X12;

/// <summary>
/// What a parse found: the kind of file, its counts and money totals, and every finding. Totals
/// are sums of CLM02 (837P) or CLP03 (835), CLP04, and BPR02.
/// </summary>
public sealed class X12ParseResult
{
    internal X12ParseResult()
    {
    }

    /// <summary>False when the input is empty, not X12 or UTF-16 (exit status 2).</summary>
    public bool IsX12 { get; internal set; } = true;

    /// <summary>
    /// False when the input is not X12 (<see cref="IsX12"/>) or holds an interchange in a version
    /// other than 005010 (X12-0103), whose content is not read at all: input this reader cannot
    /// read, like an empty file (exit status 2), not a 005010 file with errors in it (exit status 1).
    /// </summary>
    public bool IsReadable => IsX12 && !InterchangeSummaries.Exists(i => i.Unsupported);

    public X12DocumentKind Kind { get; internal set; }

    /// <summary>GS08 of the first group read (the implementation guide version).</summary>
    public string? Version { get; internal set; }

    public int Interchanges { get; internal set; }

    public int Groups { get; internal set; }

    public int Transactions { get; internal set; }

    public long Segments { get; internal set; }

    public long Bytes { get; internal set; }

    public long Claims { get; internal set; }

    public decimal TotalCharge { get; internal set; }

    public decimal TotalPaid { get; internal set; }

    public decimal TotalPayment { get; internal set; }

    public List<X12Error> Errors { get; } = [];

    /// <summary>Findings beyond <see cref="X12ParseOptions.MaxErrors"/> are counted, not kept.</summary>
    public long ErrorsNotKept { get; internal set; }

    public List<X12InterchangeSummary> InterchangeSummaries { get; } = [];

    public bool HasErrors => ErrorsNotKept > 0 || Errors.Exists(e => e.Severity == X12Severity.Error);

    public bool HasCode(string code) => Errors.Exists(e => e.Code == code);
}
