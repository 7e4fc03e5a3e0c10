using CodeLedger.Core.Agreements;
using CodeLedger.Storage.Billing;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using CodeLedger.Core.Ledger.Events;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// Receives encounters from a practice for a vendor. Order matters and is the point:
/// (1) the BAA gate, before the file is even opened: without an agreement in force nothing about
/// any patient is read, stored, logged or printed, and the refusal (practice, vendor, instant; no
/// PHI) goes to the ledger; (2) the whole file is read and checked (format, known physicians:
/// <see cref="PracticeRoster"/>) so a
/// bad file changes nothing; (3) encounters are written in batches, one transaction per batch with
/// all its ledger events. Re-importing an unchanged encounter changes nothing; a corrected note
/// becomes a new documentation version and restarts the clock only when the contract says so.
/// </summary>
public sealed class EncounterIntake(CodeLedgerStore store, Func<Guid>? newId = null)
{
    public const int BatchSize = 1000;

    private readonly Func<Guid> _newId = newId ?? Guid.NewGuid;

    public async Task<IntakeSummary> ImportAsync(string practiceCode, string vendorCode, Func<IEnumerable<EncounterSubmission>> read, string actor, Action<int>? progress = null, CancellationToken ct = default)
    {
        var now = Instants.Now(store.Time);
        Organization practice, vendor;
        await using (var db = store.CreateContext())
        {
            // One connection for the block's reads (EF Core would open one per query; each open costs more than the read).
            await db.Database.OpenConnectionAsync(ct);
            practice = await WorkflowLookup.OrganizationAsync(db, practiceCode, OrganizationKind.Practice, ct);
            vendor = await WorkflowLookup.OrganizationAsync(db, vendorCode, OrganizationKind.CodingVendor, ct);
            var agreements = await db.BusinessAssociateAgreements.AsNoTracking().Where(a => a.PracticeId == practice.Id && a.VendorId == vendor.Id).ToListAsync(ct);
            if (BaaGate.AgreementInForce(agreements, practice.Id, vendor.Id, now) is null)
            {
                await store.WriteAsync(actor, (_, ledger) =>
                {
                    ledger.Append(practice.Code, new IntakeRefused(practice.Code, vendor.Code, AgreementErrors.NotInForce.Value, now));
                    return Task.CompletedTask;
                }, ct);
                BaaGate.Require(agreements, practice.Id, practice.Code, vendor.Id, vendor.Code, now);
            }
        }

        var submissions = read().ToList();
        IReadOnlyList<Core.Physicians.Physician> physicians;
        List<Coder> coders;
        CredentialSpecialtyMap map;
        Dictionary<Guid, int> openWork;
        bool restartOnCorrection;
        HashSet<string> payerCodes;
        await using (var db = store.CreateContext())
        {
            await db.Database.OpenConnectionAsync(ct);
            physicians = new PracticeRoster(practice.Code, await db.Physicians.AsNoTracking().Where(p => p.PracticeId == practice.Id).ToListAsync(ct)).Resolve(submissions);

            coders = await db.Coders.AsNoTracking().Where(c => c.VendorId == vendor.Id && c.Active).ToListAsync(ct);
            map = await CredentialMaps.CurrentAsync(db, ct);
            openWork = await db.Set<WorkItem>().Where(w => w.CoderId != null && w.Status != WorkStatus.Finalized)
                .GroupBy(w => w.CoderId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var contract = await WorkflowLookup.ContractAsync(db, practice.Id, vendor.Id, DateOnly.FromDateTime(now.UtcDateTime), ct);
            restartOnCorrection = contract?.CorrectedDocumentationRestartsClock ?? false;
            payerCodes = (await db.Set<PayerRow>().AsNoTracking().Where(p => p.PracticeId == practice.Id).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        }

        var warnings = CoverageWarnings(practice.Code, submissions, payerCodes);

        // Build every encounter before writing any, so a rule an encounter breaks refuses the whole file.
        var candidates = new List<Encounter>(submissions.Count);
        var submitted = new Dictionary<Encounter, EncounterSubmission>(ReferenceEqualityComparer.Instance);
        foreach (var (s, physician) in submissions.Zip(physicians))
        {
            try
            {
                candidates.Add(new Encounter(_newId(), practice.Id, physician.Id, s.ExternalId, s.Patient, s.DateOfService, s.PlaceOfService,
                    physician.Specialty, s.DocumentationText, s.DocumentationCompletedAt, now));
                submitted[candidates[^1]] = s;
            }
            catch (DomainException e)
            {
                throw new DomainException(e.Error, $"{s.Location}: {e.Message}; nothing was imported");
            }
        }

        var npiById = physicians.DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Npi.Value);
        var assigner = new CoderAssigner(map);
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        int received = 0, unchanged = 0, corrected = 0, restarts = 0, primary = 0, backup = 0, uncovered = 0, coverages = 0, done = 0;
        foreach (var batch in candidates.Chunk(BatchSize))
        {
            var before = (received, unchanged, corrected, restarts, primary, backup, uncovered, coverages, Load: new Dictionary<Guid, int>(openWork));
            await store.WriteAsync(actor, async (db, ledger) =>
            {
                // A write that lost a race to a concurrent one runs again (CodeLedgerStore.WriteAsync):
                // each run counts from where the batch began.
                (received, unchanged, corrected, restarts, primary, backup, uncovered, coverages) =
                    (before.received, before.unchanged, before.corrected, before.restarts, before.primary, before.backup, before.uncovered, before.coverages);
                openWork = new Dictionary<Guid, int>(before.Load);
                // A batch adds thousands of rows and changes few: detect changes once, not on every save.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var ids = batch.Select(e => e.ExternalId).Distinct().ToList();
                var existing = await db.Encounters.Where(e => e.PracticeId == practice.Id && ids.Contains(e.ExternalId)).ToDictionaryAsync(e => e.ExternalId, StringComparer.Ordinal, ct);
                var existingIds = existing.Values.Select(e => e.Id).ToList();
                var work = await db.Set<WorkItem>().Where(w => existingIds.Contains(w.EncounterId)).ToDictionaryAsync(w => w.EncounterId, ct);

                // The latest coverage of each encounter: a re-import that carries the same one changes nothing.
                var latestCoverage = (await db.Set<EncounterCoverageRow>().AsNoTracking().Where(c => existingIds.Contains(c.EncounterId)).ToListAsync(ct))
                    .GroupBy(c => c.EncounterId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Version)!);

                // A coverage the file gives that differs from the latest stored is the next version, ledgered by keyed hash;
                // a file that gives none leaves the stored one as it is.
                bool RecordCoverage(Encounter encounter, EncounterSubmission s)
                {
                    if (s.Coverage is not { } policy)
                    {
                        return false;
                    }

                    var last = latestCoverage.GetValueOrDefault(encounter.Id);
                    if (last is not null && last.Policy == policy && last.PatientAddress == s.PatientAddress)
                    {
                        return false;
                    }

                    var row = new EncounterCoverageRow
                    {
                        EncounterId = encounter.Id, Version = (last?.Version ?? 0) + 1, PayerCode = policy.PayerCode, Policy = policy, PatientAddress = s.PatientAddress, RecordedAt = now,
                    };
                    db.Add(row);
                    latestCoverage[encounter.Id] = row;
                    coverages++;
                    ledger.Append(encounter.ExternalId, new CoverageRecorded(encounter.Id, row.Version, row.PayerCode, db.Phi.LedgerHash.Of(CoverageText.Policy(policy)),
                        s.PatientAddress is { } a ? db.Phi.LedgerHash.Of(CoverageText.Address(a)) : null));
                    return true;
                }

                // New rows bypass the change tracker (EF's per-row cost dominated the import); they are
                // inserted after the loop, so a later line of the same batch that corrects one of them
                // is already applied to the objects that get written.
                var newEncounters = new List<Encounter>(batch.Length);
                var newVersions = new List<DocumentationVersion>(batch.Length);
                var newWork = new List<WorkItem>(batch.Length);
                foreach (var candidate in batch)
                {
                    if (existing.TryGetValue(candidate.ExternalId, out var current))
                    {
                        // Corrected demographics replace the stored ones and are ledgered by field name,
                        // never by value; with an unchanged note they are the whole correction.
                        var patientFields = current.CorrectPatient(candidate.Patient);
                        if (patientFields.Count > 0)
                        {
                            db.ChangeTracker.DetectChanges();
                            ledger.Append(current.ExternalId, new PatientCorrected(current.Id, [.. patientFields], db.Phi.LedgerHash.Of(current.Patient)));
                        }

                        var coverageChanged = RecordCoverage(current, submitted[candidate]);
                        if (current.DocumentationText == candidate.DocumentationText && current.DocumentationCompletedAt == candidate.DocumentationCompletedAt)
                        {
                            if (patientFields.Count > 0 || coverageChanged)
                            {
                                corrected++;
                            }
                            else
                            {
                                unchanged++;
                            }

                            continue;
                        }

                        var item = work[current.Id];
                        var wasStart = item.ClockStart;
                        item.AcceptCorrectedDocumentation(candidate.DocumentationCompletedAt, now, restartOnCorrection);
                        if (!item.IsFinalized)
                        {
                            current.CorrectDocumentation(candidate.DocumentationText, candidate.DocumentationCompletedAt);
                        }

                        db.Add(new DocumentationVersion(_newId(), current.Id, item.DocumentationVersion, candidate.DocumentationText, candidate.DocumentationCompletedAt, now));
                        corrected++;
                        restarts += item.ClockStart != wasStart ? 1 : 0;
                        db.ChangeTracker.DetectChanges();
                        ledger.Append(current.ExternalId, new DocumentationCorrected(current.Id, item.DocumentationVersion, null, db.Phi.LedgerHash.Of(candidate.DocumentationText),
                            candidate.DocumentationCompletedAt, item.ClockStart != wasStart, item.ClockStart, item.IsFinalized));
                        continue;
                    }

                    var encounter = candidate;
                    newEncounters.Add(encounter);
                    newVersions.Add(new DocumentationVersion(_newId(), encounter.Id, 1, encounter.DocumentationText, encounter.DocumentationCompletedAt, now));
                    var assignment = assigner.Assign(encounter.Specialty, day, coders, openWork);
                    if (assignment.CoderId is { } coderId)
                    {
                        openWork[coderId] = openWork.GetValueOrDefault(coderId) + 1;
                    }

                    var workItem = new WorkItem(encounter, vendor.Id, assignment, now);
                    newWork.Add(workItem);
                    existing[encounter.ExternalId] = encounter;
                    work[encounter.Id] = workItem;
                    received++;
                    switch (assignment.Basis)
                    {
                        case AssignmentBasis.Primary: primary++; break;
                        case AssignmentBasis.Backup: backup++; break;
                        default: uncovered++; break;
                    }

                    // Receipt and assignment happen in one transaction at one instant: one event records both.
                    ledger.Append(encounter.ExternalId, new EncounterReceived(encounter.Id, practice.Code, vendor.Code, encounter.ExternalId, npiById[encounter.PhysicianId],
                        encounter.DateOfService, encounter.PlaceOfService.Value, encounter.Specialty.Value, encounter.DocumentationCompletedAt,
                        null, db.Phi.LedgerHash.Of(encounter.DocumentationText), encounter.ClockStart, assignment.CoderUserName, assignment.Basis,
                        db.Phi.LedgerHash.Of(encounter.Patient)));
                    RecordCoverage(encounter, submitted[candidate]);
                }

                // Parents first: the foreign keys are checked per statement.
                await BulkInsert.InsertAsync(db, newEncounters, ct);
                await BulkInsert.InsertAsync(db, newVersions, ct);
                await BulkInsert.InsertAsync(db, newWork, ct);
            }, ct);
            done += batch.Length;
            progress?.Invoke(done);
        }

        return new IntakeSummary(submissions.Count, received, unchanged, corrected, restarts, primary, backup, uncovered, coverages, warnings);
    }

    /// <summary>
    /// What the import says but does not refuse: a coverage naming a payer code the practice has not
    /// registered (its claim will wait in the fix queue, CLAIM-PAYER-UNKNOWN, until setup adds the payer),
    /// and an address given without a coverage (kept with a coverage only, so not stored). Codes are the
    /// practice's, not PHI; no patient value is repeated.
    /// </summary>
    private static List<string> CoverageWarnings(string practice, List<EncounterSubmission> submissions, HashSet<string> payerCodes)
    {
        var warnings = new List<string>();
        foreach (var unknown in submissions.Where(s => s.Coverage is { } c && !payerCodes.Contains(c.PayerCode)).GroupBy(s => s.Coverage!.PayerCode, StringComparer.Ordinal)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var count = unknown.Count();
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"payer code {Echo.Prefix(unknown.Key)} is not a payer of {practice} ({count} encounter{(count == 1 ? string.Empty : "s")}, first at {unknown.First().Location}): their claims wait in the fix queue (CLAIM-PAYER-UNKNOWN) until setup registers it"));
        }

        var addressOnly = submissions.Where(s => s.Coverage is null && s.PatientAddress is not null).ToList();
        if (addressOnly.Count > 0)
        {
            warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{addressOnly.Count} encounter{(addressOnly.Count == 1 ? string.Empty : "s")} give a patient address but no coverage (first at {addressOnly[0].Location}): the address is kept with a coverage only, so it was not stored"));
        }

        return warnings;
    }
}
