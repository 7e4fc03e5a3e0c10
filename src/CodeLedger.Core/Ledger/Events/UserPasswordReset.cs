namespace CodeLedger.Core.Ledger.Events;

/// <summary>An admin set a new password for a user (and cleared a lockout); the password is never recorded. Subject: the user name.</summary>
public sealed record UserPasswordReset(Guid Id, string UserName) : ILedgerEvent
{
    public static string Type => "user.password-reset";
}
