using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// The PHI columns (ARCHITECTURE: patient name, birth date, member id, documentation text; and the
/// free text of documentation queries, where a coder or physician may type anything about the
/// patient) and their encryption. Converters run wherever EF writes or reads, including the bulk insert that
/// takes its converters from this model, so no path stores PHI in clear.
/// </summary>
internal static class PhiColumns
{
    public const string Patient = "encounters.patient";
    public const string EncounterDocumentation = "encounters.documentation_text";
    public const string DocumentationVersionText = "documentation_versions.text";
    public const string QueryQuestion = "documentation_queries.question";
    public const string QueryChoices = "documentation_queries.choices";
    public const string QueryAnswer = "documentation_queries.answer";
    public const string CoveragePolicy = "encounter_coverages.policy";
    public const string CoveragePatientAddress = "encounter_coverages.patient_address";
    public const string DenialStepNote = "denial_work_steps.note";

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

        // The choices are encrypted with the question and the answer: a multiple-choice answer is
        // one of them, so clear choices would reveal the answer.
        model.Entity<DocumentationQuery>(b =>
        {
            b.Property(q => q.Question).HasConversion(Text(phi, QueryQuestion));
            // EF never passes null to a converter: an unanswered query stays NULL.
            b.Property(q => q.Answer).HasConversion(new ValueConverter<string?, string>(v => phi.Protect(v!, QueryAnswer), s => phi.Unprotect(s, QueryAnswer)));
            b.Property(q => q.Choices).HasConversion(
                new ValueConverter<List<string>, string>(
                    v => phi.Protect(StoredJson.Serialize(v), QueryChoices),
                    s => StoredJson.Deserialize<List<string>>(phi.Unprotect(s, QueryChoices))),
                Converters.JsonComparer<List<string>>());
        });

        // The policy (member id, subscriber's name and birth date) and the patient's address are PHI.
        model.Entity<Billing.EncounterCoverageRow>(b =>
        {
            b.Property(c => c.Policy).HasConversion(Json<Core.Billing.ClaimCoverage>(phi, CoveragePolicy), Converters.JsonComparer<Core.Billing.ClaimCoverage>());
            // EF never passes null to a converter: an encounter without an address stays NULL.
            b.Property(c => c.PatientAddress).HasConversion(
                new ValueConverter<Core.Billing.BillingAddress?, string>(
                    v => phi.Protect(StoredJson.Serialize(v!), CoveragePatientAddress),
                    s => StoredJson.Deserialize<Core.Billing.BillingAddress>(phi.Unprotect(s, CoveragePatientAddress))),
                Converters.JsonComparer<Core.Billing.BillingAddress>());
        });

        // A denial's appeal note or write-off reason is free text a person may fill with the patient's
        // name or condition. EF never passes null to a converter: a step without a note stays NULL.
        model.Entity<Denials.DenialWorkStepRow>(b =>
            b.Property(d => d.Note).HasConversion(new ValueConverter<string?, string>(v => phi.Protect(v!, DenialStepNote), s => phi.Unprotect(s, DenialStepNote))));
    }

    private static ValueConverter<T, string> Json<T>(PhiCipher phi, string column) where T : class =>
        new(v => phi.Protect(StoredJson.Serialize(v), column), s => StoredJson.Deserialize<T>(phi.Unprotect(s, column)));

    private static ValueConverter<string, string> Text(PhiCipher phi, string column) =>
        new(v => phi.Protect(v, column), s => phi.Unprotect(s, column));
}
