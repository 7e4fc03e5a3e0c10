using System.Text.Json;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Tenancy;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Edits;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// Takes a coder's submission: only the assigned coder or a lead of the encounter's vendor may code it (<see cref="EncounterAccess"/>); every
/// submission is kept as a new version; the edit engine runs on each; error findings block
/// finalization unless a lead overrides with a recorded reason; an open documentation query holds
/// the encounter until it is answered or expires. Finalizing stops the turnaround clock.
/// </summary>
public sealed class CodingDesk(CodeLedgerStore store, ClaimEditor editor, Func<Guid>? newId = null)
{
    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    /// <summary>A submission by user name, unscoped: the coder record of that name must be the assigned coder or a lead (the operator's CLI path before accounts).</summary>
    public Task<CodingOutcome> SubmitAsync(string encounterRef, CodingSubmission coding, string coderUserName, string? overrideReason = null, CancellationToken ct = default) =>
        store.WriteAsync(coderUserName, async (db, ledger) =>
        {
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var coder = EncounterAccess.Require(EncounterAction.Code, await db.Coders.AsNoTracking().FirstOrDefaultAsync(c => c.UserName == coderUserName, ct),
                coderUserName, work, encounter.ExternalId);
            return await SubmitAsync(db, ledger, encounter, work, coding, (coder.Id, coder.UserName), overrideReason,
                () => EncounterAccess.Require(EncounterAction.Override, coder, coderUserName, work, encounter.ExternalId), ct);
        }, ct);

    /// <summary>
    /// A submission by a signed-in person, within their tenant (<see cref="AccessPolicy"/>): an
    /// encounter outside it is "no encounter" exactly as a missing one; inside it, only the assigned
    /// coder or a lead of the vendor codes, and only a lead overrides.
    /// </summary>
    public Task<CodingOutcome> SubmitAsync(string encounterRef, CodingSubmission coding, Principal principal, string? overrideReason = null, CancellationToken ct = default) =>
        store.WriteAsync(principal, async (db, ledger) =>
        {
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var facts = new EncounterFacts(encounter.Id, encounter.PracticeId, encounter.PhysicianId, work.VendorId);
            void Require(EncounterAction action)
            {
                if (AccessPolicy.Refusal(principal, action, db.Tenant, facts, work.CoderId) is { } refusal)
                {
                    throw EncounterAccess.Refused(action, refusal, principal.UserName, refusal == AccessRefusal.OutsideTenant ? encounterRef.Trim() : encounter.ExternalId);
                }
            }

            Require(EncounterAction.Code);
            return await SubmitAsync(db, ledger, encounter, work, coding, (principal.CoderId!.Value, principal.UserName), overrideReason,
                () => Require(EncounterAction.Override), ct);
        }, ct);

    private async Task<CodingOutcome> SubmitAsync(CodeLedgerDbContext db, LedgerAppender ledger, Encounter encounter, WorkItem work, CodingSubmission coding,
        (Guid Id, string UserName) coder, string? overrideReason, Action requireOverride, CancellationToken ct)
    {
        var now = Instants.Now(store.Time);
        if (work.IsFinalized)
        {
            throw new DomainException(CodingErrors.AlreadyFinal, $"encounter {encounter.ExternalId} was finalized at {Instants.Format(work.FinalizedAt!.Value)}");
        }

        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (reason is not null)
        {
            requireOverride();
        }

        var version = 1 + (await db.CodingResults.Where(c => c.EncounterId == encounter.Id).MaxAsync(c => (int?)c.Version, ct) ?? 0);
        var result = new CodingResult(_newId(), encounter.Id, version, coder.Id, now, coding.Diagnoses, coding.Lines, coding.Em, work.DocumentationVersion);
        db.Add(result);

        var npi = await db.Physicians.Where(p => p.Id == encounter.PhysicianId).Select(p => p.Npi).SingleAsync(ct);
        var findings = editor.Check(ToClaim(encounter, npi.Value, result));
        var errors = findings.Count(f => f.Severity == EditSeverity.Error);

        // Kept with the version, so a later finalization (query expiry) passes the same edit gate.
        result.RecordEdits(errors, reason);
        var queryStatuses = await db.Set<DocumentationQuery>().Where(q => q.EncounterId == encounter.Id).Select(q => q.Status).ToListAsync(ct);
        var openQuery = queryStatuses.Contains(QueryStatus.Open);
        WaitingFor? waitingFor = openQuery ? WaitingFor.OpenQuery : errors > 0 && reason is null ? WaitingFor.EditErrors : null;
        ledger.Append(encounter.ExternalId, new CodingSubmitted(encounter.Id, version, coder.UserName,
            [.. result.Diagnoses.Select(d => d.Value)],
            [.. result.ServiceLines.Select(l => new CodingSubmitted.Line(l.Code.Value, [.. l.Modifiers.Select(m => m.Value)], l.Units, l.Charge.ToString(), l.Pointers))],
            result.EmDocumentation is { } em ? JsonSerializer.Deserialize<JsonElement>(EmInputJson.WriteInput(em)) : null,
            [.. findings.Select(f => new CodingSubmitted.Finding(f.Rule, f.Severity, f.Line, f.Codes))],
            errors, findings.Count - errors, waitingFor));

        if (waitingFor is not null)
        {
            work.MarkInCoding();
            return new CodingOutcome(encounter.Id, encounter.ExternalId, version, findings, false, waitingFor, false);
        }

        var overridden = errors > 0;
        var withoutResponse = QueryExpiry.CodedWithoutQueryResponse(queryStatuses);
        work.Finalize(now, version, withoutResponse, overridden ? reason : null, coder.UserName);
        ledger.Append(encounter.ExternalId, new EncounterFinalized(encounter.Id, version, now, work.ClockStart, withoutResponse,
            overridden ? reason : null, overridden ? coder.UserName : null));
        return new CodingOutcome(encounter.Id, encounter.ExternalId, version, findings, true, null, overridden);
    }

    /// <summary>The claim the edit engine checks: the encounter's date, place and physician with the submitted codes.</summary>
    public static Claim ToClaim(Encounter encounter, string renderingNpi, CodingResult coding) =>
        Claim.Create(
            encounter.ExternalId,
            encounter.DateOfService,
            encounter.PlaceOfService.Value,
            renderingNpi,
            encounter.Patient.BirthDate,
            encounter.Patient.Sex switch { PatientSex.Female => 'F', PatientSex.Male => 'M', _ => 'U' },
            coding.Diagnoses.Select(d => d.Value),
            coding.ServiceLines.Select((l, i) => ClaimLine.Create(i + 1, l.Code.Value, l.Modifiers.Select(m => m.Value), (int)decimal.Ceiling(l.Units), l.Charge, l.Pointers)),
            coding.EmDocumentation);
}
