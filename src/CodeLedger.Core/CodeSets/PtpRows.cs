namespace CodeLedger.Core.CodeSets;

/// <summary>Growable column buffers the PTP reader fills before the release sorts them.</summary>
/// <param name="capacity">Rows to make room for: a quarter's practitioner file holds about 2.6 million.</param>
internal sealed class PtpRows(int capacity = 2_600_000)
{
    private readonly Dictionary<string, ushort> rationaleIds = new(StringComparer.Ordinal);

    public List<long> Keys { get; } = new(capacity);

    public List<int> Effective { get; } = new(capacity);

    public List<int> Deletion { get; } = new(capacity);

    public List<byte> Indicator { get; } = new(capacity);

    public List<byte> Flags { get; } = new(capacity);

    public List<ushort> Rationale { get; } = new(capacity);

    public List<string> Rationales { get; } = [];

    public int Count => Keys.Count;

    public void Add(long key, int effective, int deletion, byte indicator, bool prior1996, ReadOnlySpan<char> rationale)
    {
        var id = Intern(rationale);
        Keys.Add(key);
        Effective.Add(effective);
        Deletion.Add(deletion);
        Indicator.Add(indicator);
        Flags.Add(prior1996 ? (byte)1 : (byte)0);
        Rationale.Add(id);
    }

    public void Append(PtpRows other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Keys.Add(other.Keys[i]);
            Effective.Add(other.Effective[i]);
            Deletion.Add(other.Deletion[i]);
            Indicator.Add(other.Indicator[i]);
            Flags.Add(other.Flags[i]);
            Rationale.Add(Intern(other.Rationales[other.Rationale[i]]));
        }
    }

    private ushort Intern(ReadOnlySpan<char> rationale)
    {
        var lookup = rationaleIds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(rationale, out var id))
        {
            id = checked((ushort)Rationales.Count);
            var text = rationale.ToString();
            Rationales.Add(text);
            rationaleIds.Add(text, id);
        }

        return id;
    }
}
