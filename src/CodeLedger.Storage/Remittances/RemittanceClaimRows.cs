using System.Data;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Remittances;

/// <summary>
/// The practice's claims as posting needs them, read straight off the data reader
/// (docs/REMITTANCE.md, "How the rows are written"): only the columns matching, the denial facts and
/// the claim update use, no EF Core materialization and no findings. At 200,000 claims EF's reader
/// was about a quarter of <c>import remits</c>' CPU. Each column is read as the EF model maps it
/// (the status by its converter, money as cents, instants as Unix microseconds, the lines by
/// <see cref="StoredJson"/>), so a claim read here equals the one EF would read in every column
/// posting touches; the columns left out keep their defaults and are never written back.
/// </summary>
internal static class RemittanceClaimRows
{
    /// <summary>
    /// The practice's claims and, on PostgreSQL, the row version (<c>xmin</c>) each was read at, which the
    /// claim update requires still to hold (<see cref="RemittanceBulk.UpdateClaimsAsync"/>). Instants are
    /// read as each provider's context maps them: SQLite's Unix microseconds, PostgreSQL's timestamptz.
    /// </summary>
    public static async Task<(List<ClaimRow> Claims, Dictionary<Guid, uint> Versions)> ReadAsync(CodeLedgerDbContext db, Guid practiceId, CancellationToken ct)
    {
        var postgres = db.Provider == DatabaseProvider.PostgreSql;
        var entity = db.Model.FindEntityType(typeof(ClaimRow))!;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "SELECT id, encounter_id, claim_id, submission, status, payer_code, payer_id, payer_claim_control_number, total_charge, lines, built_at, submitted_at"
            + (postgres ? ", " + EncounterConcurrency.RowVersion : string.Empty) + " FROM claims WHERE practice_id = @practice";

        // The key is bound as EF binds it (SQLite keeps a GUID as upper-case text).
        command.Parameters.Add(((RelationalTypeMapping)entity.FindProperty(nameof(ClaimRow.PracticeId))!.GetRelationalTypeMapping())
            .CreateParameter(command, "practice", practiceId, nullable: false));
        var claims = new List<ClaimRow>();
        var versions = new Dictionary<Guid, uint>();
        await using var r = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await r.ReadAsync(ct))
        {
            var claim = new ClaimRow
            {
                Id = r.GetGuid(0),
                PracticeId = practiceId,
                EncounterId = r.GetGuid(1),
                ClaimId = r.GetString(2),
                Submission = r.GetInt32(3),
                Status = ClaimStatusNames.Parse(r.GetString(4)),
                PayerCode = r.IsDBNull(5) ? null : r.GetString(5),
                PayerId = r.IsDBNull(6) ? null : r.GetString(6),
                PayerClaimControlNumber = r.IsDBNull(7) ? null : r.GetString(7),
                TotalCharge = r.IsDBNull(8) ? null : Money.FromCents(r.GetInt64(8)),
                Lines = StoredJson.Deserialize<List<ClaimLineRow>>(r.GetString(9)),
                BuiltAt = postgres ? r.GetFieldValue<DateTimeOffset>(10) : Instant(r.GetInt64(10)),
                SubmittedAt = r.IsDBNull(11) ? null : postgres ? r.GetFieldValue<DateTimeOffset>(11) : Instant(r.GetInt64(11)),
            };
            claims.Add(claim);
            if (postgres)
            {
                versions[claim.Id] = r.GetFieldValue<uint>(12);
            }
        }

        return (claims, versions);
    }

    /// <summary>An instant as SqliteCodeLedgerDbContext maps it: microseconds since the Unix epoch.</summary>
    private static DateTimeOffset Instant(long microseconds) => new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10), TimeSpan.Zero);
}
