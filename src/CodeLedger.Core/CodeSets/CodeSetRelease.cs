namespace CodeLedger.Core.CodeSets;

/// <summary>
/// One immutable release of a code set, with in-memory indices built once at import or load.
/// Releases never change; a correction is a new release.
/// </summary>
public abstract class CodeSetRelease
{
    protected CodeSetRelease(CodeSetReleaseInfo info) => Info = info;

    public CodeSetReleaseInfo Info { get; }

    public CodeSetKind Kind => Info.Kind;

    public override string ToString() => Info.Label;
}
