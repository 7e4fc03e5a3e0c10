using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>
/// Who may audit, and which roles do what in an audit. An independent audit is refused to the
/// vendor that coded any encounter of the frame and to any coding vendor holding a BAA with the
/// practice (in force or not: a vendor that ever received the practice's PHI to code is not
/// independent of its coding). The practice itself or an audit firm may audit independently. An
/// internal audit (the vendor's own QA) is allowed to anyone and labeled internal in every figure.
/// </summary>
public static class AuditIndependence
{
    /// <param name="kind">The audit's kind.</param>
    /// <param name="auditingOrganization">The organization whose auditors record.</param>
    /// <param name="codingVendors">Vendors that coded encounters of the frame (imported claims name theirs).</param>
    /// <param name="vendorsWithBaa">Coding vendors with a BAA with the practice.</param>
    public static void Check(AuditKind kind, Guid auditingOrganization, IReadOnlySet<Guid> codingVendors, IReadOnlySet<Guid> vendorsWithBaa)
    {
        if (kind == AuditKind.Internal)
        {
            return;
        }

        if (codingVendors.Contains(auditingOrganization))
        {
            throw new DomainException(AuditErrors.NotIndependent, $"organization {auditingOrganization} coded encounters of this practice: its audit can only be internal");
        }

        if (vendorsWithBaa.Contains(auditingOrganization))
        {
            throw new DomainException(AuditErrors.NotIndependent, $"organization {auditingOrganization} is a coding vendor bound to the practice by a BAA: its audit can only be internal");
        }
    }
}

/// <summary>The roles that may do each piece of an audit's work, beside <see cref="AccountRules"/>.</summary>
public static class AuditRoles
{
    /// <summary>Who creates an engagement and draws its sample: the practice's admin, or an auditor of the auditing organization.</summary>
    public static IReadOnlySet<UserRole> Plan { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.Auditor };

    /// <summary>Who records the blind re-coding: auditors only.</summary>
    public static IReadOnlySet<UserRole> Record { get; } = new HashSet<UserRole> { UserRole.Auditor };

    /// <summary>Who rebuts a finding: the vendor's admin or a coding lead.</summary>
    public static IReadOnlySet<UserRole> Rebut { get; } = new HashSet<UserRole> { UserRole.VendorAdmin, UserRole.CodingLead };

    /// <summary>Who may adjudicate, when also the user the engagement names: a practice admin or an auditor.</summary>
    public static IReadOnlySet<UserRole> Adjudicate { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.Auditor };

    /// <summary>Who reads the report: the practice's admin, the auditors, and the vendor's admin and leads (the figures carry no PHI).</summary>
    public static IReadOnlySet<UserRole> Report { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.Auditor, UserRole.VendorAdmin, UserRole.CodingLead };
}
