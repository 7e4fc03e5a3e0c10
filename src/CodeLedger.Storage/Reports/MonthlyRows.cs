using System.Data.Common;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Reports;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Reports;

/// <summary>A finalized work item of the month with what the report reads of its encounter and final coding (codes as text; empty without a coding).</summary>
internal readonly record struct MonthlyWorkRow(
    Guid EncounterId, Guid? CoderId, DateTimeOffset ClockStart, DateTimeOffset FinalizedAt, Guid PhysicianId, DateOnly DateOfService,
    string? EmCode, IReadOnlyList<string> Diagnoses, IReadOnlyList<string> Procedures);

/// <summary>A documentation query of the practice's encounters, without its PHI-bearing text: the encounter's physician and its work item's vendor (null without one).</summary>
internal readonly record struct MonthlyQueryRow(
    Guid Id, Guid EncounterId, Guid PhysicianId, QueryCategory Category, DateTimeOffset RaisedAt, DateTimeOffset DueAt, QueryStatus Status, DateTimeOffset? ClosedAt, Guid? WorkVendorId);

/// <summary>Encounter ids from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive); null leaves that end open.</summary>
internal readonly record struct EncounterIdRange(Guid? From, Guid? To);

/// <summary>
/// The monthly loader's two large reads (issue 19: a month of 1,000,000 encounters), each one
/// statement read with a plain data reader: the month's finalized work joined to its encounter and
/// final coding, and the practice's queries joined to their encounter and work item. Only the
/// columns the report needs are selected (no PHI column, so nothing is decrypted), and nothing is
/// read per row. Names, parameters and stored values come from the EF model, as in
/// <c>Workflow/SlaSchema</c>, so the statements read what EF would on SQLite and PostgreSQL. A
/// coding's diagnoses and service lines are read with the same <see cref="StoredJson"/> converter
/// EF uses (a malformed stored code still fails), once per distinct stored text: a month repeats
/// the same codings many times.
/// </summary>
internal sealed class MonthlyRows
{
    private const int DistinctTextsKept = 100_000;

    private readonly CodeLedgerDbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<string, IReadOnlyList<string>> _diagnoses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<string> Procedures, string? EmCode)> _lines = new(StringComparer.Ordinal);

    private MonthlyRows(CodeLedgerDbContext db)
    {
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
    }

    public static MonthlyRows Of(CodeLedgerDbContext db) => new(db);

    /// <summary>
    /// The work read in two halves by encounter id (below and from 8000…: ids are random, so each
    /// half holds about half the month), for two connections to read at once. The order of the ids is
    /// the same on both providers: SQLite compares the upper-case text EF stores, PostgreSQL the uuid's
    /// bytes, and both follow the canonical string. The loader sorts the rows by id after.
    /// </summary>
    public static IReadOnlyList<EncounterIdRange> WorkHalves { get; } =
        [new(null, new Guid("80000000-0000-0000-0000-000000000000")), new(new Guid("80000000-0000-0000-0000-000000000000"), null)];

    /// <summary>Work of the practice (and vendor, when given) finalized in [from, to), with its encounter's physician and date of service and its final coding's codes; only encounter ids in <paramref name="ids"/> when given.</summary>
    public Task<List<MonthlyWorkRow>> FinalizedWorkAsync(Guid practiceId, Guid? vendorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        FinalizedWorkAsync(practiceId, vendorId, from, to, new EncounterIdRange(null, null), ct);

    /// <inheritdoc cref="FinalizedWorkAsync(Guid, Guid?, DateTimeOffset, DateTimeOffset, CancellationToken)"/>
    public async Task<List<MonthlyWorkRow>> FinalizedWorkAsync(Guid practiceId, Guid? vendorId, DateTimeOffset from, DateTimeOffset to, EncounterIdRange ids, CancellationToken ct)
    {
        await using var settings = await WorkReadSettingsAsync(ct);
        await using var command = WorkCommand(practiceId, vendorId, from, to, ids);
        var readInstant = InstantReader(Table<WorkItem>("w").Mapping(nameof(WorkItem.FinalizedAt)));
        var rows = new List<MonthlyWorkRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var workCoder = reader.IsDBNull(1) ? (Guid?)null : reader.GetGuid(1);
            var coded = !reader.IsDBNull(6);
            var (procedures, emCode) = coded ? Lines(reader.GetString(8)) : ([], null);
            rows.Add(new MonthlyWorkRow(
                reader.GetGuid(0),
                coded ? reader.GetGuid(6) : workCoder,
                readInstant(reader, 2),
                readInstant(reader, 3),
                reader.GetGuid(4),
                reader.GetFieldValue<DateOnly>(5),
                emCode,
                coded ? Diagnoses(reader.GetString(7)) : [],
                procedures));
        }

        return rows;
    }

    /// <summary>The work read's statement with its parameters bound (the plan tests explain it).</summary>
    internal DbCommand WorkCommand(Guid practiceId, Guid? vendorId, DateTimeOffset from, DateTimeOffset to, EncounterIdRange ids)
    {
        var w = Table<WorkItem>("w");
        var e = Table<Encounter>("e");
        var c = Table<CodingResult>("c");
        var text = $"SELECT {w[nameof(WorkItem.EncounterId)]}, {w[nameof(WorkItem.CoderId)]}, {w[nameof(WorkItem.ClockStart)]}, {w[nameof(WorkItem.FinalizedAt)]},"
            + $" {e[nameof(Encounter.PhysicianId)]}, {e[nameof(Encounter.DateOfService)]}, {c[nameof(CodingResult.CoderId)]}, {c[nameof(CodingResult.Diagnoses)]}, {c[nameof(CodingResult.ServiceLines)]}"
            + $" FROM {Indexed(w, WorkItemConfiguration.FinalizedWorkIndex)} INNER JOIN {EncounterVisits(e)} ON {e[nameof(Encounter.Id)]} = {w[nameof(WorkItem.EncounterId)]}{JoinedInRange(e[nameof(Encounter.Id)], ids)}"
            + $" LEFT JOIN {Indexed(c, CodingResultConfiguration.FinalCodesIndex)} ON {c[nameof(CodingResult.EncounterId)]} = {w[nameof(WorkItem.EncounterId)]} AND {c[nameof(CodingResult.Version)]} = {w[nameof(WorkItem.FinalCodingVersion)]}{JoinedInRange(c[nameof(CodingResult.EncounterId)], ids)}"
            + $" WHERE {w[nameof(WorkItem.PracticeId)]} = @practice AND {w[nameof(WorkItem.FinalizedAt)]} >= @from AND {w[nameof(WorkItem.FinalizedAt)]} < @to"
            + (vendorId is null ? string.Empty : $" AND {w[nameof(WorkItem.VendorId)]} = @vendor")
            + (ids.From is null ? string.Empty : $" AND {w[nameof(WorkItem.EncounterId)]} >= @idFrom")
            + (ids.To is null ? string.Empty : $" AND {w[nameof(WorkItem.EncounterId)]} < @idTo");
        var instant = w.Mapping(nameof(WorkItem.FinalizedAt));
        var id = w.Mapping(nameof(WorkItem.PracticeId));
        var command = Command(text);
        command.Parameters.Add(id.CreateParameter(command, "practice", practiceId, nullable: false));
        // Npgsql binds timestamptz from UTC instants only; SQLite's converter reads UTC ticks either way.
        command.Parameters.Add(instant.CreateParameter(command, "from", from.ToUniversalTime(), nullable: false));
        command.Parameters.Add(instant.CreateParameter(command, "to", to.ToUniversalTime(), nullable: false));
        if (vendorId is { } vendor)
        {
            command.Parameters.Add(id.CreateParameter(command, "vendor", vendor, nullable: false));
        }

        var encounterId = w.Mapping(nameof(WorkItem.EncounterId));
        if (ids.From is { } idFrom)
        {
            command.Parameters.Add(encounterId.CreateParameter(command, "idFrom", idFrom, nullable: false));
        }

        if (ids.To is { } idTo)
        {
            command.Parameters.Add(encounterId.CreateParameter(command, "idTo", idTo, nullable: false));
        }

        return command;
    }

    /// <summary>
    /// The half's id range repeated on a joined table's side of the join, PostgreSQL only. Its planner
    /// carries an equality across a join but not a range, so without this each half hashed every
    /// encounter's visit and every coding of the table (twice the rows of a half, spilled to temp
    /// files), and the two halves together did the whole join twice. With it, each half scans its
    /// own half of the visit index and hashes its own half (docs/PERFORMANCE.md, "PostgreSQL's
    /// share"). The condition is implied by the join's equality, so the rows are the same. SQLite
    /// probes the joined tables by key (INDEXED BY), where a range would change nothing.
    /// </summary>
    private string JoinedInRange(string column, EncounterIdRange ids) =>
        _db.Provider != DatabaseProvider.PostgreSql ? string.Empty
            : (ids.From is null ? string.Empty : $" AND {column} >= @idFrom") + (ids.To is null ? string.Empty : $" AND {column} < @idTo");

    /// <summary>
    /// PostgreSQL's settings for the work read, put back when it ends: no parallel workers, and
    /// 64 MB of work memory. The loader already reads two halves on two connections, one per core;
    /// each half's plan with workers started two more processes that passed every row through
    /// shared memory to the leader and, as PostgreSQL 15 has no parallel hash right join, hashed
    /// the codings (the large side) instead of the half's work; at the default 4 MB that hash went
    /// to 32 batches of temp files. Without workers and with room for the half's 300,000 work rows
    /// (about 35 MB at a million), the server builds one hash of the work and streams the codings
    /// past it: 2.5 CPU-s per half down to 1.7 (docs/PERFORMANCE.md). SQLite: nothing to set.
    /// </summary>
    private async Task<IAsyncDisposable> WorkReadSettingsAsync(CancellationToken ct)
    {
        if (_db.Provider != DatabaseProvider.PostgreSql)
        {
            return NothingToReset.Instance;
        }

        await using (var set = Command("SET max_parallel_workers_per_gather = 0; SET work_mem = '64MB'"))
        {
            await set.ExecuteNonQueryAsync(ct);
        }

        return new SettingsReset(this);
    }

    private sealed class SettingsReset(MonthlyRows rows) : IAsyncDisposable
    {
        // Not cancellable: the connection goes back to the pool (the web host keeps it) with PostgreSQL's defaults.
        public async ValueTask DisposeAsync()
        {
            await using var reset = rows.Command("RESET max_parallel_workers_per_gather; RESET work_mem");
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private sealed class NothingToReset : IAsyncDisposable
    {
        public static readonly NothingToReset Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// The join from queries to encounters. SQLite, with no statistics (no ANALYZE), takes the
    /// encounters' practice index as the outer loop and fetches every encounter row of the practice
    /// (667,000 random rows at a million) to find the few with queries; CROSS JOIN is SQLite's way
    /// to keep the written order, so it reads each query and probes its encounter by key (48,500 at a
    /// million; 2.85 CPU-s down to 0.98 in sqlite3). PostgreSQL plans with statistics, and CROSS JOIN
    /// with ON is not its syntax.
    /// </summary>
    private string QueriesFirst => _db.Provider == DatabaseProvider.Sqlite ? "CROSS JOIN" : "INNER JOIN";

    /// <summary>
    /// The encounters as both reads probe them: by id, for the practice, physician and date of
    /// service, which the covering index <see cref="EncounterConfiguration.EncounterVisitIndex"/>
    /// holds without the kilobytes of the row. SQLite without statistics takes the primary key's
    /// index for an equality on id and then reads the row; INDEXED BY names the covering one.
    /// PostgreSQL chooses an index-only scan by itself.
    /// </summary>
    private string EncounterVisits(MappedTable e) => Indexed(e, EncounterConfiguration.EncounterVisitIndex);

    /// <summary>
    /// The table read through the named covering index on SQLite, which without statistics may take
    /// another (the primary key's, then the row). The work read's three: the finalized work
    /// (<see cref="WorkItemConfiguration.FinalizedWorkIndex"/>, every column read), the encounters'
    /// visit index and the codings' codes (<see cref="CodingResultConfiguration.FinalCodesIndex"/>,
    /// SQLite's own): no table row is fetched. PostgreSQL plans by itself.
    /// </summary>
    private string Indexed(MappedTable table, string index) =>
        _db.Provider == DatabaseProvider.Sqlite ? $"{table.From} INDEXED BY {_sql.DelimitIdentifier(index)}" : table.From;

    /// <summary>Every query on an encounter of the practice: its own columns but the text, the encounter's physician, and the vendor of the encounter's work item at the practice.</summary>
    public async Task<List<MonthlyQueryRow>> QueriesAsync(Guid practiceId, CancellationToken ct)
    {
        var q = Table<DocumentationQuery>("q");
        var e = Table<Encounter>("e");
        var w = Table<WorkItem>("w");
        var text = $"SELECT {q[nameof(DocumentationQuery.Id)]}, {q[nameof(DocumentationQuery.EncounterId)]}, {q[nameof(DocumentationQuery.Category)]}, {q[nameof(DocumentationQuery.RaisedAt)]},"
            + $" {q[nameof(DocumentationQuery.DueAt)]}, {q[nameof(DocumentationQuery.Status)]}, {q[nameof(DocumentationQuery.ClosedAt)]}, {e[nameof(Encounter.PhysicianId)]}, {w[nameof(WorkItem.VendorId)]}"
            + $" FROM {q.From} {QueriesFirst} {EncounterVisits(e)} ON {e[nameof(Encounter.Id)]} = {q[nameof(DocumentationQuery.EncounterId)]}"
            + $" LEFT JOIN {w.From} ON {w[nameof(WorkItem.EncounterId)]} = {q[nameof(DocumentationQuery.EncounterId)]} AND {w[nameof(WorkItem.PracticeId)]} = @practice"
            + $" WHERE {e[nameof(Encounter.PracticeId)]} = @practice";
        var instant = q.Mapping(nameof(DocumentationQuery.RaisedAt));
        var category = q.Mapping(nameof(DocumentationQuery.Category)).Converter!;
        var status = q.Mapping(nameof(DocumentationQuery.Status)).Converter!;
        await using var command = Command(text);
        command.Parameters.Add(w.Mapping(nameof(WorkItem.PracticeId)).CreateParameter(command, "practice", practiceId, nullable: false));

        var readInstant = InstantReader(instant);
        var rows = new List<MonthlyQueryRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new MonthlyQueryRow(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetGuid(7),
                (QueryCategory)category.ConvertFromProvider(reader.GetString(2))!,
                readInstant(reader, 3),
                readInstant(reader, 4),
                (QueryStatus)status.ConvertFromProvider(reader.GetString(5))!,
                reader.IsDBNull(6) ? null : readInstant(reader, 6),
                reader.IsDBNull(8) ? null : reader.GetGuid(8)));
        }

        return rows;
    }

    /// <summary>SQLite stores instants as Unix microseconds through a converter; PostgreSQL as timestamptz.</summary>
    private static Func<DbDataReader, int, DateTimeOffset> InstantReader(RelationalTypeMapping mapping) =>
        (mapping.Converter as ValueConverter<DateTimeOffset, long>)?.ConvertFromProviderTyped is { } convert
            ? (reader, i) => convert(reader.GetInt64(i))
            : (reader, i) => reader.GetFieldValue<DateTimeOffset>(i);

    private IReadOnlyList<string> Diagnoses(string stored)
    {
        if (!_diagnoses.TryGetValue(stored, out var codes))
        {
            codes = [.. StoredJson.Deserialize<List<IcdCode>>(stored).Select(d => d.Value)];
            Keep(_diagnoses, stored, codes);
        }

        return codes;
    }

    private (IReadOnlyList<string> Procedures, string? EmCode) Lines(string stored)
    {
        if (!_lines.TryGetValue(stored, out var lines))
        {
            string[] procedures = [.. StoredJson.Deserialize<List<ServiceLine>>(stored).Select(l => l.Code.Value)];
            lines = (procedures, procedures.FirstOrDefault(p => EmLevels.Classify(p) is not null));
            Keep(_lines, stored, lines);
        }

        return lines;
    }

    /// <summary>Remembers a stored text's codes while there are few distinct texts; past that, each row is read on its own.</summary>
    private static void Keep<T>(Dictionary<string, T> cache, string stored, T value)
    {
        if (cache.Count < DistinctTextsKept)
        {
            cache[stored] = value;
        }
    }

    private DbCommand Command(string text)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private MappedTable Table<T>(string alias)
    {
        var entity = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table");
        return new MappedTable(entity, StoreObjectIdentifier.Table(table, entity.GetSchema()), $"{_sql.DelimitIdentifier(table, entity.GetSchema())} AS {alias}", alias, _sql);
    }

    private sealed record MappedTable(IEntityType Entity, StoreObjectIdentifier Store, string From, string Alias, ISqlGenerationHelper Sql)
    {
        /// <summary>The property's column, qualified by the table's alias.</summary>
        public string this[string property] =>
            Alias + "." + Sql.DelimitIdentifier(Property(property).GetColumnName(Store) ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{property} has no column"));

        public RelationalTypeMapping Mapping(string property) => (RelationalTypeMapping)Property(property).GetRelationalTypeMapping();

        private IProperty Property(string name) =>
            Entity.FindProperty(name) ?? throw new InvalidOperationException($"{Entity.DisplayName()}.{name} is not in the model");
    }
}
