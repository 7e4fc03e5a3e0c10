using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.CodeSets;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Training;

namespace CodeLedger.Core.Ledger.Replay;

/// <summary>A physician as the ledger enrolled (or last updated) them at a practice.</summary>
public sealed record ReplayedPhysician(Guid Id, string Practice, string Npi, string Name, string Specialty);

/// <summary>
/// One finalized encounter as the ledger describes it: its physician (by NPI at its practice), date
/// of service, the clock's start and the finalization, and the codes of the coding version it was
/// finalized with (with the coder who submitted it, by id; null when the coder was never enrolled).
/// </summary>
public sealed record ReplayedWork(
    Guid Encounter,
    string PhysicianNpi,
    DateOnly DateOfService,
    DateTimeOffset ClockStart,
    DateTimeOffset FinalizedAt,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Procedures,
    Guid? CodingCoderId,
    Guid? AssignedCoderId);

/// <summary>A documentation query as the ledger describes it, without its texts (PHI, held as keyed hashes).</summary>
public sealed record ReplayedQuery(Guid Query, Guid Encounter, QueryCategory Category, DateTimeOffset RaisedAt, DateTimeOffset DueAt, QueryStatus Status, DateTimeOffset? ClosedAt);

/// <summary>
/// What the monthly package reads of the replayed state (docs/PACKAGE.md, "verify"):
/// <see cref="ReplayedMonth"/> turns these into the same <c>MonthlyInput</c> the tables give.
/// </summary>
public sealed partial class ReplayedState
{
    /// <summary>The organization's display name, or null when the ledger registers no such code.</summary>
    public string? OrganizationName(string code) => _organizationByCode.TryGetValue(code, out var id) ? _organizations[id].Name : null;

    /// <summary>The physicians enrolled at a practice, with the fields of their latest enrolment or update.</summary>
    public IEnumerable<ReplayedPhysician> PhysiciansOf(string practiceCode) =>
        _physicians.Where(p => p.Value.Event.Practice == practiceCode)
            .Select(p => new ReplayedPhysician(p.Key, p.Value.Event.Practice, p.Value.Event.Npi, p.Value.Event.Name, p.Value.Event.Specialty));

    /// <summary>The practice's finalized encounters (of one vendor, when given), with the codes of their final coding version.</summary>
    public IEnumerable<ReplayedWork> FinalizedWorkOf(Guid practiceId, Guid? vendorId)
    {
        foreach (var e in _encounters.Values)
        {
            if (e.PracticeId != practiceId || (vendorId is { } v && e.VendorId != v) || e.FinalizedAt is not { } finalizedAt)
            {
                continue;
            }

            var coding = e.FinalCodingVersion is { } version ? e.Codings.Find(c => c.Version == version) : null;
            yield return new ReplayedWork(
                e.Id,
                e.Received.PhysicianNpi,
                e.Received.DateOfService,
                e.ClockStart,
                finalizedAt,
                coding is null ? [] : Words(coding.Diagnoses),
                coding is null ? [] : [.. Words(coding.Lines).Select(l => l[..l.IndexOf('[', StringComparison.Ordinal)])],
                coding is null ? null : CoderId(coding.Coder),
                e.Received.Coder is { } assigned ? CoderId(assigned) : null);
        }
    }

    /// <summary>The encounters of a practice (of one vendor, when given), with the physician each was received for.</summary>
    public IEnumerable<(Guid Encounter, string PhysicianNpi)> EncountersOf(Guid practiceId, Guid? vendorId) =>
        _encounters.Values.Where(e => e.PracticeId == practiceId && (vendorId is not { } v || e.VendorId == v)).Select(e => (e.Id, e.Received.PhysicianNpi));

    /// <summary>Every query the ledger raised, as it stands after the last event applied.</summary>
    public IEnumerable<ReplayedQuery> Queries() =>
        _queries.Values.Select(q => new ReplayedQuery(q.Raised.Query, q.Raised.Encounter,
            QueryCategories.TryParse(q.Raised.Category, out var category) ? category : throw new FormatException($"query {q.Raised.Query:D}: category '{q.Raised.Category}' is not a query category"),
            q.Raised.RaisedAt, q.Raised.DueAt, q.Status, q.ClosedAt));

    /// <summary>
    /// The training records of a vendor's coders (every coder's when no vendor is given), one per
    /// coder and release as the training log keeps them. The ledger does not carry the row's id, so
    /// each record's id is derived from its coder and release (the package never shows it).
    /// </summary>
    public IEnumerable<TrainingRecord> TrainingOf(string? vendorCode)
    {
        foreach (var (key, (e, _)) in _training)
        {
            if (!_coders.TryGetValue(e.Coder, out var coder) || (vendorCode is not null && coder.Event.Vendor != vendorCode))
            {
                continue;
            }

            var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("training/" + key)).AsSpan(0, 16));
            yield return new TrainingRecord(id, coder.Event.Id, e.Release, e.EffectiveOn, e.CompletedOn, DateTimeOffset.UnixEpoch);
        }
    }

    /// <summary>The code-set releases the ledger imported, by their headers (the entries are in the files, named by SHA-256).</summary>
    public IReadOnlyList<CodeSetReleaseInfo> CodeSetReleases() =>
        [.. _codeSets.Values.OrderBy(c => c.Sequence)
            .Select(c => CodeSetKinds.TryParse(c.Event.Kind, out var kind)
                ? new CodeSetReleaseInfo(kind, c.Event.EffectiveDate, c.Event.EffectiveThrough, c.Event.FileName, c.Event.Sha256, c.Event.Entries)
                : throw new FormatException($"code-set release {c.Label}: kind '{c.Event.Kind}' is not a code-set kind"))];

    /// <summary>The latest audit of the practice whose period ends in [first, last] (by its end, then when it was sampled), as the loader picks it.</summary>
    public Guid? AuditEndingIn(string practiceCode, DateOnly first, DateOnly last) =>
        _audits.Values.Where(a => a.Sampled.Practice == practiceCode && a.Sampled.To >= first && a.Sampled.To <= last)
            .OrderByDescending(a => a.Sampled.To).ThenByDescending(a => a.Sampled.SampledAt).Select(a => (Guid?)a.Sampled.Audit).FirstOrDefault();

    private Guid? CoderId(string user) => _coders.TryGetValue(user, out var c) ? c.Event.Id : null;

    private static string[] Words(string text) => text.Length == 0 ? [] : text.Split(' ');
}
