namespace CodeLedger.Core.Common;

/// <summary>
/// How an error repeats a value it read. Only values that are not PHI may be repeated at all
/// (codes, ids, tokens; never a name, birth date, member id or note), and even those are cut to a
/// short prefix: a 1 MB "code" must not come back whole in a message, a log line or a
/// ProblemDetails, and a prefix is enough for the person to find the value in the file.
/// </summary>
public static class Echo
{
    /// <summary>The longest prefix of a value an error repeats.</summary>
    public const int MaxLength = 24;

    /// <summary>
    /// The value in single quotes, cut to <see cref="MaxLength"/> characters with the length it had
    /// ('AAAAAAAA…' (1048576 characters)); control characters are shown as '?', so a value cannot
    /// break the one-line error or forge a second line.
    /// </summary>
    public static string Quote(string? value) => Quote(value.AsSpan());

    /// <summary>As <see cref="Quote(string?)"/>, for a slice of a line: only the prefix is copied.</summary>
    public static string Quote(ReadOnlySpan<char> value) =>
        value.Length > MaxLength ? FormattableString.Invariant($"'{Prefix(value)}' ({value.Length} characters)") : $"'{Prefix(value)}'";

    /// <summary>One character, as <see cref="Quote(string?)"/> shows it.</summary>
    public static string Quote(char value) => Quote([value]);

    /// <summary>The value cut as in <see cref="Quote(string?)"/>, without the quotes (a code in a list).</summary>
    public static string Prefix(string? value) => Prefix(value.AsSpan());

    /// <summary>As <see cref="Prefix(string?)"/>, for a slice.</summary>
    public static string Prefix(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        var cut = value.Length > MaxLength ? value[..MaxLength] : value;
        var chars = cut.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || char.IsSurrogate(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return value.Length > MaxLength ? new string(chars) + "…" : new string(chars);
    }
}
