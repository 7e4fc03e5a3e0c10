using System.Text.Json;

namespace CodeLedger.Core.Ledger.Events;

/// <summary>The credential-to-specialty map was replaced: the whole map and its SHA-256. Subject: <c>credential-map</c>.</summary>
public sealed record CredentialMapSet(string Sha256, JsonElement Map) : ILedgerEvent
{
    public static string Type => "credential-map.set";
}
