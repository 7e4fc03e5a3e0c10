using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.EvaluationAndManagement;
using nietras.SeparatedValues;

namespace CodeLedger.Core.Edits;

/// <summary>
/// The rows of a claims CSV turned, one <see cref="Next"/> at a time, into malformed-row findings
/// and claims (<see cref="ClaimCsvReader"/>), each as soon as it is known: a malformed row's
/// finding at its row, a claim when the next claim's row (or the end) is read. Streaming, only
/// the claim being read is held, with a fixed-size filter of the claim ids met; the whole-file
/// mode of <see cref="ClaimCsvReader.Read"/> keeps every claim until the end.
/// </summary>
/// <remarks>
/// A million-line batch repeats a few hundred codes, modifiers, diagnoses and pointer lists, so
/// each field's text is parsed once and its parsed value reused (<see cref="FieldCache{T}"/>):
/// a clean row then allocates its <see cref="ClaimLine"/> and nothing else, and a claim its id,
/// arrays and record. Dates and amounts of the usual shape are read without the general parsers.
/// </remarks>
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
    private readonly ImmutableArray<ClaimDiagnosis>.Builder dxList = ImmutableArray.CreateBuilder<ClaimDiagnosis>(Claim.MaxDiagnoses);

    private readonly FieldCache<(string Text, ProcedureCode? Code)> codes = new();
    private readonly FieldCache<(ImmutableArray<string> Texts, ImmutableArray<Modifier> Parsed)> modifierLists = new();
    private readonly FieldCache<ImmutableArray<int>> pointerLists = new();
    private readonly FieldCache<ClaimDiagnosis> diagnoses = new();
    private readonly FieldCache<string> places = new();
    private readonly FieldCache<(string Text, Npi? Npi)> npis = new();

    // Streaming: the claim being read and a filter of every claim id met, to notice a claim that
    // comes back after another; each "maybe" is kept, with its line, for FindApart to settle.
    private readonly ClaimIdFilter seen = new();
    private readonly List<(string Id, int Line)> suspects = [];
    private Builder? current;
    private Claim? pendingClaim;
    private EditFinding? pendingMalformed;
    private bool ended;

    // Whole-file mode: every claim by id, in order of first appearance.
    private readonly Dictionary<string, Builder> builders = new(StringComparer.Ordinal);
    private readonly List<Builder> order = [];

    internal ClaimCsvStream(TextReader reader, bool buildClaims, bool adjacentOnly)
    {
        try
        {
            sep = Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true }).From(reader);
        }
        catch (ArgumentException)
        {
            // Sep's own message quotes the whole header row, which may be a row of patient data.
            throw new FormatException("the claims CSV header names a column twice (or has two empty column names)");
        }

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

    /// <summary>
    /// Streaming: each claim id that may have come back after another claim's rows, with the line
    /// where it came back; <see cref="ClaimCsvReader.FindApart"/> tells the real ones from the
    /// filter's false alarms. Empty for a file whose claims' rows are adjacent, nearly always.
    /// </summary>
    public IReadOnlyList<(string Id, int Line)> Suspects => suspects;

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

    /// <summary>Whether the row is one a claim is read from: not blank, not cut short, not spread over lines, with an id.</summary>
    internal static bool IsClaimRow(SepReader.Row row, int headerColumns, int idColumn) =>
        row.ColCount >= headerColumns && row.LineNumberToExcl - row.LineNumberFrom == 1 && !row[idColumn].Span.Trim().IsEmpty;

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

        var claim = ClaimOf(id, line);
        var number = ++claim.RowCount;
        problems.Clear();
        if (claim.Header is null)
        {
            claim.Header = ReadHeader(row);
        }

        var unitsText = row[unitsColumn].Span.Trim();
        if (!int.TryParse(unitsText, NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1)
        {
            problems.Add($"units {Echo.Quote(unitsText)} must be a whole number of at least 1");
        }

        var charge = ClaimCsvReader.Charge(row[chargeColumn].Span.Trim(), problems);
        var pointers = Pointers(row[pointersColumn].Span.Trim());
        if (problems.Count > 0 || claim.Header is null)
        {
            pendingMalformed = ClaimCsvReader.Malformed(claim.Id, line, problems.Count > 0 ? string.Join("; ", problems) : "the claim's first row could not be read");
            return;
        }

        if (buildClaims)
        {
            var (codeText, code) = codes.Get(row[codeColumn].Span.Trim(), static text => (text, ProcedureCode.TryParse(text, out var parsed) ? parsed : null));
            var (modifierTexts, modifiers) = modifierLists.Get(row[modifiersColumn].Span.Trim(), static text =>
            {
                ImmutableArray<string> texts = [.. text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)];
                return (texts, [.. texts.Select(t => Modifier.TryParse(t, out var m) ? m : (Modifier?)null).OfType<Modifier>()]);
            });
            claim.Lines.Add(new ClaimLine(number, codeText, code, modifierTexts, modifiers, units, charge!.Value, pointers));
        }
    }

    /// <summary>The line's diagnosis pointers; a token that is not a number is noted as a problem.</summary>
    private ImmutableArray<int> Pointers(ReadOnlySpan<char> text)
    {
        if (pointerLists.TryGet(text, out var cached))
        {
            return cached;
        }

        var list = ImmutableArray.CreateBuilder<int>(4);
        var bad = false;
        foreach (var range in text.SplitAny(ListSeparators))
        {
            var p = text[range];
            if (p.IsEmpty)
            {
                continue;
            }

            if (int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pointer))
            {
                list.Add(pointer);
            }
            else
            {
                problems.Add($"pointer {Echo.Quote(p)} is not a number 1-12");
                bad = true;
            }
        }

        var pointers = list.ToImmutable();
        if (!bad)
        {
            pointerLists.Add(text, pointers);
        }

        return pointers;
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
            problems.Add("patient_sex must be one letter (F, M or U)");
        }

        var em = emColumn >= 0 ? ClaimCsvReader.Em(row[emColumn].Span.Trim(), problems) : null;
        if (problems.Count > 0)
        {
            return null;
        }

        var dx = ImmutableArray<ClaimDiagnosis>.Empty;
        if (buildClaims)
        {
            dxList.Clear();
            foreach (var c in dxColumns)
            {
                if (row[c].Span.Trim() is { IsEmpty: false } d)
                {
                    dxList.Add(diagnoses.Get(d, ClaimDiagnosis.Create));
                }
            }

            dx = dxList.ToImmutable();
        }

        var pos = places.Get(row[posColumn].Span.Trim(), static text => text);
        var (npiText, npi) = npis.Get(row[npiColumn].Span.Trim(), static text => (text, Npi.TryParse(text, out var parsed) ? parsed : null));
        return new ClaimHeader(dos!.Value, pos, npiText, npi, birth, sex.Length == 1 ? char.ToUpperInvariant(sex[0]) : 'U', dx, em);
    }

    private Builder ClaimOf(ReadOnlySpan<char> id, int line)
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

        // One builder serves every claim in turn: Complete copied what the claim keeps.
        pendingClaim = Complete(current);
        current ??= new Builder(string.Empty);
        current.Start(id.ToString());
        if (seen.Add(id))
        {
            suspects.Add((current.Id, line));
        }

        return current;
    }

    private Claim? Complete(Builder? b) =>
        b is { Header: { } h } && buildClaims ? new Claim(b.Id, h.Dos, h.Pos, h.NpiText, h.Npi, h.Birth, h.Sex, h.Dx, [.. b.Lines], h.Em) : null;

    private sealed record ClaimHeader(DateOnly Dos, string Pos, string NpiText, Npi? Npi, DateOnly? Birth, char Sex, ImmutableArray<ClaimDiagnosis> Dx, EmInput? Em);

    private sealed class Builder(string id)
    {
        public string Id { get; private set; } = id;

        public ClaimHeader? Header { get; set; }

        public List<ClaimLine> Lines { get; } = [];

        public int RowCount { get; set; }

        public void Start(string claimId)
        {
            (Id, Header, RowCount) = (claimId, null, 0);
            Lines.Clear();
        }
    }
}
