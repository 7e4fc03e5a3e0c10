using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>A practice, coding vendor or audit firm joined. Subject: its code.</summary>
public sealed record OrganizationRegistered(Guid Id, string Name, OrganizationKind Kind) : ILedgerEvent
{
    public static string Type => "organization.registered";
}
