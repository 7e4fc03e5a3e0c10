using CodeLedger.Core.Billing;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Billing;

/// <summary>What every claim of one practice is assembled with: the practice, its billing profile (or none yet), its payers and every fee schedule version.</summary>
internal sealed record BillingContext(Organization Practice, BillingProfileRow? Profile, IReadOnlyList<ClaimPayer> Payers, IReadOnlyList<FeeSchedule> FeeSchedules)
{
    public static async Task<BillingContext> LoadAsync(CodeLedgerDbContext db, Organization practice, CancellationToken ct)
    {
        var profile = await db.Set<BillingProfileRow>().AsNoTracking().FirstOrDefaultAsync(p => p.PracticeId == practice.Id, ct);
        var payers = await db.Set<PayerRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct);
        return new BillingContext(practice, profile, [.. payers.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => p.ToClaimPayer())],
            await FeeScheduleDesk.VersionsAsync(db, practice.Id, ct));
    }
}

/// <summary>
/// The encounters a write builds claims for, loaded at once: each encounter (demographics decrypted),
/// its coding versions, its latest coverage version and the practice's physicians.
/// </summary>
internal sealed class EncounterInputs
{
    private readonly Dictionary<Guid, Encounter> _encounters;
    private readonly Dictionary<(Guid, int), CodingResult> _codings;
    private readonly Dictionary<Guid, EncounterCoverageRow> _coverages;
    private readonly Dictionary<Guid, Physician> _physicians;

    private EncounterInputs(Dictionary<Guid, Encounter> encounters, Dictionary<(Guid, int), CodingResult> codings,
        Dictionary<Guid, EncounterCoverageRow> coverages, Dictionary<Guid, Physician> physicians) =>
        (_encounters, _codings, _coverages, _physicians) = (encounters, codings, coverages, physicians);

    public static async Task<EncounterInputs> LoadAsync(CodeLedgerDbContext db, IReadOnlyCollection<Guid> encounterIds, CancellationToken ct)
    {
        var ids = encounterIds.Distinct().ToList();
        var encounters = new Dictionary<Guid, Encounter>();
        var codings = new Dictionary<(Guid, int), CodingResult>();
        var coverages = new Dictionary<Guid, EncounterCoverageRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var e in await db.Encounters.AsNoTracking().Where(e => chunk.Contains(e.Id)).ToListAsync(ct))
            {
                encounters[e.Id] = e;
            }

            foreach (var c in await db.CodingResults.AsNoTracking().Where(c => chunk.Contains(c.EncounterId)).ToListAsync(ct))
            {
                codings[(c.EncounterId, c.Version)] = c;
            }

            // The latest intake version of the coverage is the one the claim bills.
            foreach (var c in await db.Set<EncounterCoverageRow>().AsNoTracking().Where(c => chunk.Contains(c.EncounterId)).ToListAsync(ct))
            {
                if (!coverages.TryGetValue(c.EncounterId, out var had) || had.Version < c.Version)
                {
                    coverages[c.EncounterId] = c;
                }
            }
        }

        var physicianIds = encounters.Values.Select(e => e.PhysicianId).Distinct().ToList();
        var physicians = await db.Physicians.AsNoTracking().Where(p => physicianIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return new EncounterInputs(encounters, codings, coverages, physicians);
    }

    public Encounter Encounter(Guid id) =>
        _encounters.TryGetValue(id, out var e) ? e : throw new DomainException(BillingErrors.ClaimUnknown, $"encounter {id:D} is out of reach");

    public CodingResult Coding(Guid encounterId, int version) =>
        _codings.TryGetValue((encounterId, version), out var c)
            ? c
            : throw new DomainException(BillingErrors.ClaimUnknown, $"encounter {Encounter(encounterId).ExternalId} has no coding version {version}");

    public EncounterCoverageRow? Coverage(Guid encounterId) => _coverages.GetValueOrDefault(encounterId);

    public Physician? Physician(Guid id) => _physicians.GetValueOrDefault(id);
}

/// <summary>
/// The outbox folder the 837P files go to: each written to a temporary name beside it and renamed,
/// so a reader never sees half a file; a file already there with the same bytes is left as it is
/// (a retried submit), one with other bytes is refused, never overwritten.
/// </summary>
public static class Outbox
{
    /// <summary>True when the file is already there with these bytes; refused when it is there with others.</summary>
    public static bool Check(string folder, string fileName, byte[] content)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content)
            ? true
            : throw new DomainException(BillingErrors.OutboxConflict,
                $"{path} already exists with other content; it is not overwritten and nothing was submitted (is this outbox shared with another database?)");
    }

    public static void Write(string folder, string fileName, byte[] content)
    {
        if (Check(folder, fileName, content))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);

        var temp = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, content);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(content))
        {
            // Another process wrote the same file first: the same bytes are already there.
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
