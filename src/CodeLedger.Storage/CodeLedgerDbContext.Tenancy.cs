using CodeLedger.Core.Coding;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Tenancy;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage;

/// <summary>
/// The tenant boundary in the database: one global query filter per tenant-owned entity, driven by
/// the context's <see cref="Tenant"/> scope (<see cref="AccessPolicy.Scope"/>). An encounter is
/// filtered by the policy's sets; a note, work item, coding or query by its encounter, so the one
/// rule reaches every row. The operator's context (no principal: workers, migrations, <c>ledger
/// verify</c>, the demo) is unrestricted. The filter reads the scope when each query runs, so a
/// write can resolve the scope in its own context before its first read (docs/TENANCY.md).
/// </summary>
public abstract partial class CodeLedgerDbContext
{
    private TenantScope _tenant = TenantScope.Unrestricted;

    /// <summary>What this context's queries reach; unrestricted unless a principal's scope is set.</summary>
    public TenantScope Tenant
    {
        get => _tenant;
        set
        {
            _tenant = value;
            TenantUnrestricted = value.IsUnrestricted;
            TenantPracticeIds = [.. value.PracticeIds];
            TenantVendorId = value.VendorId;
            TenantPhysicianIds = [.. value.PhysicianIds];
            TenantEncounterIds = [.. value.EncounterIds];
        }
    }

    // The filters' parameters: flat arrays, which both providers send as one collection parameter.
    private bool TenantUnrestricted { get; set; } = true;

    private Guid[] TenantPracticeIds { get; set; } = [];

    private Guid? TenantVendorId { get; set; }

    private Guid[] TenantPhysicianIds { get; set; } = [];

    private Guid[] TenantEncounterIds { get; set; } = [];

    /// <summary>The same rule as <see cref="TenantScope.Reaches"/>, as filters (TenancySuite proves they agree on generated worlds).</summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Encounter>().HasQueryFilter(e =>
            TenantUnrestricted
            || (TenantPracticeIds.Contains(e.PracticeId)
                && (TenantVendorId == null || Set<WorkItem>().IgnoreQueryFilters().Any(w => w.EncounterId == e.Id && w.VendorId == TenantVendorId)))
            || TenantPhysicianIds.Contains(e.PhysicianId)
            || TenantEncounterIds.Contains(e.Id));
        modelBuilder.Entity<WorkItem>().HasQueryFilter(w => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == w.EncounterId));
        modelBuilder.Entity<DocumentationVersion>().HasQueryFilter(d => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == d.EncounterId));
        modelBuilder.Entity<CodingResult>().HasQueryFilter(c => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == c.EncounterId));
        modelBuilder.Entity<DocumentationQuery>().HasQueryFilter(q => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == q.EncounterId));
        // A vendor's imported claim coding is seen by whoever sees its encounter (docs/TENANCY.md).
        modelBuilder.Entity<Core.Claims.VendorClaimCoding>().HasQueryFilter(v => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == v.EncounterId));

        // A practice's fee schedule is seen by whoever reaches the practice: its staff, its vendors' staff under a BAA in force (docs/TENANCY.md).
        modelBuilder.Entity<Billing.FeeScheduleRow>().HasQueryFilter(f => TenantUnrestricted || TenantPracticeIds.Contains(f.PracticeId));
        // A practice's claims likewise: the practice's staff and its vendors' staff under a BAA in force.
        modelBuilder.Entity<Billing.ClaimRow>().HasQueryFilter(c => TenantUnrestricted || TenantPracticeIds.Contains(c.PracticeId));
        modelBuilder.Entity<Acknowledgments.AcknowledgmentRow>().HasQueryFilter(a => TenantUnrestricted || TenantPracticeIds.Contains(a.PracticeId));
        modelBuilder.Entity<Billing.PayerRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        modelBuilder.Entity<Billing.BillingProfileRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        // A practice's remittances and denials: whoever reaches the practice.
        modelBuilder.Entity<Remittances.RemittancePaymentRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        modelBuilder.Entity<Remittances.ClaimPostingRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        modelBuilder.Entity<Remittances.ProviderAdjustmentRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        modelBuilder.Entity<Remittances.UnmatchedClaimPaymentRow>().HasQueryFilter(p => TenantUnrestricted || TenantPracticeIds.Contains(p.PracticeId));
        modelBuilder.Entity<Denials.DenialWorkItemRow>().HasQueryFilter(d => TenantUnrestricted || TenantPracticeIds.Contains(d.PracticeId));
        modelBuilder.Entity<Denials.DenialWorkStepRow>().HasQueryFilter(d => TenantUnrestricted || TenantPracticeIds.Contains(d.PracticeId));
        // An encounter's coverage is seen by whoever sees the encounter.
        modelBuilder.Entity<Billing.EncounterCoverageRow>().HasQueryFilter(c => TenantUnrestricted || Set<Encounter>().Any(e => e.Id == c.EncounterId));

        // Grants are the operator's records (the scope is resolved from them unrestricted); a person reads none directly.
        modelBuilder.Entity<AuditGrant>().HasQueryFilter(g => TenantUnrestricted);
    }
}
