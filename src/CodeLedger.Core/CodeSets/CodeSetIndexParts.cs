using System.Collections.Immutable;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// An index in parts (docs/CODESETS.md, "Indexes"): the main index, read whole and checked
/// against the SHA-256 stored beside it, lists each part's SHA-256; a part is read only when
/// a lookup needs it and is used only if it hashes to that entry. So a ten-line scrub reads the
/// few parts of the NCCI PTP quarter its codes fall in, not the 41 MB, and no byte is trusted
/// that the release's own SHA-256 does not vouch for through the main index.
/// </summary>
public abstract class CodeSetIndexParts
{
    /// <summary>The stored bytes of the part, or null when it is missing.</summary>
    public abstract byte[]? Read(int part);

    /// <summary>Every stored part with its number, one at a time (a batch needs them all: one query instead of one per part, and one part in memory at once).</summary>
    public abstract IEnumerable<(int Part, byte[] Content)> ReadAll();

    /// <summary>
    /// The release parsed again from its verified file, its index rewritten for the next process;
    /// called when a part is missing or does not hash to its entry.
    /// </summary>
    public abstract CodeSetRelease Rebuild();

    /// <summary>The parts of an index built in this process (tests, and a release just rebuilt).</summary>
    public static CodeSetIndexParts InMemory(ImmutableArray<byte[]> parts, Func<CodeSetRelease> rebuild) => new Memory(parts, rebuild);

    private sealed class Memory(ImmutableArray<byte[]> parts, Func<CodeSetRelease> rebuild) : CodeSetIndexParts
    {
        public override byte[]? Read(int part) => part < parts.Length ? parts[part] : null;

        public override IEnumerable<(int Part, byte[] Content)> ReadAll() => parts.Select((p, i) => (i, p));

        public override CodeSetRelease Rebuild() => rebuild();
    }
}

/// <summary>An index as written: the main bytes, and the parts a release of some kinds (NCCI PTP) is split into.</summary>
public sealed record CodeSetIndexImage(byte[] Content, ImmutableArray<byte[]> Parts);
