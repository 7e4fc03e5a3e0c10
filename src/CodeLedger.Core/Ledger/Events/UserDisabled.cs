namespace CodeLedger.Core.Ledger.Events;

/// <summary>A user account was disabled: it signs in no more and its tokens stop working; its history stays. Subject: the user name.</summary>
public sealed record UserDisabled(Guid Id, string UserName) : ILedgerEvent
{
    public static string Type => "user.disabled";
}
