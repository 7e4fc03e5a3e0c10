using CodeLedger.Core.Accounts;
using CodeLedger.Core.Claims;
using CodeLedger.Core.Common;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Claims;

/// <summary>What an import of a vendor's 837P did: claims read, new versions stored, claims whose coding was already the latest of record.</summary>
public sealed record VendorClaimImportSummary(string FileName, string Sha256, int Claims, int NewVersions, int Unchanged);

/// <summary>
/// <c>import claims</c>: loads a vendor's coded 837P against the encounters the practice imported
/// (docs/CLAIMS-IMPORT.md). Order: who may (<see cref="VendorClaimAccess"/>), the BAA gate, the
/// whole file read and every claim matched (<see cref="VendorClaimMatcher"/>), then one write with
/// every new version and its event; any problem refuses the file and stores nothing. A claim whose
/// codes equal the latest stored version of that encounter and vendor adds nothing, so the same
/// file again changes nothing; a corrected claim adds a version, never overwriting one.
/// </summary>
public sealed class VendorClaimImport(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public async Task<VendorClaimImportSummary> ImportAsync(string practiceCode, string vendorCode, Principal principal, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        Organization practice, vendor;
        Dictionary<string, ClaimEncounter> encounters;
        HashSet<string> npis;
        VendorClaimFile file;
        await using (var db = store.CreateContext())
        {
            await db.Database.OpenConnectionAsync(ct);

            // A user of another organization learns nothing about the practice, not even that it exists.
            var named = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == practiceCode.Trim(), ct);
            VendorClaimAccess.Require(principal, named?.Kind == OrganizationKind.Practice ? named.Id : Guid.Empty, practiceCode.Trim());
            practice = named!;
            vendor = await WorkflowLookup.OrganizationAsync(db, vendorCode, OrganizationKind.CodingVendor, ct);
            var agreements = await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id && a.VendorId == vendor.Id).ToListAsync(ct);
            BaaGate.Require(agreements, practice.Id, practice.Code, vendor.Id, vendor.Code, now);

            file = VendorClaimFile.Read(fileName, bytes);
            var keys = file.Claims.Select(c => c.Claim.PatientControlNumber).Distinct(StringComparer.Ordinal).ToList();
            encounters = new Dictionary<string, ClaimEncounter>(StringComparer.Ordinal);
            foreach (var chunk in keys.Chunk(1000))
            {
                foreach (var e in await db.Encounters.AsNoTracking().Where(e => e.PracticeId == practice.Id && chunk.Contains(e.ExternalId))
                             .Select(e => new ClaimEncounter(e.Id, e.ExternalId, e.DateOfService)).ToListAsync(ct))
                {
                    encounters[e.ExternalId] = e;
                }
            }

            npis = [.. (await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id).Select(p => p.Npi).ToListAsync(ct)).Select(n => n.Value)];
        }

        var matching = VendorClaimMatcher.Match(fileName, file.Claims, encounters, npis);
        if (matching.Problems.Count > 0)
        {
            throw new DomainException(ClaimsImportErrors.Unmatched,
                $"{fileName}: {matching.Problems.Count} problem(s) in {file.Claims.Count} claim(s); nothing was imported\n  {string.Join("\n  ", matching.Problems)}");
        }

        return await store.WriteAsync(principal.UserName, async (db, ledger) =>
        {
            // Derived from what this run reads, so a run repeated after a lost race counts afresh.
            var ids = matching.Matches.Select(m => m.Encounter.Id).ToList();
            var latest = new Dictionary<Guid, VendorClaimCoding>();
            foreach (var chunk in ids.Chunk(1000))
            {
                foreach (var v in await db.VendorClaimCodings.AsNoTracking().Where(v => v.VendorId == vendor.Id && chunk.Contains(v.EncounterId)).ToListAsync(ct))
                {
                    if (!latest.TryGetValue(v.EncounterId, out var held) || held.Version < v.Version)
                    {
                        latest[v.EncounterId] = v;
                    }
                }
            }

            int added = 0, unchanged = 0;
            foreach (var m in matching.Matches)
            {
                var current = latest.GetValueOrDefault(m.Encounter.Id);
                if (current is not null && current.SameCoding(m.Diagnoses, m.Lines))
                {
                    unchanged++;
                    continue;
                }

                var row = new VendorClaimCoding(_newId(), m.Encounter.Id, vendor.Id, (current?.Version ?? 0) + 1, now, file.Sha256,
                    m.Claim.InterchangeControl, m.Claim.GroupControl, m.Claim.TransactionControl, m.Claim.Claim.PatientControlNumber, m.Diagnoses, m.Lines);
                db.Add(row);
                added++;
                ledger.Append(m.Encounter.ExternalId, new VendorCodingImported(row.Id, row.EncounterId, row.Version, practice.Code, vendor.Code, row.FileSha256,
                    row.InterchangeControl, row.GroupControl, row.TransactionControl, row.PatientControlNumber,
                    [.. row.Diagnoses.Select(d => d.Value)],
                    [.. row.ServiceLines.Select(l => new CodingSubmitted.Line(l.Code.Value, [.. l.Modifiers.Select(x => x.Value)], l.Units, l.Charge.ToString(), l.Pointers))]));
            }

            return new VendorClaimImportSummary(fileName, file.Sha256, matching.Matches.Count, added, unchanged);
        }, ct);
    }
}
