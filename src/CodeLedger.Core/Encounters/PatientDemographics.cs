using CodeLedger.Core.Common;

namespace CodeLedger.Core.Encounters;

/// <summary>
/// Who the patient is. Every field here is PHI: it moves only under a business associate
/// agreement in force.
/// </summary>
public sealed record PatientDemographics
{
    public PatientDemographics(string familyName, string givenName, DateOnly birthDate, PatientSex sex, string memberId)
    {
        FamilyName = Guard.Text(familyName, "patient family name", 60);
        GivenName = Guard.Text(givenName, "patient given name", 35);
        BirthDate = birthDate;
        Sex = sex;
        MemberId = Guard.Text(memberId, "patient member id", 80);
    }

    public string FamilyName { get; }

    public string GivenName { get; }

    public DateOnly BirthDate { get; }

    public PatientSex Sex { get; }

    public string MemberId { get; }
}
