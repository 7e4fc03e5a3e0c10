using CodeLedger.Core.Accounts;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Claims;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Audits;
using CodeLedger.Testing;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Web.Tests.Authorization;

/// <summary>
/// An audit engagement of a matrix tenant, built through the production desks: the vendor's claim
/// coding of each encounter (the row and its VendorCodingImported event, as <c>import claims</c>
/// writes them), an adjudicator (a practice admin named judge-x), and an internal audit of the
/// practice drawn by <see cref="AuditDesk.SampleAsync"/> with the real conversion-factor file. The
/// practice is its own auditing organization, so the matrix's auditor (a user of the practice)
/// records; the vendor's admin and lead take part because the vendor coded the sampled encounters.
/// </summary>
public static class MatrixAudit
{
    /// <summary>The vendor's coding every matrix encounter carries (and an auditor who agrees with it sends).</summary>
    public const string VendorCoding = """{"diagnoses": ["M25561"], "lines": [{"code": "99213", "charge": "100.00", "pointers": [1]}]}""";

    public static async Task<Guid> CreateAsync(CodeLedgerStore store, MatrixTenant tenant, CancellationToken ct)
    {
        var coding = CodingSubmission.Parse(VendorCoding);
        await store.WriteAsync("matrix-setup", async (db, ledger) =>
        {
            foreach (var encounter in await db.Encounters.Where(e => tenant.EncounterIds.Contains(e.ExternalId)).ToListAsync(ct))
            {
                var row = new VendorClaimCoding(Guid.NewGuid(), encounter.Id, tenant.Vendor.Id, 1, store.Time.GetUtcNow(), new string('c', 64),
                    "000000001", "1", "0001", "PCN-" + encounter.ExternalId, coding.Diagnoses, coding.Lines);
                db.Add(row);
                ledger.Append(encounter.ExternalId, new VendorCodingImported(row.Id, row.EncounterId, row.Version, tenant.Practice.Code, tenant.Vendor.Code, row.FileSha256,
                    row.InterchangeControl, row.GroupControl, row.TransactionControl, row.PatientControlNumber,
                    [.. row.Diagnoses.Select(d => d.Value)],
                    [.. row.ServiceLines.Select(l => new CodingSubmitted.Line(l.Code.Value, [.. l.Modifiers.Select(x => x.Value)], l.Units, l.Charge.ToString(), l.Pointers))]));
            }
        }, ct);

        var accounts = new AccountDesk(store);
        var judge = $"judge-{tenant.Name.ToLowerInvariant()}";
        await accounts.ApplyAsync("matrix-setup", new UserSpec(judge, judge, null, tenant.Practice.Code, UserRole.PracticeAdmin.Name()), ct);
        var principal = await accounts.ResolveAsync(judge, ct: ct);
        using var factors = new StreamReader(RepoPaths.Data("pfs-rvu", "conversion_factors_2024_2026.csv"));
        var today = DateOnly.FromDateTime(store.Time.GetUtcNow().UtcDateTime);
        var audit = await new AuditDesk(store).SampleAsync(new AuditSampleRequest(tenant.Practice.Code, today.AddDays(-7), today.AddDays(7), "matrix " + tenant.Name,
            tenant.Practice.Code, ConversionFactorTable.Read(factors, "conversion_factors_2024_2026.csv"), Size: tenant.EncounterIds.Count, Internal: true, Adjudicator: judge), principal, ct);
        return audit.Id;
    }
}
