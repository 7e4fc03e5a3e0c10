namespace CodeLedger.Core.Ledger.Events;

/// <summary>A personal access token was issued to a user: its id, name and expiry, never the token nor its hash. Subject: the user name.</summary>
public sealed record TokenIssued(Guid Id, string UserName, string Name, DateTimeOffset ExpiresAt) : ILedgerEvent
{
    public static string Type => "token.issued";
}
