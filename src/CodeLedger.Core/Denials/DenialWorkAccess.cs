using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;

namespace CodeLedger.Core.Denials;

/// <summary>
/// Who works denials (docs/REMITTANCE.md, "Work items"). Anyone who reads the practice's denial
/// figures, and the vendor's coders, may list the work items of a practice their tenant scope
/// reaches; anyone else is told there is no such practice, as every command does. A step is taken
/// by the owning team: a coding denial by a coding lead, or by the coder of record themself; a
/// billing denial by the practice's admin (its billing office) or the vendor's admin.
/// </summary>
public static class DenialWorkAccess
{
    public static IReadOnlySet<UserRole> Read { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead, UserRole.Coder };

    public static IReadOnlySet<UserRole> Team(DenialTeam team) => team == DenialTeam.Coding ? CodingTeam : BillingTeam;

    private static readonly HashSet<UserRole> CodingTeam = [UserRole.Coder, UserRole.CodingLead];
    private static readonly HashSet<UserRole> BillingTeam = [UserRole.PracticeAdmin, UserRole.VendorAdmin];

    /// <summary>The user may read the practice's work items; else ACCESS-ROLE-REFUSED, or ORG-UNKNOWN for a practice out of reach.</summary>
    public static void RequireRead(Principal principal, TenantScope scope, Guid? practiceId, string practiceCode, string work)
    {
        AccountRules.Require(principal, Read, work);
        if (practiceId is not { } id || !(scope.IsUnrestricted || scope.PracticeIds.Contains(id)))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }
    }

    /// <summary>
    /// The user belongs to the team that owns the item (a coder only to their own coding denials);
    /// else DENIAL-ROLE-REFUSED naming the team and the roles it needs. <paramref name="coderUserName"/>
    /// is the user name of the principal's coder record, if they have one.
    /// </summary>
    public static void RequireStep(Principal principal, DenialOwner owner, string? coderUserName, string item, DenialStep step)
    {
        var roles = Team(owner.Team);
        if (!roles.Contains(principal.Role))
        {
            throw new DomainException(DenialErrors.RoleRefused,
                $"user {principal.UserName} is a {principal.Role.Name()}; {step.Name()} of denial {item} ({owner.Team.ToString().ToLowerInvariant()} team) needs {string.Join(" or ", roles.Select(r => r.Name()).Order(StringComparer.Ordinal))}");
        }

        if (principal.Role == UserRole.Coder && !string.Equals(owner.CoderId, coderUserName, StringComparison.Ordinal))
        {
            throw new DomainException(DenialErrors.RoleRefused,
                $"user {principal.UserName} is a coder; denial {item} belongs to {(owner.CoderId is null ? "no coder of record" : "another coder")}: a coding lead takes its {step.Name()}");
        }
    }
}
