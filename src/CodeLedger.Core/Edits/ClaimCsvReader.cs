using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.Codes;
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
/// they are; <see cref="Open"/> streams, one claim at a time, and expects a claim's rows to be
/// adjacent (every export writes them so). Both give the same claims and findings when they are.
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
    /// adjacent; <see cref="ClaimCsvStream.Adjacent"/> turns false when a claim id comes back after
    /// another claim, and the caller reads the file with <see cref="Read"/> instead.
    /// </summary>
    /// <param name="buildClaims">False to only find the malformed rows (the first of two passes).</param>
    public static ClaimCsvStream Open(TextReader reader, bool buildClaims) => new(reader, buildClaims, adjacentOnly: true);

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
                throw new FormatException($"the claims CSV header names column '{names[i].Trim()}' twice");
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
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        problems.Add($"{field} '{text}' is not a date YYYY-MM-DD");
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
        if (Money.TryParse(text.ToString(), out var charge, out var error))
        {
            return charge;
        }

        problems.Add(error);
        return null;
    }
}
