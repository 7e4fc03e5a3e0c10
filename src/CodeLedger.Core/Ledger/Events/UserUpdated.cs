namespace CodeLedger.Core.Ledger.Events;

/// <summary>A user account's role, display name or link changed (or it was enabled again): its whole new state. Subject: the user name.</summary>
public sealed record UserUpdated(Guid Id, string UserName, string Organization, string Role, string DisplayName, Guid? Coder, string? PhysicianNpi) : ILedgerEvent
{
    public static string Type => "user.updated";
}
