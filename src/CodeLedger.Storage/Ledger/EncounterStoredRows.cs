using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using CodeLedger.Core.Assignment;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Ledger;

/// <summary>
/// The three tables with a row per encounter (encounters, documentation versions, work items) read
/// for replay verification straight off the data reader, like the ledger (<see cref="LedgerRows"/>):
/// ordinal access, no EF Core materialization, and the notes decrypted into bytes and hashed without
/// a string in between (<see cref="PhiCipher.UnprotectUtf8"/>). At a million encounters EF's
/// materialization of these rows, with the PHI converters decoding every note into a string only to
/// encode it again for the hash, was the largest cost of the stored side (docs/PERFORMANCE.md).
/// Each column is read as EF maps it (the value types parsed as EF's converters parse them, the
/// enums as EF's string converter reads them), so the rows are the ones the EF reader wrote.
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
        var sqlite = db.Provider == DatabaseProvider.Sqlite;

        if (!encounters)
        {
            // The other tables' rows name their encounter by its external id: only that is read here, the
            // encounters' own rows (their notes decrypted and hashed) being another part's (ReplayVerifier).
            if (others)
            {
                await foreach (var r in ReadAsync(db, "SELECT id, external_id FROM encounters", ct))
                {
                    external[r.GetGuid(0)] = r.GetString(1);
                }
            }
        }
        else
        {
            // The external ids are kept only for the other tables read after them.
            await ReadEncountersAsync(db, rows, code, npi, others ? external : null, hasher, sqlite, ct);
        }

        if (!others)
        {
            return;
        }

        await ReadOthersAsync(db, rows, code, external, user, hasher, sqlite, ct);
    }

    private static async Task ReadEncountersAsync(
        CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, Func<Guid, string> npi, Dictionary<Guid, string>? external,
        PhiLedgerHash.Hasher hasher, bool sqlite, CancellationToken ct)
    {
        var phi = db.Phi;
        var scratch = new byte[4096];

        // Encounters are streamed, so the decrypted notes of a large database are never all in memory at once.
        await foreach (var r in ReadAsync(db, "SELECT id, practice_id, physician_id, external_id, patient, date_of_service, place_of_service, specialty, documentation_text, documentation_completed_at FROM encounters", ct))
        {
            var id = r.GetGuid(0);
            var practice = r.GetGuid(1);
            var physician = r.GetGuid(2);
            var externalId = r.GetString(3);
            var demographicsHash = hasher.Of(PhiLedgerHash.Canonical(StoredJson.Deserialize<PatientDemographics>(phi.Unprotect(r.GetString(4), PhiColumns.Patient))));
            var dateOfService = r.GetFieldValue<DateOnly>(5);
            var placeOfService = PlaceOfService.Parse(r.GetString(6)).Value;
            var specialty = Specialty.Parse(r.GetString(7)).Value;
            var documentationHash = hasher.Of(phi.UnprotectUtf8(r.GetString(8), PhiColumns.EncounterDocumentation, ref scratch));
            var completedAt = Instant(r, 9, sqlite);

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
        Func<Guid?, string?> user, PhiLedgerHash.Hasher hasher, bool sqlite, CancellationToken ct)
    {
        var phi = db.Phi;
        var scratch = new byte[4096];
        string Ext(Guid id) => external.GetValueOrDefault(id, StateRows.Text(id));

        await foreach (var r in ReadAsync(db, "SELECT encounter_id, version, text, completed_at FROM documentation_versions", ct))
        {
            var encounter = r.GetGuid(0);
            var version = r.GetInt32(1);
            var hash = hasher.Of(phi.UnprotectUtf8(r.GetString(2), PhiColumns.DocumentationVersionText, ref scratch));
            var completedAt = Instant(r, 3, sqlite);
            rows.Add(StateTables.DocumentationVersions, StateTables.VersionKey(encounter, version), $"encounter {Ext(encounter)} documentation version {version}", 0)
                .Set("hash", hash).Set("completed_at", StateRows.Text(completedAt));
        }

        await foreach (var r in ReadAsync(
                           db,
                           "SELECT encounter_id, practice_id, vendor_id, coder_id, basis, status, documentation_version, documentation_completed_at, clock_start, finalized_at, "
                           + "final_coding_version, coded_without_query_response, override_reason, override_by FROM work_items",
                           ct))
        {
            var encounter = r.GetGuid(0);
            var practice = r.GetGuid(1);
            var vendor = r.GetGuid(2);
            Guid? coder = r.IsDBNull(3) ? null : r.GetGuid(3);
            var basis = Enum<AssignmentBasis>(r.GetString(4));
            var status = Enum<WorkStatus>(r.GetString(5));
            var documentationVersion = r.GetInt32(6);
            var documentationCompletedAt = Instant(r, 7, sqlite);
            var clockStart = Instant(r, 8, sqlite);
            DateTimeOffset? finalizedAt = r.IsDBNull(9) ? null : Instant(r, 9, sqlite);
            int? finalCodingVersion = r.IsDBNull(10) ? null : r.GetInt32(10);
            var codedWithoutQueryResponse = r.GetBoolean(11);
            var overrideReason = r.IsDBNull(12) ? null : r.GetString(12);
            var overrideBy = r.IsDBNull(13) ? null : r.GetString(13);
            rows.Add(StateTables.WorkItems, StateRows.Text(encounter), $"encounter {Ext(encounter)}", 0)
                .Set("practice", code(practice)).Set("vendor", code(vendor)).Set("coder", user(coder)).Set("basis", basis.ToString())
                .Set("status", status.ToString()).Set("documentation_version", StateRows.Text(documentationVersion))
                .Set("documentation_completed_at", StateRows.Text(documentationCompletedAt)).Set("clock_start", StateRows.Text(clockStart))
                .Set("finalized_at", StateRows.Text(finalizedAt)).Set("final_coding_version", StateRows.Text(finalCodingVersion))
                .Set("coded_without_query_response", StateRows.Text(codedWithoutQueryResponse))
                .Set("override_reason", overrideReason).Set("override_by", overrideBy);
        }
    }

    /// <summary>
    /// An instant as the context maps it: microseconds since the Unix epoch on SQLite
    /// (SqliteCodeLedgerDbContext), timestamptz on PostgreSQL.
    /// </summary>
    private static DateTimeOffset Instant(DbDataReader reader, int ordinal, bool sqlite) =>
        sqlite ? new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + (reader.GetInt64(ordinal) * 10), TimeSpan.Zero) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>An enum stored as its name, read as EF Core's string converter reads it: the name or number, otherwise the default.</summary>
    private static T Enum<T>(string text) where T : struct, Enum => System.Enum.TryParse<T>(text, out var value) ? value : default;

    /// <summary>Each row of <paramref name="sql"/> through the context's connection and transaction; columns are read in order (sequential access).</summary>
    private static async IAsyncEnumerable<DbDataReader> ReadAsync(CodeLedgerDbContext db, string sql, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return reader;
        }
    }
}
