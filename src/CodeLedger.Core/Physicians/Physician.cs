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
}
