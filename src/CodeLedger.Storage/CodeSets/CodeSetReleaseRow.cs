namespace CodeLedger.Storage.CodeSets;

/// <summary>
/// One imported code-set release: a small header and the release file itself, exactly as it was
/// imported (gzip-wrapped when it was not already compressed). Rows are written once and never
/// updated; a correction is another release.
/// </summary>
public sealed class CodeSetReleaseRow
{
    public long Id { get; init; }

    /// <summary>The kind's stable token (icd10cm, hcpcs, rvu, ncci-ptp, mue, cpt).</summary>
    public required string Kind { get; init; }

    public required DateOnly EffectiveDate { get; init; }

    public DateOnly? EffectiveThrough { get; init; }

    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file as imported (lower-case hex); unique, so a file is imported once.</summary>
    public required string Sha256 { get; init; }

    public required int EntryCount { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    public required string ImportedBy { get; init; }

    /// <summary>True when <see cref="Content"/> is the file gzip-compressed by CodeLedger; false when it is the file's own bytes (a zip or gzip already).</summary>
    public required bool GzippedByCodeLedger { get; init; }

    public required byte[] Content { get; init; }
}
