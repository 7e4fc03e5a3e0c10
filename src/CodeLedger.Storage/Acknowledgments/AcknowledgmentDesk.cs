using CodeLedger.X12;
using System.Security.Cryptography;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Acknowledgments;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Tenancy;
using CodeLedger.X12.Acknowledgments.Reading;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Acknowledgments;

/// <summary>What <c>import acks</c> did: the file, its kind and sender, each claim it named, what it named that was never sent; or, for a file already imported, when and by whom.</summary>
public sealed record AcknowledgmentImportSummary(
    string Practice,
    string FileName,
    string Sha256,
    string Kind,
    string Sender,
    bool Imported,
    DateTimeOffset ImportedAt,
    string ImportedBy,
    IReadOnlyList<ClaimVerdict> Claims,
    IReadOnlyList<string> Unmatched);

/// <summary>
/// Acknowledgments back onto claims (docs/BILLING.md, "Acknowledgments"). Import: who may
/// (<see cref="AcknowledgmentAccess"/>, and the practice within the user's reach), the file read
/// whole and refused whole when it is not clean X12 (<see cref="AcknowledgmentErrors.Unreadable"/>),
/// then one write: <see cref="AcknowledgmentPoster"/> decides, the claims it changes are updated
/// (status, findings appended, payer's claim control number, acknowledged-at), the file is recorded
/// and <c>acks.imported</c> appended. The same file again (same practice, same sha256) changes nothing.
/// </summary>
public sealed class AcknowledgmentDesk(CodeLedgerStore store, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public async Task<AcknowledgmentImportSummary> ImportAsync(string? practiceCode, Principal principal, string fileName, byte[] bytes, CancellationToken ct = default)
    {
        AccountRules.Require(principal, AcknowledgmentAccess.Import, "importing acknowledgments");
        Organization practice;
        await using (var db = await store.CreateContextAsync(principal, ct))
        {
            var code = practiceCode?.Trim();
            var named = code is null
                ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == principal.OrganizationId, ct)
                : await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct);
            if (code is null && named?.Kind != OrganizationKind.Practice)
            {
                throw new DomainException(OrganizationErrors.Unknown, $"user {principal.UserName} is not a practice's user: name the practice with --practice");
            }

            // A practice out of the user's reach is unknown to them, exactly as one that does not exist.
            if (named is null || named.Kind != OrganizationKind.Practice || !(db.Tenant.IsUnrestricted || db.Tenant.PracticeIds.Contains(named.Id)))
            {
                throw new DomainException(OrganizationErrors.Unknown, $"no practice with code '{code}'");
            }

            practice = named;
        }

        var document = Read(fileName, bytes);
        var senders = document.Result.InterchangeSummaries.Select(i => i.Header.SenderId.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = Instants.Now(store.Time);
        return await store.WriteAsync(principal, async (db, ledger) =>
        {
            var earlier = await db.Set<AcknowledgmentRow>().AsNoTracking().FirstOrDefaultAsync(a => a.PracticeId == practice.Id && a.Sha256 == sha, ct);
            if (earlier is not null)
            {
                return new AcknowledgmentImportSummary(practice.Code, fileName, sha, earlier.Kind, earlier.Sender, false, earlier.ImportedAt, earlier.ImportedBy, [], earlier.Unmatched);
            }

            var rows = await db.Set<ClaimRow>().Where(c => c.PracticeId == practice.Id && c.SubmittedAt != null).ToListAsync(ct);
            var sent = rows.Select(r => new SentClaim(r.ClaimId, r.Status, r.InterchangeControlNumber, r.ReceiverId, r.GroupControlNumber, r.TransactionControlNumber,
                r.Lines.GroupBy(l => l.LineItemControlNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal))).ToList();
            var plan = AcknowledgmentPoster.Plan(document, senders, sent);
            var byId = rows.ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
            foreach (var verdict in plan.Claims.Where(v => v.Changed))
            {
                var row = byId[verdict.ClaimId];
                row.Status = verdict.Status;
                row.Findings = [.. row.Findings, .. verdict.Findings.Select(f => new ClaimFindingRow(f.Code, Severity(f.Severity), f.Line, f.Message))];
                row.PayerClaimControlNumber = verdict.PayerClaimControlNumber ?? row.PayerClaimControlNumber;
                row.AcknowledgedAt = now;
            }

            var kind = KindName(plan.Kind);
            var ack = new AcknowledgmentRow
            {
                Id = _newId(), PracticeId = practice.Id, Kind = kind, FileName = fileName, Sha256 = sha, Sender = string.Join(",", senders),
                ImportedAt = now, ImportedBy = principal.UserName,
                Claims = [.. plan.Claims.Select(v => new AcknowledgedClaimRow(v.ClaimId, v.Accepted, v.Status.Name(), v.Changed))],
                Unmatched = [.. plan.Unmatched],
            };
            db.Add(ack);
            await db.SaveChangesAsync(ct);
            ledger.Append(practice.Code, new AcknowledgmentImported(ack.Id, practice.Id, kind, fileName, sha, ack.Sender, now,
                [.. plan.Claims.Select(v => new AcknowledgmentImported.Claim(v.ClaimId, v.Accepted, v.Status.Name(), v.Changed, v.PayerClaimControlNumber,
                    [.. v.Findings.Select(f => new AcknowledgmentImported.Finding(f.Code, f.Line, f.Message))]))],
                plan.Unmatched));
            return new AcknowledgmentImportSummary(practice.Code, fileName, sha, kind, ack.Sender, true, now, principal.UserName, plan.Claims, plan.Unmatched);
        }, ct);
    }

    public static string KindName(AcknowledgmentKind kind) => kind switch
    {
        AcknowledgmentKind.Ta1 => "TA1",
        AcknowledgmentKind.Ack999 => "999",
        _ => "277CA",
    };

    private static string Severity(EditSeverity severity) => severity == EditSeverity.Error ? "error" : "warning";

    /// <summary>The file read whole; refused whole unless it is clean X12 holding a 999, a TA1 or a 277CA (every problem named by segment and element).</summary>
    private static X12AcknowledgmentDocument Read(string fileName, byte[] bytes)
    {
        var document = X12AcknowledgmentDocument.Load(bytes);
        var result = document.Result;
        if (!result.IsX12)
        {
            // Say what the reader found (a missing ISA, an ISA whose separators cannot be read), not a guess.
            var first = result.Errors.FirstOrDefault(e => e.Severity == X12Severity.Error);
            var found = first is null ? "it does not begin with an ISA segment"
                : first.Segment > 0 ? AcknowledgmentPoster.Problems(result)[0] : first.Message;
            throw new DomainException(AcknowledgmentErrors.Unreadable, $"{fileName}: {found}; nothing changed");
        }

        var problems = AcknowledgmentPoster.Problems(result);
        if (problems.Count > 0 || result.ErrorsNotKept > 0)
        {
            var shown = string.Join("; ", problems.Take(5));
            var more = problems.Count > 5 ? $" (and {problems.Count - 5} more)" : string.Empty;
            throw new DomainException(AcknowledgmentErrors.Unreadable, $"{fileName}: refused whole, nothing changed: {shown}{more}");
        }

        if (document.Acknowledgments999.Count == 0 && document.InterchangeAcknowledgments.Count == 0 && document.ClaimAcknowledgments277.Count == 0)
        {
            throw new DomainException(AcknowledgmentErrors.Unreadable, $"{fileName}: holds no acknowledgment (a 999, a TA1 or a 277CA); read {result.Transactions} transaction set(s) of another kind");
        }

        return document;
    }
}
