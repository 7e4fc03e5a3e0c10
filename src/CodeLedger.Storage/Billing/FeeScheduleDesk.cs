using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>What <c>fees import</c> did: the version it stored, or that the one in force that day already had this content.</summary>
public sealed record FeeImportSummary(string Practice, string FileName, string Sha256, DateOnly EffectiveOn, int Fees, bool Imported, DateOnly? InForceSince);

/// <summary>One version of a practice's fee schedule as <c>fees list</c> prints it.</summary>
public sealed record FeeScheduleVersion(DateOnly EffectiveOn, string FileName, string Sha256, DateTimeOffset ImportedAt, string ImportedBy, IReadOnlyList<FeeScheduleEntry> Fees);

/// <summary>
/// The practice's fee schedule (docs/BILLING.md). Import: who may (<see cref="FeeScheduleAccess"/>),
/// the whole file read (<see cref="FeeScheduleCsv"/>), then one write with the version and its
/// <c>fees.imported</c> event. The same content as the version already in force on the effective
/// date stores nothing (so the same file twice changes nothing); a different file for a day that
/// already has a version is refused, because a version that priced claims is never rewritten.
/// </summary>
public sealed class FeeScheduleDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public async Task<FeeImportSummary> ImportAsync(string practiceCode, Principal principal, string fileName, byte[] bytes, DateOnly? effectiveOn, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        Organization practice;
        await using (var db = store.CreateContext())
        {
            // A user of another organization learns nothing about the practice, not even that it exists.
            var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == practiceCode.Trim(), ct);
            FeeScheduleAccess.RequireImport(principal, named?.Kind == OrganizationKind.Practice ? named.Id : Guid.Empty, practiceCode.Trim());
            practice = named!;
        }

        var (entries, sha) = FeeScheduleCsv.Read(fileName, bytes);

        // Without --effective the version is in force from the day it is imported (UTC).
        var effective = effectiveOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var versions = await db.Set<FeeScheduleRow>().AsNoTracking().Where(f => f.PracticeId == practice.Id)
                .Select(f => new { f.EffectiveOn, f.Sha256 }).ToListAsync(ct);
            var inForce = versions.Where(v => v.EffectiveOn <= effective).MaxBy(v => v.EffectiveOn);
            if (inForce is not null && inForce.Sha256 == sha)
            {
                return new FeeImportSummary(practice.Code, fileName, sha, effective, entries.Count, false, inForce.EffectiveOn);
            }

            if (inForce is not null && inForce.EffectiveOn == effective)
            {
                throw new DomainException(BillingErrors.FeesEffectiveTaken,
                    $"practice {practice.Code} already has a fee schedule effective {effective:yyyy-MM-dd} (sha256 {inForce.Sha256[..12]}); a version is never replaced: import the new one with a later --effective date");
            }

            var row = new FeeScheduleRow
            {
                Id = _newId(), PracticeId = practice.Id, EffectiveOn = effective, FileName = fileName, Sha256 = sha,
                Entries = [.. entries], ImportedAt = now, ImportedBy = principal.UserName,
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            ledger.Append(practice.Code, new FeeScheduleImported(row.Id, practice.Id, effective, fileName, sha,
                [.. row.Entries.Select(e => new FeeScheduleImported.Fee(e.Code.Value, e.Modifier?.Value, e.Charge.ToString()))]));
            return new FeeImportSummary(practice.Code, fileName, sha, effective, entries.Count, true, null);
        }, ct);
    }

    /// <summary>The practice's versions, newest first; a practice the user does not reach is unknown to them.</summary>
    public async Task<IReadOnlyList<FeeScheduleVersion>> ListAsync(string practiceCode, Principal? principal, CancellationToken ct = default)
    {
        await using var db = await store.CreateContextAsync(principal, ct);
        var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == practiceCode.Trim(), ct);
        if (named is null || named.Kind != OrganizationKind.Practice || !(db.Tenant.IsUnrestricted || db.Tenant.PracticeIds.Contains(named.Id)))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{practiceCode.Trim()}'");
        }

        var rows = await db.Set<FeeScheduleRow>().AsNoTracking().Where(f => f.PracticeId == named.Id).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.EffectiveOn).Select(r => new FeeScheduleVersion(r.EffectiveOn, r.FileName, r.Sha256, r.ImportedAt, r.ImportedBy, r.Entries))];
    }

    /// <summary>Every version of a practice's schedule, for pricing claims (<see cref="FeeSchedule.InForceOn"/>).</summary>
    public static async Task<IReadOnlyList<FeeSchedule>> VersionsAsync(CodeLedgerDbContext db, Guid practiceId, CancellationToken ct) =>
        [.. (await db.Set<FeeScheduleRow>().AsNoTracking().Where(f => f.PracticeId == practiceId).ToListAsync(ct)).Select(r => r.ToSchedule())];
}
