using CodeLedger.Core.Accounts;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Tenancy;

/// <summary>
/// The tenant boundary: what a signed-in person reaches, and what they may do with an encounter
/// they reach. One rule for every surface (CLI, web, workers acting for a person); Storage turns
/// <see cref="Scope"/> into query filters so that no endpoint filters by hand.
/// <list type="bullet">
/// <item>Vendor staff (vendor admin, coding lead, coder) reach the encounters sent to their vendor
/// by practices bound to it by a business associate agreement in force today. When the agreement
/// ends (expiry or termination) the vendor's people reach none of that practice's encounters any
/// more, including those received while it was in force: HIPAA (45 CFR 164.504(e)(2)(ii)(J)) asks
/// the associate to return or destroy the PHI at termination, and CodeLedger, which holds it for
/// both, returns it by keeping it for the practice alone. The rows and the ledger stay, so the
/// practice's history and reports stay valid.</item>
/// <item>Within that, <see cref="EncounterAccess"/> decides for coders and leads (assigned coder or
/// lead; overrides are a lead's). A vendor admin reads, but codes and queries nothing.</item>
/// <item>A practice admin reaches every encounter, query and report of their own practice, but not
/// the notes and demographics: they are the covered entity's own workforce, and minimum necessary
/// (45 CFR 164.514(d)) gives a revenue-cycle leader the work's state and figures, not the chart.</item>
/// <item>A physician reaches the encounters they rendered (their NPI in their practice) and the
/// queries addressed to them, reads their own notes, and answers their own queries.</item>
/// <item>An auditor reaches only encounters an <see cref="AuditGrant"/> in force names for their
/// organization, and only encounters of the grant's practice; they read, and change nothing.</item>
/// </list>
/// </summary>
public static class AccessPolicy
{
    /// <summary>The operator's scope when <paramref name="principal"/> is null; otherwise what the principal reaches at <paramref name="now"/>.</summary>
    /// <param name="agreements">The business associate agreements (any; only those of the principal's vendor in force count).</param>
    /// <param name="physicians">Physician records (any; only the principal's NPI in their practice counts).</param>
    /// <param name="grants">Audit grants (any; only those to the principal's organization in force count).</param>
    /// <param name="practiceOfEncounter">The practice of each encounter a grant names (a missing id reaches nothing).</param>
    public static TenantScope Scope(
        Principal? principal,
        IEnumerable<BusinessAssociateAgreement> agreements,
        IEnumerable<Physician> physicians,
        IEnumerable<AuditGrant> grants,
        IReadOnlyDictionary<Guid, Guid> practiceOfEncounter,
        DateTimeOffset now)
    {
        if (principal is null)
        {
            return TenantScope.Unrestricted;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var org = principal.OrganizationId;
        return principal.Role switch
        {
            UserRole.VendorAdmin or UserRole.CodingLead or UserRole.Coder => TenantScope.Of(
                agreements.Where(a => a.VendorId == org && a.IsInForceOn(today)).Select(a => a.PracticeId), org, [], []),
            UserRole.PracticeAdmin => TenantScope.Of([org], null, [], []),
            UserRole.Physician => TenantScope.Of([], null,
                physicians.Where(p => p.PracticeId == org && string.Equals(p.Npi.Value, principal.PhysicianNpi, StringComparison.Ordinal)).Select(p => p.Id), []),
            _ => TenantScope.Of([], null, [], grants
                .Where(g => g.AuditorOrganizationId == org && g.IsInForceAt(now))
                .SelectMany(g => g.EncounterIds.Where(id => practiceOfEncounter.TryGetValue(id, out var practice) && practice == g.PracticeId))),
        };
    }

    /// <summary>
    /// Null when <paramref name="principal"/> may do <paramref name="action"/> on the encounter;
    /// otherwise why not. <see cref="AccessRefusal.OutsideTenant"/> must reach the person as "not
    /// found", never as a refusal (<see cref="EncounterAccess.Refused"/> does so).
    /// </summary>
    /// <param name="assignedCoderId">The work item's coder; null when uncovered.</param>
    public static AccessRefusal? Refusal(Principal principal, EncounterAction action, TenantScope scope, EncounterFacts encounter, Guid? assignedCoderId)
    {
        if (!scope.Reaches(encounter))
        {
            return AccessRefusal.OutsideTenant;
        }

        return principal.Role switch
        {
            UserRole.Coder or UserRole.CodingLead => EncounterAccess.Refusal(action,
                new AccessPerson(principal.CoderId!.Value, principal.OrganizationId, principal.Role == UserRole.CodingLead), assignedCoderId,
                encounter.VendorId ?? Guid.Empty),
            UserRole.VendorAdmin or UserRole.Physician or UserRole.Auditor => action == EncounterAction.Read ? null : AccessRefusal.RoleMayNot,
            _ => AccessRefusal.RoleMayNot,
        };
    }

    /// <summary>
    /// Whether the principal may read a documentation query's text (PHI: it quotes the chart): the
    /// physician it is addressed to, or anyone who may read the encounter's note.
    /// </summary>
    public static AccessRefusal? QueryTextRefusal(Principal principal, TenantScope scope, EncounterFacts encounter, Guid queryPhysicianId, Guid? assignedCoderId) =>
        principal.Role == UserRole.Physician
            ? scope.PhysicianIds.Contains(queryPhysicianId) ? null : AccessRefusal.OutsideTenant
            : Refusal(principal, EncounterAction.Read, scope, encounter, assignedCoderId);

    /// <summary>
    /// How much of a documentation query a list shows the principal: its text (PHI, ledgered as a
    /// <c>phi.read</c>) when <see cref="QueryTextRefusal"/> allows it; only its state (encounter,
    /// physician, category, due instant, status: no text, so no PHI read) to a practice admin of
    /// the query's practice, who follows the practice's open queries across all its physicians but
    /// reads no chart (minimum necessary) and answers nothing (<see cref="AnswerRefusal"/>); else nothing.
    /// </summary>
    public static QuerySight QuerySight(Principal principal, TenantScope scope, EncounterFacts encounter, Guid queryPhysicianId, Guid? assignedCoderId) =>
        QueryTextRefusal(principal, scope, encounter, queryPhysicianId, assignedCoderId) is null ? Tenancy.QuerySight.Text
        : principal.Role == UserRole.PracticeAdmin && scope.Reaches(encounter) ? Tenancy.QuerySight.StateOnly
        : Tenancy.QuerySight.None;

    /// <summary>Only the physician a query is addressed to answers it; anyone else who reaches it is refused.</summary>
    public static AccessRefusal? AnswerRefusal(Principal principal, TenantScope scope, EncounterFacts encounter, Guid queryPhysicianId)
    {
        if (!scope.Reaches(encounter))
        {
            return AccessRefusal.OutsideTenant;
        }

        return principal.Role == UserRole.Physician && scope.PhysicianIds.Contains(queryPhysicianId) ? null : AccessRefusal.RoleMayNot;
    }
}

/// <summary>What a list shows of a documentation query (<see cref="AccessPolicy.QuerySight"/>).</summary>
public enum QuerySight
{
    /// <summary>Not listed: outside the person's tenant, or their role sees no query of the encounter.</summary>
    None,

    /// <summary>Listed without its question, choices and answer (a practice admin).</summary>
    StateOnly,

    /// <summary>Listed with its text, a PHI read.</summary>
    Text,
}
