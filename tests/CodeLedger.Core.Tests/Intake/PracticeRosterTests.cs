using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Core.Tests.Intake;

public sealed class PracticeRosterTests
{
    private static readonly Physician Chen = new(Guid.NewGuid(), Guid.NewGuid(), "Dr. Maya Chen", Npi.Parse("1234567893"), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
    private static readonly PracticeRoster Roster = new("FM-NORTH", [Chen]);

    private static EncounterSubmission Visit(string location, string npi) =>
        new(location, "EHR-" + location, Npi.Parse(npi), new PatientDemographics("Garcia", "Luis", new DateOnly(1958, 7, 4), PatientSex.Male, "MBR1"),
            new DateOnly(2026, 3, 2), PlaceOfService.Office, "note", new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Each_encounter_gets_the_physician_its_npi_names()
    {
        Assert.Equal([Chen, Chen], Roster.Resolve([Visit("line 2", "1234567893"), Visit("line 3", "1234567893")]));
    }

    [Fact]
    public void First_npi_not_enrolled_refuses_the_whole_file_naming_it_and_where_it_is()
    {
        var e = Assert.Throws<DomainException>(() => Roster.Resolve([Visit("line 2", "1234567893"), Visit("line 3", "1245319599"), Visit("line 4", "1003000126")]));

        Assert.Equal("INTAKE-UNKNOWN-NPI", e.Code);
        Assert.StartsWith("line 3: physician NPI 1245319599 is not enrolled at practice FM-NORTH", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deactivated_physician_refuses_the_whole_file_naming_the_npi_and_where_it_is_whatever_the_date_of_service()
    {
        var left = new Physician(Guid.NewGuid(), Chen.PracticeId, "Dr. Ana Ruiz", Npi.Parse("1245319599"), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        left.Update(left.Name, left.Taxonomy, left.Specialty, active: false);
        var roster = new PracticeRoster("FM-NORTH", [Chen, left]);

        var e = Assert.Throws<DomainException>(() => roster.Resolve([Visit("line 2", "1234567893"), Visit("line 3", "1245319599")]));

        Assert.Equal("INTAKE-INACTIVE-PHYSICIAN", e.Code);
        Assert.StartsWith("line 3: physician NPI 1245319599 was deactivated at practice FM-NORTH", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Garcia", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ruiz", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reactivated_physician_is_accepted_again()
    {
        var back = new Physician(Guid.NewGuid(), Chen.PracticeId, "Dr. Ana Ruiz", Npi.Parse("1245319599"), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine"));
        back.Update(back.Name, back.Taxonomy, back.Specialty, active: false);
        back.Update(back.Name, back.Taxonomy, back.Specialty, active: true);

        Assert.Equal([back], new PracticeRoster("FM-NORTH", [Chen, back]).Resolve([Visit("line 2", "1245319599")]));
    }
}
