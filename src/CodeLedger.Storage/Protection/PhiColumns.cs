using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// The PHI columns (ARCHITECTURE: patient name, birth date, member id, documentation text) and
/// their encryption. Converters run wherever EF writes or reads, including the bulk insert that
/// takes its converters from this model, so no path stores PHI in clear.
/// </summary>
internal static class PhiColumns
{
    public const string Patient = "encounters.patient";
    public const string EncounterDocumentation = "encounters.documentation_text";
    public const string DocumentationVersionText = "documentation_versions.text";

    public static void Apply(ModelBuilder model, PhiCipher phi)
    {
        model.Entity<Encounter>(b =>
        {
            b.Property(e => e.Patient).HasConversion(
                new ValueConverter<PatientDemographics, string>(
                    v => phi.Protect(StoredJson.Serialize(v), Patient),
                    s => StoredJson.Deserialize<PatientDemographics>(phi.Unprotect(s, Patient))),
                Converters.JsonComparer<PatientDemographics>());
            b.Property(e => e.DocumentationText).HasConversion(Text(phi, EncounterDocumentation));
        });
        model.Entity<DocumentationVersion>(b => b.Property(d => d.Text).HasConversion(Text(phi, DocumentationVersionText)));
    }

    private static ValueConverter<string, string> Text(PhiCipher phi, string column) =>
        new(v => phi.Protect(v, column), s => phi.Unprotect(s, column));
}
