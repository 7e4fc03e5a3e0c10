using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Physicians;

/// <summary>A rendering physician of a practice, identified by NPI and classified by NUCC taxonomy.</summary>
public sealed class Physician
{
    private Physician()
    {
        Name = string.Empty;
    }

    public Physician(Guid id, Guid practiceId, string name, Npi npi, TaxonomyCode taxonomy, Specialty specialty)
    {
        Id = id;
        PracticeId = practiceId;
        Name = Guard.Text(name, "physician name");
        Npi = npi.Value is null ? throw new DomainException(PhysicianErrors.NpiInvalid, "physician NPI is required") : npi;
        Taxonomy = taxonomy;
        Specialty = specialty;
    }

    public Guid Id { get; private set; }

    public Guid PracticeId { get; private set; }

    public string Name { get; private set; }

    public Npi Npi { get; private set; }

    public TaxonomyCode Taxonomy { get; private set; }

    public Specialty Specialty { get; private set; }

    /// <summary>
    /// False once the physician left the practice: the record stays, so every encounter and query
    /// that names them stays valid, but no new encounter is accepted for them.
    /// </summary>
    public bool Active { get; private set; } = true;

    /// <summary>Changes what a setup may change of an enrolled physician; the NPI and the practice are the identity and never change.</summary>
    public void Update(string name, TaxonomyCode taxonomy, Specialty specialty, bool active)
    {
        Name = Guard.Text(name, "physician name");
        Taxonomy = taxonomy;
        Specialty = specialty;
        Active = active;
    }
}
