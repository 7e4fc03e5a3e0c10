namespace CodeLedger.Core.Edits;

/// <summary>
/// A field's text and its parsed value, looked up by the characters of the field as read, so a
/// text met again costs a lookup instead of a string and a parse. Bounded: past
/// <see cref="MaxEntries"/> texts it starts over, so a column of all-different values (which
/// should not be cached at all) costs a rebuild now and then, never memory that grows with the file.
/// </summary>
internal sealed class FieldCache<T>
{
    public const int MaxEntries = 8192;

    private readonly Dictionary<string, T> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public FieldCache() => lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public T Get(ReadOnlySpan<char> text, Func<string, T> parse)
    {
        if (!lookup.TryGetValue(text, out var value))
        {
            var s = text.ToString();
            value = parse(s);
            Add(s, value);
        }

        return value;
    }

    public bool TryGet(ReadOnlySpan<char> text, out T value) => lookup.TryGetValue(text, out value!);

    public void Add(ReadOnlySpan<char> text, T value) => Add(text.ToString(), value);

    private void Add(string text, T value)
    {
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[text] = value;
    }
}
