using CodeLedger.Core.Common;

namespace CodeLedger.Core.Tenancy;

/// <summary>
/// What an audit engagement lets an auditing organization read: named encounters of one practice,
/// from one instant until another. The hook for issue 17's engagements, which will write these;
/// until then only tests do. An auditor reaches nothing a grant in force does not name.
/// </summary>
public sealed class AuditGrant
{
    public AuditGrant(Guid id, Guid auditorOrganizationId, Guid practiceId, IEnumerable<Guid> encounterIds, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(encounterIds);
        var ids = encounterIds.Distinct().Order().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException(TenancyErrors.GrantEmpty, "an audit grant names at least one encounter");
        }

        if (to <= from)
        {
            throw new DomainException(TenancyErrors.GrantWindow, $"an audit grant ends after it starts (from {Instants.Format(from)}, to {Instants.Format(to)})");
        }

        Id = id;
        AuditorOrganizationId = auditorOrganizationId;
        PracticeId = practiceId;
        EncounterIds = ids;
        From = Instants.Normalize(from);
        To = Instants.Normalize(to);
    }

    private AuditGrant()
    {
        EncounterIds = [];
    }

    public Guid Id { get; private set; }

    /// <summary>The audit firm (or the practice's own compliance office) whose auditors read.</summary>
    public Guid AuditorOrganizationId { get; private set; }

    /// <summary>The practice whose encounters are granted; a granted id of another practice grants nothing.</summary>
    public Guid PracticeId { get; private set; }

    public List<Guid> EncounterIds { get; private set; }

    public DateTimeOffset From { get; private set; }

    /// <summary>Exclusive: at this instant the grant no longer holds.</summary>
    public DateTimeOffset To { get; private set; }

    public bool IsInForceAt(DateTimeOffset now) => From <= now && now < To;
}
