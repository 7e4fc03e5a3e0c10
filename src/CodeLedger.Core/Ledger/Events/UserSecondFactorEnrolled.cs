namespace CodeLedger.Core.Ledger.Events;

/// <summary>A user proved a new authenticator key with a valid code; the key is never recorded. Subject: the user name.</summary>
public sealed record UserSecondFactorEnrolled(Guid Id, string UserName) : ILedgerEvent
{
    public static string Type => "user.second-factor-enrolled";
}
