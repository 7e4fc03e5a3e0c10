using System.Collections.Immutable;
using System.Globalization;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Codes;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Edits;

/// <summary>
/// Reads claims from CSV, one row per service line (docs/EDITS.md, "Claims CSV"): claim_id, dos,
/// pos, rendering_npi, patient_birth_date, patient_sex, dx1..dx12, code, modifiers, units, charge,
/// pointers, and optionally em: the documented MDM elements and time as the JSON of `em level`
/// (quoted, with doubled quotes), which turns on EM-LEVEL-SUPPORT for the claim's office visits.
/// Columns are found by header name, in any order. Rows of one claim share claim_id; the claim's
/// header fields come from its first row. A row that cannot be read becomes an
/// INPUT-MALFORMED finding naming its line, and every other row is still checked.
/// </summary>
public static class ClaimCsvReader
{
    private static readonly string[] Required = ["claim_id", "dos", "pos", "rendering_npi", "patient_birth_date", "patient_sex", "code", "modifiers", "units", "charge", "pointers"];
    private static readonly char[] ListSeparators = [' ', ':', ';', '|'];

    public static ClaimCsvBatch Read(TextReader reader)
    {
        var fields = new List<string>(32);
        var malformed = ImmutableArray.CreateBuilder<EditFinding>();
        var header = reader.ReadLine();
        if (header is null || !CsvFields.TrySplit(header, fields))
        {
            throw new FormatException("the claims CSV is empty or its header line is unreadable");
        }

        var columns = fields.Select((name, i) => (name: name.Trim().ToLowerInvariant(), i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var missing = Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"the claims CSV header lacks {string.Join(", ", missing)}");
        }

        var emColumn = columns.GetValueOrDefault("em", -1);
        var dxColumns = Enumerable.Range(1, Claim.MaxDiagnoses).Select(i => columns.GetValueOrDefault("dx" + i.ToString(CultureInfo.InvariantCulture), -1)).ToArray();
        var order = new List<string>();
        var builders = new Dictionary<string, ClaimBuilder>(StringComparer.Ordinal);
        var lineNumber = 1;
        var rows = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            rows++;
            if (!CsvFields.TrySplit(line, fields) || fields.Count < columns.Count)
            {
                malformed.Add(Malformed(fields.Count > 0 ? fields[0] : string.Empty, lineNumber, $"{fields.Count} columns where the header has {columns.Count}, or unbalanced quotes"));
                continue;
            }

            string F(string name) => fields[columns[name]].Trim();
            var id = F("claim_id");
            if (id.Length == 0)
            {
                malformed.Add(Malformed(id, lineNumber, "claim_id is empty"));
                continue;
            }

            if (!builders.TryGetValue(id, out var claim))
            {
                claim = new ClaimBuilder();
                builders[id] = claim;
                order.Add(id);
            }

            var number = ++claim.RowCount;
            var problems = new List<string>();
            if (claim.Header is null)
            {
                var dos = Date(F("dos"), "dos", problems);
                var birth = F("patient_birth_date").Length == 0 ? null : Date(F("patient_birth_date"), "patient_birth_date", problems);
                var sex = F("patient_sex");
                if (sex.Length > 1)
                {
                    problems.Add($"patient_sex '{sex}' must be one letter (F, M or U)");
                }

                EmInput? em = null;
                if (emColumn >= 0 && fields[emColumn].Trim() is { Length: > 0 } emText)
                {
                    try
                    {
                        em = EmInputJson.Parse(emText);
                    }
                    catch (EmInputException e)
                    {
                        problems.Add($"em: {e.Message}");
                    }
                }

                if (problems.Count == 0)
                {
                    claim.Header = (dos!.Value, F("pos"), F("rendering_npi"), birth, sex.Length == 1 ? char.ToUpperInvariant(sex[0]) : 'U',
                        dxColumns.Where(c => c >= 0).Select(c => fields[c].Trim()).Where(d => d.Length > 0).ToList(), em);
                }
            }

            if (!int.TryParse(F("units"), NumberStyles.None, CultureInfo.InvariantCulture, out var units) || units < 1)
            {
                problems.Add($"units '{F("units")}' must be a whole number of at least 1");
            }

            if (!Money.TryParse(F("charge"), out var charge, out var chargeError))
            {
                problems.Add(chargeError);
            }

            var pointers = new List<int>(4);
            foreach (var p in F("pointers").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
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
                malformed.Add(Malformed(id, lineNumber, problems.Count > 0 ? string.Join("; ", problems) : "the claim's first row could not be read"));
                continue;
            }

            claim.Lines.Add(ClaimLine.Create(number, F("code"), F("modifiers").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries), units, charge, pointers));
        }

        var claims = order.Select(id => (id, b: builders[id])).Where(x => x.b.Header is not null).Select(x =>
        {
            var h = x.b.Header!.Value;
            return Claim.Create(x.id, h.Dos, h.Pos, h.Npi, h.Birth, h.Sex, h.Dx, x.b.Lines, h.Em);
        });
        return new ClaimCsvBatch([.. claims], rows, malformed.ToImmutable());
    }

    private static DateOnly? Date(string text, string field, List<string> problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        problems.Add($"{field} '{text}' is not a date YYYY-MM-DD");
        return null;
    }

    private static EditFinding Malformed(string claimId, int line, string reason) =>
        new(EditRules.InputMalformed, EditSeverity.Error, claimId, line, [], string.Create(CultureInfo.InvariantCulture, $"input line {line}: {reason}"));

    private sealed class ClaimBuilder
    {
        public (DateOnly Dos, string Pos, string Npi, DateOnly? Birth, char Sex, List<string> Dx, EmInput? Em)? Header { get; set; }

        public List<ClaimLine> Lines { get; } = [];

        public int RowCount { get; set; }
    }
}
