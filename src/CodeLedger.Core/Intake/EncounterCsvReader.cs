using System.Globalization;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using nietras.SeparatedValues;

namespace CodeLedger.Core.Intake;

/// <summary>
/// Reads the documented encounter CSV (docs/WORKFLOW.md): RFC 4180 (comma, double-quote quoting,
/// quoted fields may hold commas, quotes and line breaks), UTF-8, a header row naming the columns
/// in any order. Sep reads the records and keeps the line each starts on, which every error names.
/// </summary>
public static class EncounterCsvReader
{
    public static readonly string[] Columns =
    [
        "external_id", "physician_npi", "patient_family_name", "patient_given_name", "patient_birth_date",
        "patient_sex", "patient_member_id", "date_of_service", "place_of_service", "documentation_completed_at", "note",
    ];

    /// <summary>Optional columns: the coverage (docs/INTAKE.md, "Coverage"); a row leaving them empty has none.</summary>
    public static readonly string[] CoverageColumns =
    [
        "payer_code", "coverage_member_id", "relationship", "group_number", "subscriber_family_name", "subscriber_given_name",
        "subscriber_birth_date", "subscriber_sex",
    ];

    /// <summary>Optional columns: the patient's address.</summary>
    public static readonly string[] AddressColumns =
        ["patient_address_line1", "patient_address_line2", "patient_address_city", "patient_address_state", "patient_address_zip"];

    /// <summary>Reads the records; <paramref name="file"/>, when given, prefixes every location ("encounters.csv line 12").</summary>
    public static IEnumerable<EncounterSubmission> Read(TextReader reader, string? file = null)
    {
        using var sep = Open(reader, file);
        if (sep.Header.IsEmpty)
        {
            throw new IntakeFormatException(IntakeErrors.MissingField, Line(file, 1), "CSV", "header", "the file is empty");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = sep.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            index[names[i].Trim().ToLowerInvariant()] = i;
        }

        foreach (var column in Columns)
        {
            if (!index.ContainsKey(column))
            {
                throw new IntakeFormatException(IntakeErrors.MissingField, Line(file, 1), "CSV", column, "column missing from the header");
            }
        }

        // A record is yielded once the next one is read: a quote left open swallows the rest of the
        // file into one record, which shows only as the last record holding an odd number of quotes.
        (string[] Fields, int Line, bool OddQuotes)? pending = null;
        while (Next(sep, file))
        {
            if (pending is { } previous)
            {
                yield return ToSubmission(previous.Fields, index, Line(file, previous.Line));
            }

            pending = Record(sep.Current);
            if (pending.Value.Fields is [{ Length: 0 }])
            {
                pending = null;
            }
        }

        if (pending is { } last)
        {
            if (last.OddQuotes)
            {
                throw new IntakeFormatException(IntakeErrors.Unreadable, Line(file, last.Line), "CSV", "(quoting)", "a quoted field is not closed before the end of the file");
            }

            yield return ToSubmission(last.Fields, index, Line(file, last.Line));
        }
    }

    /// <summary>
    /// Sep refuses some headers itself (a column name twice, two empty names) with a message that
    /// quotes the whole header row; the refusal is turned into the intake's, which quotes nothing.
    /// </summary>
    private static SepReader Open(TextReader reader, string? file)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { DisableColCountCheck = true, Unescape = true }).From(reader);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new IntakeFormatException(IntakeErrors.Unreadable, Line(file, 1), "CSV", "header", "the header row cannot be read (a column named twice, or an empty column name)");
        }
    }

    /// <summary>The next record; a failure of Sep's own (its message may quote the row) becomes an intake refusal naming the line.</summary>
    private static bool Next(SepReader sep, string? file)
    {
        try
        {
            return sep.MoveNext();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new IntakeFormatException(IntakeErrors.Unreadable, Line(file, sep.Current.LineNumberFrom), "CSV", "(record)", "the record cannot be read");
        }
    }

    private static (string[] Fields, int Line, bool OddQuotes) Record(SepReader.Row row)
    {
        var odd = row.Span.Count('"') % 2 == 1;
        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString();
        }

        return (fields, row.LineNumberFrom, odd);
    }

    private static EncounterSubmission ToSubmission(string[] record, Dictionary<string, int> index, string location)
    {
        string Field(string name)
        {
            var i = index[name];
            var value = i < record.Length ? record[i].Trim() : string.Empty;
            return value.Length > 0 ? value : throw new IntakeFormatException(IntakeErrors.MissingField, location, "CSV", name, "required but empty");
        }

        IntakeFormatException Invalid(string name, string why) => new(IntakeErrors.InvalidField, location, "CSV", name, why);

        // The value types' own messages quote the text; at intake a shifted column may put patient
        // data in any field, so no message here repeats a value.
        var npi = Npi.TryParse(Field("physician_npi"), out var n) ? n : throw Invalid("physician_npi", "must be a 10-digit NPI with a valid check digit");
        var birth = ParseDate(Field("patient_birth_date")) ?? throw Invalid("patient_birth_date", "must be YYYY-MM-DD");
        var dos = ParseDate(Field("date_of_service")) ?? throw Invalid("date_of_service", "must be YYYY-MM-DD");
        var sex = Field("patient_sex").ToUpperInvariant() switch
        {
            "F" => PatientSex.Female,
            "M" => PatientSex.Male,
            "U" => PatientSex.Unknown,
            _ => throw Invalid("patient_sex", "must be F, M or U"),
        };
        var pos = PlaceOfService.TryParse(Field("place_of_service"), out var p, out _) ? p : throw Invalid("place_of_service", "must be a two-digit CMS place-of-service code such as 11");
        if (!DateTimeOffset.TryParseExact(Field("documentation_completed_at"), ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var completed))
        {
            throw Invalid("documentation_completed_at", "must be an ISO 8601 instant with offset, e.g. 2026-03-02T17:31:00Z");
        }

        try
        {
            var patient = new PatientDemographics(Field("patient_family_name"), Field("patient_given_name"), birth, sex, Field("patient_member_id"));
            string? Optional(string name) => index.TryGetValue(name, out var i) && i < record.Length ? record[i] : null;
            var coverage = IntakeCoverage.Read(
                new IntakeCoverage.Fields(Optional("payer_code"), Optional("coverage_member_id"), Optional("relationship"), Optional("group_number"),
                    Optional("subscriber_family_name"), Optional("subscriber_given_name"), Optional("subscriber_birth_date"), Optional("subscriber_sex")),
                patient, (column, why) => Invalid(column, why), CoverageColumn);
            var address = IntakeCoverage.Address(Optional("patient_address_line1"), Optional("patient_address_line2"), Optional("patient_address_city"),
                Optional("patient_address_state"), Optional("patient_address_zip"), (column, why) => Invalid(column, why), key => "patient_address_" + key);
            return new EncounterSubmission(location, Field("external_id"), npi, patient, dos, pos, Field("note"), completed, coverage, address);
        }
        catch (DomainException e)
        {
            throw new IntakeFormatException(IntakeErrors.InvalidField, location, "CSV", "patient", e.Message);
        }
    }

    private static string CoverageColumn(string key) => key switch
    {
        "payer" => "payer_code",
        "member" => "coverage_member_id",
        "relationship" => "relationship",
        "group" => "group_number",
        "subscriberFamily" => "subscriber_family_name",
        "subscriberGiven" => "subscriber_given_name",
        "subscriberBirthDate" => "subscriber_birth_date",
        _ => "subscriber_sex",
    };

    private static string Line(string? file, int line) => FhirEncounterReader.LineLocation(file, line);

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
