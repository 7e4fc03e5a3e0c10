using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tenancy;

/// <summary>What an accounting of access asks about: exactly one of an encounter, a user or a patient's member id, over an optional period of UTC days (inclusive).</summary>
public sealed record PhiAccessRequest(string? Encounter, string? User, string? PatientMemberId, DateOnly? From, DateOnly? To);

/// <summary>One access to PHI, or one refusal, as the ledger recorded it (no PHI: who, when, which encounter, which fields).</summary>
public sealed record PhiAccessRow(
    long Sequence,
    string At,
    string User,
    string? Role,
    Guid? Organization,
    Guid EncounterId,
    string Encounter,
    string Outcome,
    IReadOnlyList<string> Fields,
    Guid? Query,
    string? Reason);

/// <summary>
/// Answers an accounting-of-access request (45 CFR 164.528; audit controls, 164.312(b)) from the
/// ledger alone: every <c>phi.read</c> and <c>phi.read-refused</c> about an encounter, by a user, or
/// about a patient. A patient is named by their member id, which is PHI and encrypted at rest: it
/// is matched by decrypting each encounter's demographics under the operator's key, in memory,
/// and is never written anywhere nor printed back (docs/TENANCY.md, "PHI access accounting").
/// The operator runs it (unrestricted); it reads no PHI for a person and so records no read.
/// </summary>
public sealed class PhiAccessAccounting(CodeLedgerStore store)
{
    public async Task<IReadOnlyList<PhiAccessRow>> AccountAsync(PhiAccessRequest request, CancellationToken ct = default)
    {
        var subjects = new[] { request.Encounter, request.User, request.PatientMemberId }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (subjects != 1)
        {
            throw new ArgumentException("name exactly one of an encounter, a user or a patient", nameof(request));
        }

        if (request is { From: { } from, To: { } to } && to < from)
        {
            throw new DomainException(TenancyErrors.AccountingPeriod, $"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }

        await using var db = store.CreateContext();
        HashSet<Guid>? encounters = null;
        if (!string.IsNullOrWhiteSpace(request.Encounter))
        {
            encounters = [(await WorkflowLookup.EncounterAsync(db, request.Encounter, ct)).Id];
        }
        else if (!string.IsNullOrWhiteSpace(request.PatientMemberId))
        {
            var member = request.PatientMemberId.Trim();
            var patients = await db.Encounters.AsNoTracking().Select(e => new { e.Id, e.Patient }).ToListAsync(ct);
            encounters = [.. patients.Where(p => string.Equals(p.Patient.MemberId, member, StringComparison.Ordinal)).Select(p => p.Id)];
        }

        var user = request.User?.Trim();
        var start = request.From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MinValue;
        var end = request.To is { } t ? new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.MaxValue;
        var events = await db.LedgerEvents.AsNoTracking()
            .Where(e => e.Type == PhiRead.Type || e.Type == PhiReadRefused.Type)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);

        var rows = new List<PhiAccessRow>();
        foreach (var e in events.Where(e => e.Instant >= start && e.Instant < end))
        {
            var row = LedgerEvents.Read(e.Type, e.Payload) switch
            {
                PhiRead r => new PhiAccessRow(e.Sequence, Instants.Format(e.Instant), r.Reader, r.Role, r.Organization, r.Encounter, e.Subject, "read", r.Fields, r.Query, null),
                PhiReadRefused r => new PhiAccessRow(e.Sequence, Instants.Format(e.Instant), r.Reader, r.Role, r.Organization, r.Encounter, e.Subject, "refused", [], null, r.Reason),
                _ => null,
            };
            if (row is not null && (encounters is null || encounters.Contains(row.EncounterId)) && (user is null || string.Equals(row.User, user, StringComparison.Ordinal)))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
