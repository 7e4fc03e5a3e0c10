namespace CodeLedger.Storage.CodeSets;

/// <summary>
/// The prebuilt index of one stored release (<see cref="Core.CodeSets.CodeSetIndex"/>): derived
/// data, rebuilt from the release whenever it is missing, of another format, or does not match.
/// It names its release twice, by row and by SHA-256, and carries its own SHA-256. Written once
/// per release and format, never updated; not a ledger event, because it adds nothing the
/// release's own <c>codeset.imported</c> event does not already prove.
/// </summary>
public sealed class CodeSetIndexRow
{
    public long Id { get; init; }

    public required long ReleaseId { get; init; }

    /// <summary>The layout version (<see cref="Core.CodeSets.CodeSetIndex.Format"/>).</summary>
    public required int Format { get; init; }

    /// <summary>SHA-256 of the release file the index was built from; must equal the release's.</summary>
    public required string ReleaseSha256 { get; init; }

    /// <summary>SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }
}
