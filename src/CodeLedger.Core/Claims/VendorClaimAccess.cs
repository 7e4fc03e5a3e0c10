using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Claims;

/// <summary>
/// Who may load a vendor's claims for a practice: a practice admin or an auditor of that practice
/// (<see cref="AccountRules.ImportVendorClaims"/>, in the practice's own organization). Anyone else
/// is told there is no such practice, exactly as for a code that does not exist (docs/TENANCY.md):
/// the tenant boundary does not confirm which practices exist.
/// </summary>
public static class VendorClaimAccess
{
    public static void Require(Principal principal, Guid practiceId, string practiceCode)
    {
        AccountRules.Require(principal, AccountRules.ImportVendorClaims, "importing a vendor's claims");
        if (principal.OrganizationId != practiceId)
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }
    }
}
