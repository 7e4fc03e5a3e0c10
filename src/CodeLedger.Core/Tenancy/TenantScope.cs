namespace CodeLedger.Core.Tenancy;

/// <summary>An encounter as the tenant boundary sees it: whose practice, whose physician, which vendor it was sent to.</summary>
public readonly record struct EncounterFacts(Guid Id, Guid PracticeId, Guid PhysicianId, Guid? VendorId);

/// <summary>
/// The rows a principal reaches, as sets a database filter can use (<see cref="AccessPolicy.Scope"/>
/// builds it; Storage's query filters and <see cref="Reaches"/> read the same sets, so what the
/// database returns and what the policy allows are one rule). An encounter is reached when it
/// belongs to a reached practice (and, for vendor staff, was sent to their vendor), or was
/// rendered by a reached physician, or is a granted encounter. Everything else a tenant owns
/// (notes, work items, codings, queries) is reached through its encounter.
/// </summary>
public sealed record TenantScope
{
    private TenantScope(bool unrestricted, IReadOnlyList<Guid> practiceIds, Guid? vendorId, IReadOnlyList<Guid> physicianIds, IReadOnlyList<Guid> encounterIds)
    {
        IsUnrestricted = unrestricted;
        PracticeIds = practiceIds;
        VendorId = vendorId;
        PhysicianIds = physicianIds;
        EncounterIds = encounterIds;
    }

    /// <summary>The operator (no signed-in person): workers, migrations, <c>ledger verify</c>, the demo.</summary>
    public static TenantScope Unrestricted { get; } = new(true, [], null, [], []);

    public static TenantScope Of(IEnumerable<Guid> practiceIds, Guid? vendorId, IEnumerable<Guid> physicianIds, IEnumerable<Guid> encounterIds) =>
        new(false, [.. practiceIds.Distinct().Order()], vendorId, [.. physicianIds.Distinct().Order()], [.. encounterIds.Distinct().Order()]);

    public bool IsUnrestricted { get; }

    /// <summary>Practices whose encounters are reached (all of them, or those sent to <see cref="VendorId"/>).</summary>
    public IReadOnlyList<Guid> PracticeIds { get; }

    /// <summary>Set for vendor staff: of a reached practice, only the encounters sent to this vendor.</summary>
    public Guid? VendorId { get; }

    /// <summary>Physicians whose own encounters are reached (a physician user: their record in their practice).</summary>
    public IReadOnlyList<Guid> PhysicianIds { get; }

    /// <summary>Encounters reached one by one (an auditor's grants in force).</summary>
    public IReadOnlyList<Guid> EncounterIds { get; }

    /// <summary>
    /// Whether a physician of a practice is among those the person may name (to list their queries):
    /// one of a reached practice's physicians, or the person's own record. An auditor names none:
    /// their grants are encounters, not people.
    /// </summary>
    public bool ReachesPhysician(Guid physicianId, Guid practiceId) =>
        IsUnrestricted || PracticeIds.Contains(practiceId) || PhysicianIds.Contains(physicianId);

    public bool Reaches(EncounterFacts e) =>
        IsUnrestricted
        || (PracticeIds.Contains(e.PracticeId) && (VendorId is null || e.VendorId == VendorId))
        || PhysicianIds.Contains(e.PhysicianId)
        || EncounterIds.Contains(e.Id);
}
