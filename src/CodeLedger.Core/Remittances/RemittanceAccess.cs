using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// Who may post an 835 or match a payment by hand: the practice's own admin
/// (<see cref="AccountRules.PostRemittances"/>). Anyone else is told there is no such practice,
/// exactly as for a code that does not exist (docs/TENANCY.md).
/// </summary>
public static class RemittanceAccess
{
    public static void RequirePost(Principal principal, Guid practiceId, string practiceCode, string work)
    {
        AccountRules.Require(principal, AccountRules.PostRemittances, work);
        if (principal.OrganizationId != practiceId)
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }
    }
}
