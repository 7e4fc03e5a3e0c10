using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using nietras.SeparatedValues;

namespace CodeLedger.Core.Edits;

/// <summary>
/// Reads claims from CSV, one row per service line (docs/EDITS.md, "Claims CSV"): claim_id, dos,
/// pos, rendering_npi, patient_birth_date, patient_sex, dx1..dx12, code, modifiers, units, charge,
/// pointers, and optionally em: the documented MDM elements and time as the JSON of `em level`
/// (quoted, with doubled quotes), which turns on EM-LEVEL-SUPPORT for the claim's office visits.
/// Columns are found by header name, in any order. Rows of one claim share claim_id; the claim's
/// header fields come from its first readable row. A row that cannot be read becomes an
/// INPUT-MALFORMED finding naming its line (Sep keeps the line of every row), and every other row
/// is still checked.
/// </summary>
/// <remarks>
/// Two ways to read: <see cref="Read"/> holds the whole file and groups a claim's rows wherever
/// they are; <see cref="Open"/> streams, one claim at a time, and requires a claim's rows to be
/// adjacent (every export writes them so; docs/EDITS.md, "Streaming"). Both give the same claims
/// and findings when they are; streaming gives each finding when it is known, so a malformed
/// row's finding comes at its place in the file instead of first.
/// </remarks>
public static class ClaimCsvReader
{
    private static readonly string[] Required = ["claim_id", "dos", "pos", "rendering_npi", "patient_birth_date", "patient_sex", "code", "modifiers", "units", "charge", "pointers"];

    /// <summary>Reads the whole file; a claim's rows may be anywhere in it.</summary>
    public static ClaimCsvBatch Read(TextReader reader)
    {
        using var rows = new ClaimCsvStream(reader, buildClaims: true, adjacentOnly: false);
        var malformed = ImmutableArray.CreateBuilder<EditFinding>();
        var claims = new List<Claim>();
        while (rows.Next())
        {
            if (rows.Malformed is { } finding)
            {
                malformed.Add(finding);
            }
        }

        claims.AddRange(rows.GroupedClaims());
        return new ClaimCsvBatch([.. claims], rows.Rows, malformed.ToImmutable());
    }

    /// <summary>
    /// Streams the file: each <see cref="ClaimCsvStream.Next"/> gives a malformed row's finding or
    /// a claim complete once the next claim's row (or the end) is read. Rows of a claim must be
    /// adjacent: a claim id that comes back after another claim starts a claim of its own, and
    /// <see cref="FindApart"/>, given <see cref="ClaimCsvStream.Suspects"/>, reports each such return.
    /// </summary>
    /// <param name="buildClaims">False to only find the malformed rows.</param>
    public static ClaimCsvStream Open(TextReader reader, bool buildClaims) => new(reader, buildClaims, adjacentOnly: true);

    /// <summary>
    /// An INPUT-MALFORMED finding for each place where a claim's rows resume after other claims'
    /// rows, among the suspects a stream noted (its filter may raise a false alarm, never miss
    /// one). Reads the file again, keeping only the suspects' ids: memory follows the suspects,
    /// which a file of adjacent claims has next to none of.
    /// </summary>
    public static IReadOnlyList<EditFinding> FindApart(TextReader reader, IReadOnlyList<(string Id, int Line)> suspects)
    {
        var found = new List<EditFinding>();
        if (suspects.Count == 0)
        {
            return found;
        }

        var suspectLines = suspects.Select(s => (s.Id, s.Line)).ToHashSet();
        var firstLine = suspects.Select(s => s.Id).Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => -1, StringComparer.Ordinal);
        var lookup = firstLine.GetAlternateLookup<ReadOnlySpan<char>>();
        using var sep = Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true }).From(reader);
        var idColumn = Columns(sep).Columns["claim_id"];
        var headerColumns = sep.Header.ColNames.Count;
        var current = string.Empty;
        foreach (var row in sep)
        {
            if (!ClaimCsvStream.IsClaimRow(row, headerColumns, idColumn))
            {
                continue;
            }

            var id = row[idColumn].Span.Trim();
            if (id.SequenceEqual(current))
            {
                continue;
            }

            current = id.ToString();
            if (!lookup.TryGetValue(id, out var first))
            {
                continue;
            }

            var line = row.LineNumberFrom;
            if (first < 0)
            {
                firstLine[current] = line;
            }
            else if (suspectLines.Contains((current, line)))
            {
                found.Add(Malformed(current, line, string.Create(CultureInfo.InvariantCulture,
                    $"claim {current} comes back after other claims' rows (it begins at line {first}): a claim's rows must be adjacent, so its rows from here were checked as a claim of their own; sort the file by claim_id")));
            }
        }

        return found;
    }

    internal static (Dictionary<string, int> Columns, int EmColumn, int[] DxColumns) Columns(SepReader sep)
    {
        if (sep.Header.IsEmpty)
        {
            throw new FormatException("the claims CSV is empty or its header line is unreadable");
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = sep.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (!columns.TryAdd(names[i].Trim().ToLowerInvariant(), i))
            {
                throw new FormatException($"the claims CSV header names column {Echo.Quote(names[i].Trim())} twice");
            }
        }

        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the claims CSV header lacks {string.Join(", ", missing)}");
        }

        var dx = Enumerable.Range(1, Claim.MaxDiagnoses).Select(i => columns.GetValueOrDefault("dx" + i.ToString(CultureInfo.InvariantCulture), -1)).ToArray();
        return (columns, columns.GetValueOrDefault("em", -1), dx);
    }

    internal static EditFinding Malformed(string claimId, int line, string reason) =>
        new(EditRules.InputMalformed, EditSeverity.Error, claimId, line, [], string.Create(CultureInfo.InvariantCulture, $"input line {line}: {reason}"));

    internal static DateOnly? Date(ReadOnlySpan<char> text, string field, List<string> problems)
    {
        // yyyy-MM-dd read digit by digit: TryParseExact's format walk was a third of reading a row.
        // Anything else of this length, or any other length, goes to TryParseExact, which decides.
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            var (year, month, day) = ((int)Digits(text[..4]), (int)Digits(text.Slice(5, 2)), (int)Digits(text.Slice(8, 2)));
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        // The value is not repeated: the field may be the patient's birth date.
        problems.Add($"{field} is not a date YYYY-MM-DD");
        return null;
    }

    internal static EmInput? Em(ReadOnlySpan<char> text, List<string> problems)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        try
        {
            return EmInputJson.Parse(text.ToString());
        }
        catch (EmInputException e)
        {
            problems.Add($"em: {e.Message}");
            return null;
        }
    }

    internal static Money? Charge(ReadOnlySpan<char> text, List<string> problems)
    {
        // An amount like 150.00 is read as the decimal digits and scale that decimal.Parse gives
        // it, without a string; a sign, an exponent-free oddity or a long amount goes to Money.
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? [] : text[(point + 1)..];
        if (whole.Length is >= 1 and <= 15 && fraction.Length <= 2 && (point < 0 || fraction.Length > 0)
            && Digits(whole) is var units and >= 0 && (fraction.IsEmpty || Digits(fraction) >= 0))
        {
            var cents = fraction.IsEmpty ? units : (units * (fraction.Length == 1 ? 10 : 100)) + Digits(fraction);
            return Money.FromDecimal(new decimal(unchecked((int)cents), (int)(cents >> 32), 0, isNegative: false, (byte)fraction.Length));
        }

        if (Money.TryParse(text.ToString(), out var charge, out var error))
        {
            return charge;
        }

        problems.Add(error);
        return null;
    }

    /// <summary>The value of a run of ASCII digits (at most 15), or -1.</summary>
    private static long Digits(ReadOnlySpan<char> text)
    {
        long value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
