namespace CodeLedger.Core.Ledger.Events;

/// <summary>A personal access token was revoked: it is refused from now on. Subject: the user name.</summary>
public sealed record TokenRevoked(Guid Id, string UserName) : ILedgerEvent
{
    public static string Type => "token.revoked";
}
