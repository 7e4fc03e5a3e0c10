using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CodeLedger.Storage.Protection;

/// <summary>
/// EF Core builds a model once per context type and caches it; the PHI converters hold a key, so
/// the cache is keyed by the key's id too. A process uses one key, so this still builds one model.
/// </summary>
internal sealed class PhiModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is CodeLedgerDbContext ledger ? (context.GetType(), ledger.Phi.CacheKey, designTime) : (context.GetType(), designTime);
}
