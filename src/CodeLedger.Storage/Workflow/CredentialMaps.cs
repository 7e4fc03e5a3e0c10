using CodeLedger.Core.Assignment;
using CodeLedger.Core.Common;
using CodeLedger.Core.Intake;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Workflow;

/// <summary>The credential-to-specialty map in use: the newest one a user set, else the shipped default.</summary>
public static class CredentialMaps
{
    public static async Task<CredentialSpecialtyMap> CurrentAsync(CodeLedgerDbContext db, CancellationToken ct)
    {
        var json = await db.Set<CredentialMapVersion>().AsNoTracking().OrderByDescending(m => m.SetAt).ThenByDescending(m => m.Id).Select(m => m.Json).FirstOrDefaultAsync(ct);
        return json is null ? CredentialSpecialtyMap.Default : CredentialSpecialtyMap.Parse(json);
    }

    /// <summary>Validates and stores a new map; returns its SHA-256 (of the canonical form).</summary>
    public static async Task<string> SetAsync(CodeLedgerStore store, string json, string actor, CancellationToken ct)
    {
        var canonical = CredentialSpecialtyMap.Parse(json).ToJson();
        var sha = PhiHash.Sha256(canonical);
        await store.WriteAsync(actor, (db, ledger) =>
        {
            db.Add(new CredentialMapVersion { Id = Guid.NewGuid(), Json = canonical, Sha256 = sha, SetAt = Instants.Now(store.Time), SetBy = actor });
            ledger.Append("credential-map", new CredentialMapSet(sha, System.Text.Json.JsonDocument.Parse(canonical).RootElement));
            return Task.CompletedTask;
        }, ct);
        return sha;
    }
}
