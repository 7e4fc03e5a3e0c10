using CodeLedger.Core.Intake;
using CodeLedger.Core.Intake.Testing;

namespace CodeLedger.Core.Tests.Intake;

public sealed class EncounterCsvReaderTests
{
    private const string Header = "external_id,physician_npi,patient_family_name,patient_given_name,patient_birth_date,patient_sex,patient_member_id,date_of_service,place_of_service,documentation_completed_at,note\n";

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public void Multi_line_quoted_note_is_one_field()
    {
        var note = AciBenchNotes.First();
        var csv = Header + $"EHR-1,1234567893,Garcia,Luis,1958-07-04,M,MBR1,2026-03-02,11,2026-03-02T17:31:00Z,{Quote(note)}\n"
            + "EHR-2,1234567893,Nguyen,Mei,1970-01-02,F,MBR2,2026-03-02,11,2026-03-02T18:00:00-06:00,\"Short note, with a comma.\"\n";

        var rows = EncounterCsvReader.Read(new StringReader(csv)).ToList();

        Assert.Equal(note, rows[0].DocumentationText);
        Assert.Equal(("EHR-2", "Short note, with a comma.", new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero)), (rows[1].ExternalId, rows[1].DocumentationText, rows[1].DocumentationCompletedAt));
    }

    [Fact]
    public void Bad_value_is_refused_naming_the_column_and_the_line()
    {
        var csv = Header + "EHR-1,1234567890,Garcia,Luis,1958-07-04,M,MBR1,2026-03-02,11,2026-03-02T17:31:00Z,note\n";

        var e = Assert.Throws<IntakeFormatException>(() => EncounterCsvReader.Read(new StringReader(csv)).ToList());
        Assert.Equal((IntakeErrors.InvalidField.Value, "physician_npi", "line 2"), (e.Code, e.Field, e.Location));
    }

    [Fact]
    public void Missing_column_is_refused()
    {
        var e = Assert.Throws<IntakeFormatException>(() => EncounterCsvReader.Read(new StringReader("external_id,note\nX,y\n")).ToList());
        Assert.Equal("physician_npi", e.Field);
    }
}
