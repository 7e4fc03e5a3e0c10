using CodeLedger.Core.Assignment;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// The four tables with a row per encounter or coding (encounters, documentation versions, work items, coding results) read
/// for replay verification straight off the rows (<see cref="StoredRowReader"/>), like the ledger
/// (<see cref="LedgerRows"/>): ordinal access, no EF Core materialization, and the notes and
/// demographics decrypted from the stored text's bytes into bytes and hashed with no string in
/// between (<see cref="PhiCipher.UnprotectUtf8"/>). At a million encounters EF's materialization of
/// these rows, with the PHI converters decoding every note into a string only to encode it again for
/// the hash, was the largest cost of the stored side (docs/PERFORMANCE.md). Each column is read as EF
/// maps it (the value types parsed as EF's converters parse them, the enums as EF's string converter
/// reads them), so the rows are the ones the EF reader wrote.
/// </summary>
internal static class EncounterStoredRows
{
    public static async Task ReadAsync(
        CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> npi, Dictionary<Guid, string> external,
        Func<Guid?, string?> user, bool encounters, bool others, CancellationToken ct)
    {
        // Raw SQL bypasses EF's tenant filters: verification reads every row or it proves nothing.
        if (!db.Tenant.IsUnrestricted)
        {
            throw new InvalidOperationException("replay verification reads every stored row; this context is scoped to a tenant");
        }

        using var hasher = db.Phi.LedgerHash.CreateHasher();

        if (!encounters)
        {
            // The other tables' rows name their encounter by its external id: only that is read here, the
            // encounters' own rows (their notes decrypted and hashed) being another part's (ReplayVerifier).
            if (others)
            {
                await using var r = await StoredRowReader.OpenAsync(db, "encounters", "SELECT id, external_id FROM encounters", ct);
                while (await r.ReadAsync(ct))
                {
                    external[r.GetGuid(0)] = r.GetString(1);
                }
            }
        }
        else
        {
            // The external ids are kept only for the other tables read after them.
            await ReadEncountersAsync(db, rows, code, npi, others ? external : null, hasher, ct);
        }

        if (!others)
        {
            return;
        }

        await ReadOthersAsync(db, rows, code, external, user, hasher, ct);
    }

    private static async Task ReadEncountersAsync(
        CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> npi, Dictionary<Guid, string>? external,
        PhiLedgerHash.Hasher hasher, CancellationToken ct)
    {
        var phi = db.Phi;
        var plain = new byte[4096];

        // Encounters are streamed, so the decrypted notes of a large database are never all in memory at once.
        await using var r = await StoredRowReader.OpenAsync(
            db, "encounters", "SELECT id, practice_id, physician_id, external_id, patient, date_of_service, place_of_service, specialty, documentation_text, documentation_completed_at FROM encounters", ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            var practice = r.GetGuid(1);
            var physician = r.GetGuid(2);
            var externalId = r.GetString(3);
            var demographics = r.Json<PatientDemographics>(4, phi.UnprotectUtf8(r.GetUtf8(4), PhiColumns.Patient, ref plain));
            var demographicsHash = hasher.Of(PhiLedgerHash.Canonical(demographics));
            var dateOfService = r.GetDate(5);
            var placeOfService = r.Parse(6, PlaceOfService.Parse).Value;
            var specialty = r.Parse(7, Specialty.Parse).Value;
            var documentationHash = hasher.Of(phi.UnprotectUtf8(r.GetUtf8(8), PhiColumns.EncounterDocumentation, ref plain));
            var completedAt = r.GetInstant(9);

            if (external is not null)
            {
                external[id] = externalId;
            }

            rows.Add(StateTables.Encounters, StateRows.Text(id), $"encounter {externalId}", 0)
                .Set("practice", code(practice)).Set("external_id", externalId).Set("physician", npi(physician))
                .Set("date_of_service", StateRows.Text(dateOfService)).Set("place_of_service", placeOfService)
                .Set("specialty", specialty).Set("documentation_completed_at", StateRows.Text(completedAt))
                .Set("documentation_hash", documentationHash).Set("demographics_hash", demographicsHash);
        }
    }

    private static async Task ReadOthersAsync(
        CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Dictionary<Guid, string> external,
        Func<Guid?, string?> user, PhiLedgerHash.Hasher hasher, CancellationToken ct)
    {
        var phi = db.Phi;
        var plain = new byte[4096];
        string Ext(Guid id) => external.GetValueOrDefault(id, StateRows.Text(id));

        await using (var r = await StoredRowReader.OpenAsync(db, "documentation_versions", "SELECT encounter_id, version, text, completed_at FROM documentation_versions", ct))
        {
            while (await r.ReadAsync(ct))
            {
                var encounter = r.GetGuid(0);
                var version = r.GetInt32(1);
                var hash = hasher.Of(phi.UnprotectUtf8(r.GetUtf8(2), PhiColumns.DocumentationVersionText, ref plain));
                var completedAt = r.GetInstant(3);
                rows.Add(StateTables.DocumentationVersions, StateTables.VersionKey(encounter, version), $"encounter {Ext(encounter)} documentation version {version}", 0)
                    .Set("hash", hash).Set("completed_at", StateRows.Text(completedAt));
            }
        }

        await using (var r = await StoredRowReader.OpenAsync(
                         db,
                         "work_items",
                         "SELECT encounter_id, practice_id, vendor_id, coder_id, basis, status, documentation_version, documentation_completed_at, clock_start, finalized_at, "
                         + "final_coding_version, coded_without_query_response, override_reason, override_by FROM work_items",
                         ct))
        {
            while (await r.ReadAsync(ct))
            {
                var encounter = r.GetGuid(0);
                var practice = r.GetGuid(1);
                var vendor = r.GetGuid(2);
                Guid? coder = r.IsNull(3) ? null : r.GetGuid(3);
                var basis = Enum<AssignmentBasis>(r.GetString(4));
                var status = Enum<WorkStatus>(r.GetString(5));
                var documentationVersion = r.GetInt32(6);
                var documentationCompletedAt = r.GetInstant(7);
                var clockStart = r.GetInstant(8);
                DateTimeOffset? finalizedAt = r.IsNull(9) ? null : r.GetInstant(9);
                int? finalCodingVersion = r.IsNull(10) ? null : r.GetInt32(10);
                var codedWithoutQueryResponse = r.GetBoolean(11);
                var overrideReason = r.IsNull(12) ? null : r.GetString(12);
                var overrideBy = r.IsNull(13) ? null : r.GetString(13);
                rows.Add(StateTables.WorkItems, StateRows.Text(encounter), $"encounter {Ext(encounter)}", 0)
                    .Set("practice", code(practice)).Set("vendor", code(vendor)).Set("coder", user(coder)).Set("basis", basis.ToString())
                    .Set("status", status.ToString()).Set("documentation_version", StateRows.Text(documentationVersion))
                    .Set("documentation_completed_at", StateRows.Text(documentationCompletedAt)).Set("clock_start", StateRows.Text(clockStart))
                    .Set("finalized_at", StateRows.Text(finalizedAt)).Set("final_coding_version", StateRows.Text(finalCodingVersion))
                    .Set("coded_without_query_response", StateRows.Text(codedWithoutQueryResponse))
                    .Set("override_reason", overrideReason).Set("override_by", overrideBy);
            }
        }

        // Only the columns compared: the E/M documentation (JSON parsed into a tree) and the rest are not read.
        // The codes are parsed from the stored JSON's bytes as EF's converter parses the text (StoredJson).
        await using (var r = await StoredRowReader.OpenAsync(
                         db, "coding_results", "SELECT encounter_id, version, coder_id, diagnoses, service_lines, documentation_version, edit_errors FROM coding_results", ct))
        {
            while (await r.ReadAsync(ct))
            {
                var encounter = r.GetGuid(0);
                var version = r.GetInt32(1);
                var coder = r.GetGuid(2);
                var diagnoses = r.Json<List<IcdCode>>(3);
                var lines = r.Json<List<ServiceLine>>(4);
                rows.Add(StateTables.CodingResults, StateTables.VersionKey(encounter, version), $"encounter {Ext(encounter)} coding version {version}", 0)
                    .Set("coder", user(coder)).Set("diagnoses", StateRows.Text(diagnoses.Select(d => d.Value)))
                    .Set("service_lines", StateTables.Lines(lines))
                    .Set("documentation_version", StateRows.Text(r.GetInt32(5))).Set("edit_errors", StateRows.Text(r.GetInt32(6)));
            }
        }
    }

    /// <summary>An enum stored as its name, read as EF Core's string converter reads it: the name or number, otherwise the default.</summary>
    private static T Enum<T>(string text) where T : struct, Enum => System.Enum.TryParse<T>(text, out var value) ? value : default;
}
