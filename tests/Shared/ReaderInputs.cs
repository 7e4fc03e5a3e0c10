using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CodeLedger.Testing;

/// <summary>
/// Any input a reader can be given, as a user's file would be damaged or forged: real files
/// mutated (runs deleted, duplicated, bytes flipped, truncated, invalid UTF-8, byte-order marks,
/// a value made 100,000 characters long, nesting thousands deep, a value of the wrong type, a
/// patient's value planted where it does not belong) and bytes generated from scratch. One
/// helper for every reader (FHIR, CSV, coding and E/M JSON, credential map, CMS files, X12, and
/// the setup files to come): a reader states which exceptions it documents, and
/// <see cref="Survive"/> checks that nothing else escapes and that no error repeats a sentinel.
/// A case is a seed for <see cref="Random"/>, so a failure names the number that rebuilds it
/// (<see cref="Build"/>); the FsCheck replay seed makes the run itself the same every time.
/// </summary>
internal static class ReaderInputs
{
    /// <summary>Patient data planted in the seeds; no error may contain any of them.</summary>
    public static readonly string[] Sentinels = ["Quixotefish", "Zebulonia", "1931-04-17", "19310417", "MB7Q3X9W", "Palpitationsentinel"];

    /// <summary>The planted family name, given name, birth date (ISO and CCYYMMDD), member id and a word of the note.</summary>
    public const string Family = "Quixotefish";

    public const string Given = "Zebulonia";

    public const string Birth = "1931-04-17";

    public const string Birth8 = "19310417";

    public const string Member = "MB7Q3X9W";

    public const string NoteWord = "Palpitationsentinel";

    /// <summary>Length of the huge values planted; an error repeating one would be this long.</summary>
    public const int Huge = 100_000;

    /// <summary>The character huge values are made of; an error may hold a short run of it, never a long one.</summary>
    private const char HugeChar = 'Q';

    private static readonly string[] WrongTypes = ["{}", "[]", "null", "true", "1e999", "-0", "\"\"", "[[[]]]", "{\"a\":{}}", "12345678901234567890123", "\"x\"", "NaN"];

    private static readonly string[] Separators = [",", "\"", "\n", "\r\n", "\r", "|", "*", "~", ":", "{", "}", "[", "]", "\\", "\t", " "];

    private static readonly byte[][] BadUtf8 = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0x28], [0xC0, 0xAF], [0x00], [0xE2, 0x82]];

    /// <summary>
    /// Case numbers; with <paramref name="seeds"/> and <paramref name="phiSlots"/>, <see cref="Build"/> turns one into bytes.
    /// Phi slots are texts of the seeds that hold patient data (a name, a gender code): one mutation
    /// replaces a slot with an invalid value carrying a sentinel, which no error may repeat.
    /// </summary>
    public static Gen<int> Cases => Gen.Choose(0, int.MaxValue);

    /// <summary>The input of case <paramref name="number"/>: one in twelve from scratch, the others a seed with one to four mutations.</summary>
    public static byte[] Build(int number, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> phiSlots, bool phiOnly = false)
    {
        var random = new Random(number);
        if (phiOnly)
        {
            // Only patient values made invalid in place: the file's structure stays, so an error
            // about that element must name it without its value.
            var seed = seeds[random.Next(seeds.Count)].ToList();
            for (var i = 0; i < 1 + random.Next(3); i++)
            {
                PlantPhi(random, seed, phiSlots);
            }

            return [.. seed];
        }

        if (random.Next(12) == 0)
        {
            return Scratch(random, seeds);
        }

        var bytes = seeds[random.Next(seeds.Count)].ToList();
        var edits = 1 + random.Next(4);
        for (var i = 0; i < edits; i++)
        {
            Mutate(random, bytes, phiSlots);
        }

        return [.. bytes];
    }

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="count"/> cases: it may succeed or throw an
    /// exception <paramref name="documented"/> accepts; the message of that exception names no
    /// sentinel and repeats no long run of a huge value.
    /// </summary>
    /// <remarks>
    /// With <paramref name="sentinels"/> false, errors are checked for huge values only: for the
    /// readers that repeat a code or a number cut short (X12, the claims CSV), damage that shifts
    /// elements moves a name into a code's place, where it is repeated as a code.
    /// <see cref="SurvivePatientValues"/> checks those readers' patient elements.
    /// </remarks>
    public static void Survive(string reader, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> phiSlots, Action<byte[]> read, Func<Exception, bool> documented, int count = 10_000, bool sentinels = true) =>
        Survive(reader, seeds, phiSlots, read, documented, count, phiOnly: false, sentinels);

    /// <summary>
    /// As above with only the patient values of the seeds made invalid in place, the structure
    /// kept: an error about a patient element must name it without its value.
    /// </summary>
    public static void SurvivePatientValues(string reader, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> phiSlots, Action<byte[]> read, Func<Exception, bool> documented, int count = 10_000) =>
        Survive(reader, seeds, phiSlots, read, documented, count, phiOnly: true, sentinels: true);

    private static void Survive(string reader, IReadOnlyList<byte[]> seeds, IReadOnlyList<string> phiSlots, Action<byte[]> read, Func<Exception, bool> documented, int count, bool phiOnly, bool sentinels) =>
        Properties.ForAll(Cases, number =>
        {
            var input = Build(number, seeds, phiSlots, phiOnly);
            try
            {
                read(input);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"{reader}, case {number} (ReaderInputs.Build({number}, ...))");
                if (!documented(e))
                {
                    Assert.Fail($"{where}: undocumented {e.GetType().Name}: {Cut(e.Message)}\n{e.StackTrace}");
                }

                if (Leak(e.Message, sentinels) is { } leak)
                {
                    Assert.Fail($"{where}: the error repeats {leak}: {Cut(e.Message)}");
                }
            }
        }, count);

    /// <summary>What of the input a message repeats that it must not: a sentinel, or a long run of a huge value.</summary>
    public static string? Leak(string message) => Leak(message, sentinels: true);

    /// <summary>A long run of a huge value only: for readers that may repeat a code cut short, under damage that shifts elements.</summary>
    public static string? HugeLeak(string message) => Leak(message, sentinels: false);

    private static string? Leak(string message, bool sentinels)
    {
        foreach (var sentinel in sentinels ? Sentinels : [])
        {
            if (message.Contains(sentinel, StringComparison.OrdinalIgnoreCase))
            {
                return $"the sentinel {sentinel}";
            }
        }

        return message.Contains(new string(HugeChar, 65), StringComparison.Ordinal) || message.Contains(new string('7', 65), StringComparison.Ordinal)
            ? "a huge value" : null;
    }

    private static string Cut(string message) => message.Length > 400 ? message[..400] + "…" : message;

    private static byte[] Scratch(Random random, IReadOnlyList<byte[]> seeds)
    {
        var length = random.Next(200);
        var bytes = new byte[length];
        if (random.Next(2) == 0)
        {
            random.NextBytes(bytes);
            return bytes;
        }

        // Printable text made of the seeds' own characters: it gets further into a parser than noise.
        var alphabet = seeds[random.Next(seeds.Count)];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = alphabet.Length == 0 ? (byte)random.Next(32, 127) : alphabet[random.Next(alphabet.Length)];
        }

        return bytes;
    }

    private static void Mutate(Random random, List<byte> bytes, IReadOnlyList<string> phiSlots)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count + 1);
        switch (random.Next(13))
        {
            case 0:
                bytes.RemoveRange(Math.Min(at, bytes.Count), Math.Min(1 + random.Next(40), bytes.Count - Math.Min(at, bytes.Count)));
                break;
            case 1:
                bytes.InsertRange(at, bytes.Skip(at).Take(1 + random.Next(200)).ToList());
                break;
            case 2 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(256);
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 4:
                bytes.InsertRange(at, BadUtf8[random.Next(BadUtf8.Length)]);
                break;
            case 5:
                bytes.InsertRange(random.Next(3) == 0 ? at : 0, [0xEF, 0xBB, 0xBF]);
                break;
            case 6:
                ReplaceToken(random, bytes, new string(random.Next(2) == 0 ? HugeChar : '7', Huge));
                break;
            case 7:
                var depth = 100 + random.Next(5000);
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? new string('[', depth) : string.Concat(Enumerable.Repeat("{\"a\":", depth))));
                break;
            case 8:
                ReplaceToken(random, bytes, WrongTypes[random.Next(WrongTypes.Length)]);
                break;
            case 9:
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(Separators[random.Next(Separators.Length)]));
                break;
            case 10:
                SwapLines(random, bytes);
                break;
            default:
                PlantPhi(random, bytes, phiSlots);
                break;
        }
    }

    /// <summary>A run of letters, digits and .-: (a code, a date, a number) replaced by <paramref name="value"/>.</summary>
    private static void ReplaceToken(Random random, List<byte> bytes, string value)
    {
        var starts = new List<int>();
        for (var i = 0; i < bytes.Count; i++)
        {
            if (IsToken(bytes[i]) && (i == 0 || !IsToken(bytes[i - 1])))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(value));
            return;
        }

        var start = starts[random.Next(starts.Count)];
        var end = start;
        while (end < bytes.Count && IsToken(bytes[end]))
        {
            end++;
        }

        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(value));
    }

    private static bool IsToken(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (byte)'.' or (byte)'-' or (byte)':';

    /// <summary>One slot of patient data replaced by an invalid value that carries a sentinel.</summary>
    private static void PlantPhi(Random random, List<byte> bytes, IReadOnlyList<string> phiSlots)
    {
        if (phiSlots.Count == 0)
        {
            return;
        }

        var slot = Encoding.UTF8.GetBytes(phiSlots[random.Next(phiSlots.Count)]);
        var text = bytes.ToArray();
        var found = text.AsSpan().IndexOf(slot);
        if (found < 0)
        {
            return;
        }

        var sentinel = Sentinels[random.Next(Sentinels.Length)];
        string[] variants = [sentinel, $"{sentinel}X", $"X{sentinel}", $"{sentinel}-{sentinel}", $"{sentinel} 99", new string('9', 3) + sentinel, sentinel.ToUpperInvariant()];
        bytes.RemoveRange(found, slot.Length);
        bytes.InsertRange(found, Encoding.UTF8.GetBytes(variants[random.Next(variants.Length)]));
    }

    private static void SwapLines(Random random, List<byte> bytes)
    {
        var text = Encoding.Latin1.GetString([.. bytes]);
        var lines = text.Split('\n');
        if (lines.Length < 2)
        {
            return;
        }

        var a = random.Next(lines.Length);
        var b = random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        bytes.Clear();
        bytes.AddRange(Encoding.Latin1.GetBytes(string.Join('\n', lines)));
    }
}
