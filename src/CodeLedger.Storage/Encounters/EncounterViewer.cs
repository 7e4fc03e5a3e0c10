using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Tenancy;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Encounters;

/// <summary>What a coder sees to code an encounter: who the patient is and the current note (PHI).</summary>
public sealed record EncounterView(
    Guid Id,
    string ExternalId,
    DateOnly DateOfService,
    string PlaceOfService,
    string Specialty,
    PatientDemographics Patient,
    int DocumentationVersion,
    DateTimeOffset DocumentationCompletedAt,
    string Documentation);

/// <summary>
/// Shows an encounter's PHI to a person (ARCHITECTURE: every read of PHI by a person is written to
/// the ledger). Minimum necessary: only the coder the encounter is assigned to, or a lead of the
/// same vendor, may read it (<see cref="EncounterAccess"/>). Each read is a <c>phi.read</c> event naming who, which encounter and
/// which fields, never their content; each refusal is a <c>phi.read-refused</c> event.
/// </summary>
public sealed class EncounterViewer(CodeLedgerStore store)
{
    public async Task<EncounterView> ShowAsync(string encounterRef, string userName, CancellationToken ct = default)
    {
        var (view, refusal) = await store.WriteAsync<(EncounterView?, DomainException?)>(userName, async (db, ledger) =>
        {
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().AsNoTracking().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var reader = await db.Coders.AsNoTracking().FirstOrDefaultAsync(c => c.UserName == userName, ct);
            if (EncounterAccess.Refusal(EncounterAction.Read, reader, work) is { } refusal)
            {
                ledger.Append(encounter.ExternalId, new PhiReadRefused(encounter.Id, userName, EncounterAccess.LedgerReason(refusal)));
                return (null, EncounterAccess.Refused(EncounterAction.Read, refusal, userName, encounter.ExternalId));
            }

            var note = await db.Set<DocumentationVersion>().AsNoTracking()
                .Where(d => d.EncounterId == encounter.Id && d.Version == work.DocumentationVersion).SingleAsync(ct);
            ledger.Append(encounter.ExternalId, new PhiRead(encounter.Id, userName, ["patient", "documentation"], note.Version, null, db.Phi.LedgerHash.Of(note.Text)));
            return (new EncounterView(encounter.Id, encounter.ExternalId, encounter.DateOfService, encounter.PlaceOfService.Value, encounter.Specialty.Value,
                encounter.Patient, note.Version, note.CompletedAt, note.Text), null);
        }, ct);

        // The refusal was committed to the ledger first; only then is the reader told no.
        return refusal is null ? view! : throw refusal;
    }

    /// <summary>
    /// Shows an encounter to a signed-in person, within their tenant (<see cref="AccessPolicy"/>): an
    /// encounter outside it is "no encounter", exactly as a missing one, and leaves no trace; a
    /// refusal inside it (a practice admin, an unassigned coder) is a <c>phi.read-refused</c>; a read is
    /// a <c>phi.read</c> naming the user, their role and organization.
    /// </summary>
    public async Task<EncounterView> ShowAsync(string encounterRef, Principal principal, CancellationToken ct = default)
    {
        var (view, refusal) = await store.WriteAsync<(EncounterView?, DomainException?)>(principal, async (db, ledger) =>
        {
            var encounter = await WorkflowLookup.EncounterAsync(db, encounterRef, ct);
            var work = await db.Set<WorkItem>().AsNoTracking().SingleAsync(w => w.EncounterId == encounter.Id, ct);
            var facts = new EncounterFacts(encounter.Id, encounter.PracticeId, encounter.PhysicianId, work.VendorId);
            if (AccessPolicy.Refusal(principal, EncounterAction.Read, db.Tenant, facts, work.CoderId) is { } refusal)
            {
                if (refusal == AccessRefusal.OutsideTenant)
                {
                    throw EncounterAccess.Refused(EncounterAction.Read, refusal, principal.UserName, encounterRef.Trim());
                }

                ledger.Append(encounter.ExternalId, new PhiReadRefused(encounter.Id, principal.UserName, EncounterAccess.LedgerReason(refusal),
                    principal.Role.Name(), principal.OrganizationId));
                return (null, EncounterAccess.Refused(EncounterAction.Read, refusal, principal.UserName, encounter.ExternalId));
            }

            var note = await db.Set<DocumentationVersion>().AsNoTracking()
                .Where(d => d.EncounterId == encounter.Id && d.Version == work.DocumentationVersion).SingleAsync(ct);
            ledger.Append(encounter.ExternalId, new PhiRead(encounter.Id, principal.UserName, ["patient", "documentation"], note.Version, null,
                db.Phi.LedgerHash.Of(note.Text), principal.Role.Name(), principal.OrganizationId));
            return (new EncounterView(encounter.Id, encounter.ExternalId, encounter.DateOfService, encounter.PlaceOfService.Value, encounter.Specialty.Value,
                encounter.Patient, note.Version, note.CompletedAt, note.Text), null);
        }, ct);

        return refusal is null ? view! : throw refusal;
    }
}
