using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coders;

/// <summary>A coder employed by a coding vendor: the credentials held, the specialties covered and the days away.</summary>
public sealed class Coder
{
    private Coder()
    {
        UserName = string.Empty;
        DisplayName = string.Empty;
        Credentials = [];
        Specialties = [];
        Absences = [];
    }

    public Coder(Guid id, Guid vendorId, string userName, string displayName, IEnumerable<Credential> credentials, IEnumerable<Specialty> specialties, IEnumerable<Absence>? absences = null, bool isLead = false)
    {
        Id = id;
        VendorId = vendorId;
        UserName = Guard.Text(userName, "coder user name", 64);
        DisplayName = Guard.Text(displayName, "coder display name");
        Credentials = [.. credentials];
        Specialties = [.. specialties.Distinct()];
        Absences = [.. absences ?? []];
        IsLead = isLead;
    }

    public Guid Id { get; private set; }

    public Guid VendorId { get; private set; }

    public string UserName { get; private set; }

    public string DisplayName { get; private set; }

    public List<Credential> Credentials { get; private set; }

    public List<Specialty> Specialties { get; private set; }

    public List<Absence> Absences { get; private set; }

    /// <summary>A lead coder may finalize coding despite edit errors, with a recorded reason.</summary>
    public bool IsLead { get; private set; }

    /// <summary>False once the coder left the vendor: kept for the history of their work, never assigned new work.</summary>
    public bool Active { get; private set; } = true;

    /// <summary>Changes what a setup may change of an enrolled coder; the user name and the vendor are the identity and never change.</summary>
    public void Update(string displayName, bool isLead, bool active, IEnumerable<Credential> credentials, IEnumerable<Specialty> specialties, IEnumerable<Absence> absences)
    {
        DisplayName = Guard.Text(displayName, "coder display name");
        IsLead = isLead;
        Active = active;
        Credentials = [.. credentials];
        Specialties = [.. specialties.Distinct()];
        Absences = [.. absences];
    }

    public bool IsAwayOn(DateOnly day) => Absences.Any(a => a.Covers(day));

    public void AddAbsence(Absence absence) => Absences = [.. Absences, absence];
}
