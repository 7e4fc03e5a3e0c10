using CodeLedger.Core.Accounts;

namespace CodeLedger.Core.Acknowledgments;

/// <summary>
/// Who may import a payer's or clearinghouse's acknowledgments onto a practice's claims: those who
/// bill for it, its practice admin and the admin or coding lead of a vendor under a BAA in force with
/// it (the tenant scope decides which practices they reach; a practice out of reach is unknown to
/// them, docs/TENANCY.md).
/// </summary>
public static class AcknowledgmentAccess
{
    public static IReadOnlySet<UserRole> Import { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };
}
