using System.Globalization;
using CodeLedger.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.X12.Tests.Reading;

/// <summary>
/// Damage to a file as a list of edits FsCheck generates and shrinks: deleted and duplicated runs,
/// flipped bytes, planted separators, truncation. A position is a share of the length the file has
/// when the edit applies, so any list applies to any file and dropping one edit leaves the others
/// meaningful; a failure shrinks to the fewest edits with the shortest runs and reads as a list.
/// </summary>
internal static class Damage
{
    /// <summary>Positions are in millionths of the length: any byte of a file up to 1 MB can be hit.</summary>
    public const int Whole = 1_000_000;

    /// <summary>What a planted byte may be: a separator, the terminator, a line break, a digit, data.</summary>
    private static readonly byte[] Planted = "*~:^ \r\n.0A"u8.ToArray();

    /// <summary>One edit at <paramref name="At"/> millionths of the current length.</summary>
    public abstract record Edit(int At)
    {
        public int Index(int length) => (int)((long)At * length / Whole);

        protected string Where => string.Create(CultureInfo.InvariantCulture, $"{At / (Whole / 100.0):0.####}%");
    }

    public sealed record Delete(int At, int Length) : Edit(At)
    {
        public override string ToString() => $"delete {Length} at {Where}";
    }

    /// <summary>The run starting at the position, inserted again right before itself.</summary>
    public sealed record Duplicate(int At, int Length) : Edit(At)
    {
        public override string ToString() => $"duplicate {Length} at {Where}";
    }

    public sealed record Flip(int At, byte Value) : Edit(At)
    {
        public override string ToString() => $"0x{Value:X2} at {Where}";
    }

    public sealed record Plant(int At, byte Value) : Edit(At)
    {
        public override string ToString() => $"plant {Value switch { (byte)'\r' => "CR", (byte)'\n' => "LF", (byte)' ' => "space", _ => ((char)Value).ToString() }} at {Where}";
    }

    public sealed record Truncate(int At) : Edit(At)
    {
        public override string ToString() => $"truncate at {Where}";
    }

    /// <summary>The edits in order, as FsCheck prints a case: one readable list.</summary>
    public sealed record Edits(IReadOnlyList<Edit> List)
    {
        public override string ToString() => "[" + string.Join("; ", List) + "]";
    }

    /// <summary>
    /// One to five edits, each kind as likely as the others. With <paramref name="separators"/>, an
    /// edit may also put a separator, terminator, line break or digit where data was (or data where
    /// one was), which moves segment and element boundaries rather than only values.
    /// </summary>
    public static Arbitrary<Edits> Arbitrary(bool separators)
    {
        var at = Gen.Choose(0, Whole - 1);
        List<Gen<Edit>> kinds =
        [
            from a in at from n in Gen.Choose(1, 19) select (Edit)new Delete(a, n),
            from a in at from n in Gen.Choose(1, 39) select (Edit)new Duplicate(a, n),
            from a in at from v in Gen.Choose(0, 255) select (Edit)new Flip(a, (byte)v),
            at.Select(a => (Edit)new Truncate(a)),
        ];
        if (separators)
        {
            kinds.Add(from a in at from v in Gen.Elements(Planted) select (Edit)new Plant(a, v));
        }

        var edits = from count in Gen.Choose(1, 5)
                    from list in Gen.ListOf(Gen.OneOf(kinds), count)
                    select new Edits(list);
        return Arb.From(edits, Shrink);
    }

    public static byte[] Apply(byte[] original, Edits edits)
    {
        var bytes = original.ToList();
        foreach (var edit in edits.List)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = edit.Index(bytes.Count);
            switch (edit)
            {
                case Delete d:
                    bytes.RemoveRange(at, Math.Min(d.Length, bytes.Count - at));
                    break;
                case Duplicate d:
                    bytes.InsertRange(at, bytes.Skip(at).Take(d.Length).ToList());
                    break;
                case Flip f:
                    bytes[at] = f.Value;
                    break;
                case Plant p:
                    bytes[at] = p.Value;
                    break;
                case Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    throw new ArgumentException($"unknown edit {edit}", nameof(edits));
            }
        }

        return bytes.ToArray();
    }

    /// <summary>
    /// Fewer edits first (each one left out in turn), then shorter runs. Positions stay: they carry
    /// the failure, and moving one finds a different case rather than a smaller one.
    /// </summary>
    private static IEnumerable<Edits> Shrink(Edits edits)
    {
        var list = edits.List;
        for (var i = 0; i < list.Count; i++)
        {
            yield return new Edits([.. list.Take(i), .. list.Skip(i + 1)]);
        }

        for (var i = 0; i < list.Count; i++)
        {
            foreach (var smaller in Smaller(list[i]))
            {
                yield return new Edits([.. list.Take(i), smaller, .. list.Skip(i + 1)]);
            }
        }
    }

    private static IEnumerable<Edit> Smaller(Edit edit) => edit switch
    {
        Delete d => Properties.Toward(1, d.Length).Select(n => d with { Length = n }),
        Duplicate d => Properties.Toward(1, d.Length).Select(n => d with { Length = n }),
        _ => [],
    };
}
