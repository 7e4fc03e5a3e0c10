using System.Data.Common;
using CodeLedger.Core.Audits;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.EvaluationAndManagement;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Storage.Audits;

/// <summary>
/// Reads an audit's two large tables, audit_sample_members and audit_codings, with a plain data
/// reader instead of EF Core's materializer (docs/PERFORMANCE.md, "Audits"): only the columns the
/// report computes from, in one statement each, straight into Core's types. Table and column names
/// and the audit id's parameter come from the EF model, so the statements are SQLite's and
/// PostgreSQL's alike. The JSON columns are read with <see cref="StoredJson"/>, exactly as EF's
/// converters read them, and each distinct text is parsed once per read: most auditors' codings
/// repeat the vendor's (or another encounter's) diagnoses, lines and prices, and the parsed values
/// are immutable, so sharing them changes nothing but the time.
/// </summary>
internal static class AuditRowReader
{
    /// <summary>The sampled members of an audit in position order, as <see cref="AuditSample.Restore"/> takes them.</summary>
    public static async Task<List<SampledMember>> MembersAsync(CodeLedgerDbContext db, Guid audit, CancellationToken ct)
    {
        var t = Table<AuditSampleMemberRow>(db);
        var text = $"SELECT {t.Column(nameof(AuditSampleMemberRow.EncounterId))}, {t.Column(nameof(AuditSampleMemberRow.EncounterKey))}, {t.Column(nameof(AuditSampleMemberRow.PhysicianNpi))},"
            + $" {t.Column(nameof(AuditSampleMemberRow.Specialty))}, {t.Column(nameof(AuditSampleMemberRow.CoderId))}, {t.Column(nameof(AuditSampleMemberRow.DateOfService))},"
            + $" {t.Column(nameof(AuditSampleMemberRow.Stratum))}, {t.Column(nameof(AuditSampleMemberRow.Position))}, {t.Column(nameof(AuditSampleMemberRow.StratumRank))}"
            + $" FROM {t.Name} WHERE {t.Column(nameof(AuditSampleMemberRow.AuditId))} = @audit ORDER BY {t.Column(nameof(AuditSampleMemberRow.Position))}";
        var members = new List<SampledMember>();
        var npis = new Dictionary<string, Npi>(StringComparer.Ordinal);
        await ReadAsync(db, t, text, audit, reader =>
        {
            var npiText = reader.GetString(2);
            if (!npis.TryGetValue(npiText, out var npi))
            {
                npis[npiText] = npi = Npi.Parse(npiText);
            }

            var member = new AuditPopulationMember(reader.GetGuid(0), reader.GetString(1), npi, reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetFieldValue<DateOnly>(5));
            members.Add(new SampledMember(member, reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8)));
        }, ct);
        return members;
    }

    /// <summary>Every recorded re-coding of an audit, in no particular order (AuditBook orders them by position).</summary>
    public static async Task<List<RecordedAuditCoding>> CodingsAsync(CodeLedgerDbContext db, Guid audit, CancellationToken ct)
    {
        var t = Table<AuditCodingRow>(db);
        var text = $"SELECT {t.Column(nameof(AuditCodingRow.EncounterId))}, {t.Column(nameof(AuditCodingRow.VendorDiagnoses))}, {t.Column(nameof(AuditCodingRow.VendorServiceLines))},"
            + $" {t.Column(nameof(AuditCodingRow.Diagnoses))}, {t.Column(nameof(AuditCodingRow.ServiceLines))}, {t.Column(nameof(AuditCodingRow.Em))},"
            + $" {t.Column(nameof(AuditCodingRow.Prices))}, {t.Column(nameof(AuditCodingRow.ConversionFactor))}"
            + $" FROM {t.Name} WHERE {t.Column(nameof(AuditCodingRow.AuditId))} = @audit";
        var diagnoses = new Parsed<IReadOnlyList<IcdCode>>(json => StoredJson.Deserialize<List<IcdCode>>(json));
        var lines = new Parsed<IReadOnlyList<ServiceLine>>(json => StoredJson.Deserialize<List<ServiceLine>>(json));
        var prices = new Parsed<IReadOnlyDictionary<string, decimal?>>(json => StoredJson.Deserialize<List<AuditCodingRecorded.Price>>(json)
            .ToDictionary(p => SnapshotPricing.Key(p.Code, p.Modifiers), p => p.Rvu, StringComparer.Ordinal));
        var codings = new List<RecordedAuditCoding>();
        await ReadAsync(db, t, text, audit, reader => codings.Add(new RecordedAuditCoding(
            reader.GetGuid(0),
            new CodingSubmission(diagnoses.Of(reader.GetString(1)), lines.Of(reader.GetString(2))),
            new CodingSubmission(diagnoses.Of(reader.GetString(3)), lines.Of(reader.GetString(4)), reader.IsDBNull(5) ? null : EmInputJson.Parse(reader.GetString(5))),
            prices.Of(reader.GetString(6)),
            reader.GetDecimal(7))), ct);
        return codings;
    }

    private static async Task ReadAsync(CodeLedgerDbContext db, MappedTable table, string text, Guid audit, Action<DbDataReader> row, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = text;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(table.Mapping(nameof(AuditCodingRow.AuditId)).CreateParameter(command, "audit", audit, nullable: false));
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static MappedTable Table<T>(CodeLedgerDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table");
        return new MappedTable(entity, StoreObjectIdentifier.Table(table, entity.GetSchema()), sql.DelimitIdentifier(table, entity.GetSchema()), sql);
    }

    private sealed record MappedTable(IEntityType Entity, StoreObjectIdentifier Store, string Name, ISqlGenerationHelper Sql)
    {
        public string Column(string property) =>
            Sql.DelimitIdentifier(Property(property).GetColumnName(Store) ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{property} has no column"));

        public RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)Property(property).GetRelationalTypeMapping();

        private IProperty Property(string name) =>
            Entity.FindProperty(name) ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{name} is not in the model");
    }

    /// <summary>Each distinct stored text parsed once: the values are immutable, so the rows that repeat a text share its value.</summary>
    private sealed class Parsed<T>(Func<string, T> parse)
    {
        private readonly Dictionary<string, T> seen = new(StringComparer.Ordinal);

        public T Of(string json)
        {
            if (!seen.TryGetValue(json, out var value))
            {
                seen[json] = value = parse(json);
            }

            return value;
        }
    }
}
