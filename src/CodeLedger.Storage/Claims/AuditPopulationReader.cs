using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Claims;

/// <summary>Where an encounter's vendor coding of record comes from.</summary>
public enum AuditCodingSource
{
    /// <summary>The final version of the coding done in CodeLedger.</summary>
    CodeLedgerFinal,

    /// <summary>The latest version of the vendor's claim the practice imported (<c>import claims</c>).</summary>
    VendorClaim,
}

/// <summary>
/// One encounter of an audit's population, in the shape Core's <c>AuditPopulationMember</c> takes
/// (plus where its coding of record comes from). <see cref="CoderId"/> is the coder of the final
/// CodeLedger version; null for an imported vendor claim (the vendor's coder is not known).
/// </summary>
public sealed record AuditPopulationRow(Guid EncounterId, string EncounterKey, string PhysicianNpi, string Specialty, Guid? CoderId, DateOnly DateOfService,
    AuditCodingSource Source);

/// <summary>The vendor's coding of record for one encounter, for the comparison with an auditor's: diagnoses in order, lines, and E/M documentation when CodeLedger holds it.</summary>
public sealed record VendorCodingOfRecord(Guid EncounterId, AuditCodingSource Source, int Version, IReadOnlyList<IcdCode> Diagnoses, IReadOnlyList<ServiceLine> Lines, EmInput? Em);

/// <summary>
/// The population an audit samples from (docs/CLAIMS-IMPORT.md, "The audit population"): the
/// practice's encounters with a date of service in [from, to] (inclusive), optionally of one
/// specialty, that have a vendor coding of record: a finalized CodeLedger coding, else an imported
/// vendor claim. Sorted by encounter key (ordinal), then encounter id: the documented key the
/// sampler draws over. Only the columns the row needs are read (no coding, note or patient), so a
/// million encounters are one narrow query.
/// </summary>
public sealed class AuditPopulationReader(CodeLedgerStore store)
{
    public async Task<IReadOnlyList<AuditPopulationRow>> LoadAsync(Guid practiceId, DateOnly from, DateOnly to, string? specialty = null, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new ArgumentException($"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})", nameof(to));
        }

        Specialty? only = specialty is null ? null : Specialty.Parse(specialty);
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var npis = (await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practiceId).Select(p => new { p.Id, p.Npi }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => p.Npi.Value);

        var encounters = db.Encounters.AsNoTracking().Where(e => e.PracticeId == practiceId && e.DateOfService >= from && e.DateOfService <= to);
        if (only is { } s)
        {
            encounters = encounters.Where(e => e.Specialty == s);
        }

        var query =
            from e in encounters
            join w in db.Set<WorkItem>().AsNoTracking() on e.Id equals w.EncounterId
            let final = w.FinalCodingVersion
            let hasClaim = db.VendorClaimCodings.Any(v => v.EncounterId == e.Id)
            where final != null || hasClaim
            select new
            {
                e.Id,
                e.ExternalId,
                e.PhysicianId,
                e.Specialty,
                e.DateOfService,
                Final = final != null,
                CoderId = final == null ? null : db.CodingResults.Where(c => c.EncounterId == e.Id && c.Version == final).Select(c => (Guid?)c.CoderId).FirstOrDefault(),
            };

        var rows = new List<AuditPopulationRow>();
        await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            rows.Add(new AuditPopulationRow(r.Id, r.ExternalId, npis[r.PhysicianId], r.Specialty.Value, r.CoderId, r.DateOfService,
                r.Final ? AuditCodingSource.CodeLedgerFinal : AuditCodingSource.VendorClaim));
        }

        rows.Sort(static (a, b) => string.CompareOrdinal(a.EncounterKey, b.EncounterKey) is var c && c != 0 ? c : a.EncounterId.CompareTo(b.EncounterId));
        return rows;
    }

    /// <summary>
    /// The vendor's coding of record for the comparison: the final CodeLedger version, else the latest
    /// vendor claim imported at or before <paramref name="asOf"/> (the instant the sample was drawn;
    /// null: the latest). Null when the encounter has neither.
    /// </summary>
    public async Task<VendorCodingOfRecord?> LoadVendorCodingAsync(Guid encounterId, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var final = await db.Set<WorkItem>().AsNoTracking().Where(w => w.EncounterId == encounterId).Select(w => w.FinalCodingVersion).FirstOrDefaultAsync(ct);
        if (final is { } version)
        {
            var c = await db.CodingResults.AsNoTracking().SingleAsync(c => c.EncounterId == encounterId && c.Version == version, ct);
            return new VendorCodingOfRecord(encounterId, AuditCodingSource.CodeLedgerFinal, c.Version, c.Diagnoses, c.ServiceLines, c.EmDocumentation);
        }

        var claims = db.VendorClaimCodings.AsNoTracking().Where(v => v.EncounterId == encounterId);
        if (asOf is { } at)
        {
            claims = claims.Where(v => v.ImportedAt <= at);
        }

        // Versions are numbered in import order per vendor; the latest import wins across vendors.
        var latest = await claims.OrderByDescending(v => v.ImportedAt).ThenByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return latest is null ? null : new VendorCodingOfRecord(encounterId, AuditCodingSource.VendorClaim, latest.Version, latest.Diagnoses, latest.ServiceLines, null);
    }
}
