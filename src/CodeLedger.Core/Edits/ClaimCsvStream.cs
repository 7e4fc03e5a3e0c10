using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.EvaluationAndManagement;
using nietras.SeparatedValues;

namespace CodeLedger.Core.Edits;

/// <summary>
/// The rows of a claims CSV turned, one <see cref="Next"/> at a time, into malformed-row findings
/// and claims (<see cref="ClaimCsvReader"/>). Streaming, only the claim being read is held; the
/// whole-file mode of <see cref="ClaimCsvReader.Read"/> keeps every claim until the end.
/// </summary>
public sealed class ClaimCsvStream : IDisposable
{
    private static readonly char[] ListSeparators = [' ', ':', ';', '|'];

    private readonly SepReader sep;
    private readonly bool buildClaims;
    private readonly bool adjacentOnly;
    private readonly int headerColumns;
    private readonly int idColumn, dosColumn, posColumn, npiColumn, birthColumn, sexColumn, codeColumn, modifiersColumn, unitsColumn, chargeColumn, pointersColumn, emColumn;
    private readonly int[] dxColumns;
    private readonly List<string> problems = [];

    // Streaming: the claim being read and a hash of every claim id met, to notice a claim that comes
    // back after another (8 bytes a claim; a false match only sends the caller to the whole-file read).
    private readonly HashSet<ulong> seen = [];
    private Builder? current;
    private Claim? pendingClaim;
    private EditFinding? pendingMalformed;
    private bool ended;

    // Whole-file mode: every claim by id, in order of first appearance.
    private readonly Dictionary<string, Builder> builders = new(StringComparer.Ordinal);
    private readonly List<Builder> order = [];

    internal ClaimCsvStream(TextReader reader, bool buildClaims, bool adjacentOnly)
    {
        sep = Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true }).From(reader);
        this.buildClaims = buildClaims;
        this.adjacentOnly = adjacentOnly;
        var (columns, em, dx) = ClaimCsvReader.Columns(sep);
        headerColumns = sep.Header.ColNames.Count;
        idColumn = columns["claim_id"];
        dosColumn = columns["dos"];
        posColumn = columns["pos"];
        npiColumn = columns["rendering_npi"];
        birthColumn = columns["patient_birth_date"];
        sexColumn = columns["patient_sex"];
        codeColumn = columns["code"];
        modifiersColumn = columns["modifiers"];
        unitsColumn = columns["units"];
        chargeColumn = columns["charge"];
        pointersColumn = columns["pointers"];
        emColumn = em;
        dxColumns = [.. dx.Where(c => c >= 0)];
    }

    /// <summary>Non-empty rows read so far (malformed ones included).</summary>
    public int Rows { get; private set; }

    /// <summary>False once a claim id has come back after another claim's rows (streaming only).</summary>
    public bool Adjacent { get; private set; } = true;

    /// <summary>The claim completed by the last <see cref="Next"/>, or null.</summary>
    public Claim? Claim { get; private set; }

    /// <summary>The finding of the malformed row met by the last <see cref="Next"/>, or null.</summary>
    public EditFinding? Malformed { get; private set; }

    /// <summary>Moves to the next claim or malformed row; false at the end of the file.</summary>
    public bool Next()
    {
        Claim = null;
        Malformed = null;
        while (true)
        {
            if (pendingClaim is not null)
            {
                (Claim, pendingClaim) = (pendingClaim, null);
                return true;
            }

            if (pendingMalformed is not null)
            {
                (Malformed, pendingMalformed) = (pendingMalformed, null);
                return true;
            }

            if (ended)
            {
                return false;
            }

            if (!sep.MoveNext())
            {
                ended = true;
                if (adjacentOnly)
                {
                    pendingClaim = Complete(current);
                    current = null;
                }

                continue;
            }

            ReadRow(sep.Current);
        }
    }

    /// <summary>Whole-file mode: the claims in order of their first row, once every row is read.</summary>
    internal IEnumerable<Claim> GroupedClaims() => order.Select(Complete).OfType<Claim>();

    public void Dispose() => sep.Dispose();

    private void ReadRow(SepReader.Row row)
    {
        var line = row.LineNumberFrom;
        var lines = row.LineNumberToExcl - line;
        if (row.ColCount == 1 && lines == 1 && row[0].Span.IsEmpty)
        {
            return;
        }

        Rows++;
        if (row.ColCount < headerColumns || lines > 1)
        {
            var first = row.ColCount > 0 ? row[0].Span.Trim().ToString() : string.Empty;
            pendingMalformed = lines > 1
                ? ClaimCsvReader.Malformed(first, line, string.Create(CultureInfo.InvariantCulture, $"a quoted field runs on to line {row.LineNumberToExcl - 1}: unbalanced quotes"))
                : ClaimCsvReader.Malformed(first, line, string.Create(CultureInfo.InvariantCulture, $"{row.ColCount} columns where the header has {headerColumns}, or unbalanced quotes"));
            return;
        }

        var id = row[idColumn].Span.Trim();
        if (id.IsEmpty)
        {
            pendingMalformed = ClaimCsvReader.Malformed(string.Empty, line, "claim_id is empty");
            return;
        }

        var claim = ClaimOf(id);
        var number = ++claim.RowCount;
        problems.Clear();
        if (claim.Header is null)
        {
            claim.Header = ReadHeader(row);
        }

        var unitsText = row[unitsColumn].Span.Trim();
        if (!int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1)
        {
            problems.Add($"units '{unitsText}' must be a whole number of at least 1");
        }

        var charge = ClaimCsvReader.Charge(row[chargeColumn].Span.Trim(), problems);
        var pointers = new List<int>(4);
        foreach (var p in row[pointersColumn].Span.Trim().ToString().Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pointer))
            {
                pointers.Add(pointer);
            }
            else
            {
                problems.Add($"pointer '{p}' is not a number 1-12");
            }
        }

        if (problems.Count > 0 || claim.Header is null)
        {
            pendingMalformed = ClaimCsvReader.Malformed(claim.Id, line, problems.Count > 0 ? string.Join("; ", problems) : "the claim's first row could not be read");
            return;
        }

        if (buildClaims)
        {
            var modifiers = row[modifiersColumn].Span.Trim().ToString().Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
            claim.Lines.Add(ClaimLine.Create(number, row[codeColumn].Span.Trim().ToString(), modifiers, units, charge!.Value, pointers));
        }
    }

    /// <summary>The claim's header fields from this row, or null (with the problems noted) when they cannot be read.</summary>
    private ClaimHeader? ReadHeader(SepReader.Row row)
    {
        var dos = ClaimCsvReader.Date(row[dosColumn].Span.Trim(), "dos", problems);
        var birthText = row[birthColumn].Span.Trim();
        var birth = birthText.IsEmpty ? null : ClaimCsvReader.Date(birthText, "patient_birth_date", problems);
        var sex = row[sexColumn].Span.Trim();
        if (sex.Length > 1)
        {
            problems.Add($"patient_sex '{sex}' must be one letter (F, M or U)");
        }

        var em = emColumn >= 0 ? ClaimCsvReader.Em(row[emColumn].Span.Trim(), problems) : null;
        if (problems.Count > 0)
        {
            return null;
        }

        var dx = new List<string>(dxColumns.Length);
        if (buildClaims)
        {
            foreach (var c in dxColumns)
            {
                if (row[c].Span.Trim() is { IsEmpty: false } d)
                {
                    dx.Add(d.ToString());
                }
            }
        }

        return new ClaimHeader(dos!.Value, row[posColumn].Span.Trim().ToString(), row[npiColumn].Span.Trim().ToString(), birth, sex.Length == 1 ? char.ToUpperInvariant(sex[0]) : 'U', dx, em);
    }

    private Builder ClaimOf(ReadOnlySpan<char> id)
    {
        if (!adjacentOnly)
        {
            var lookup = builders.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(id, out var found))
            {
                found = new Builder(id.ToString());
                builders.Add(found.Id, found);
                order.Add(found);
            }

            return found;
        }

        if (current is not null && id.SequenceEqual(current.Id))
        {
            return current;
        }

        if (!seen.Add(Fnv1a(id)))
        {
            Adjacent = false;
        }

        pendingClaim = Complete(current);
        current = new Builder(id.ToString());
        return current;
    }

    private Claim? Complete(Builder? b) =>
        b is { Header: { } h } && buildClaims ? Claim.Create(b.Id, h.Dos, h.Pos, h.Npi, h.Birth, h.Sex, h.Dx, b.Lines, h.Em) : null;

    private static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }

    private sealed record ClaimHeader(DateOnly Dos, string Pos, string Npi, DateOnly? Birth, char Sex, List<string> Dx, EmInput? Em);

    private sealed class Builder(string id)
    {
        public string Id { get; } = id;

        public ClaimHeader? Header { get; set; }

        public List<ClaimLine> Lines { get; } = [];

        public int RowCount { get; set; }
    }
}
