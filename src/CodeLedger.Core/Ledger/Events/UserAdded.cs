namespace CodeLedger.Core.Ledger.Events;

/// <summary>
/// A user account was created: its organization (code), role and the record its role links to (a
/// coder's id, a physician's NPI). No password, no email, no second-factor key. Subject: the user name.
/// </summary>
public sealed record UserAdded(Guid Id, string UserName, string Organization, string Role, string DisplayName, Guid? Coder, string? PhysicianNpi) : ILedgerEvent
{
    public static string Type => "user.added";
}
