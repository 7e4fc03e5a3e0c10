using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Who may load a practice's fee schedule: its own practice admin (the chargemaster is the
/// practice's price list; <see cref="AccountRules.ManageFees"/>). Anyone else is told there is no
/// such practice, exactly as for a code that does not exist (docs/TENANCY.md).
/// </summary>
public static class FeeScheduleAccess
{
    public static void RequireImport(Principal principal, Guid practiceId, string practiceCode)
    {
        AccountRules.Require(principal, AccountRules.ManageFees, "importing a fee schedule");
        if (principal.OrganizationId != practiceId)
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode}'");
        }
    }
}
