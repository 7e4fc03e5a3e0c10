using System.Data.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// The two statements of the SLA report, written from the EF model: table and column names, the
/// parameters' type mappings (so a Guid or an instant is bound as EF stores it: text and Unix
/// microseconds on SQLite, uuid and timestamptz on PostgreSQL) and how a stored instant is read back.
/// </summary>
internal sealed class SlaSchema
{
    private readonly string _finalizedWork;
    private readonly string _queryIntervals;
    private readonly RelationalTypeMapping _idMapping;
    private readonly RelationalTypeMapping _instantMapping;
    private readonly Func<long, DateTimeOffset>? _fromStoredInstant;

    private SlaSchema(CodeLedgerDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var work = Table<WorkItem>(db, sql);
        var queries = Table<DocumentationQuery>(db, sql);
        string W(string property) => "w." + work.Column(property);
        string Q(string property) => "q." + queries.Column(property);
        var monthFilter = $"{W(nameof(WorkItem.PracticeId))} = @practice AND {W(nameof(WorkItem.VendorId))} = @vendor"
            + $" AND {W(nameof(WorkItem.FinalizedAt))} >= @from AND {W(nameof(WorkItem.FinalizedAt))} < @to";

        // The work columns are those of the covering index (practice, vendor, finalized, clock start, encounter).
        _finalizedWork = $"SELECT {W(nameof(WorkItem.EncounterId))}, {W(nameof(WorkItem.ClockStart))}, {W(nameof(WorkItem.FinalizedAt))}"
            + $" FROM {work.Name} AS w WHERE {monthFilter}";

        // Queries that can pause that work: none raised at or after the end of the month can (the
        // clock stopped before it opened). PostgreSQL joins them to the month's work by hash. SQLite
        // joins by looking up each work item's queries in the index (measured 2-3 us a work item on
        // the shared VM) or each query's work item; reading the queries table straight through and
        // matching in memory costs about 1.5 us a query, so it stays cheaper while the stored queries
        // number under about one and a half times the month's work items (with a query on one
        // encounter in twenty, some thirty months of history at the same volume; see PERFORMANCE-HISTORY.md, "Workflow").
        var queryColumns = $"{Q(nameof(DocumentationQuery.EncounterId))}, {Q(nameof(DocumentationQuery.RaisedAt))}, {Q(nameof(DocumentationQuery.ClosedAt))}";
        _queryIntervals = db.Provider == DatabaseProvider.Sqlite
            ? $"SELECT {queryColumns} FROM {queries.Name} AS q WHERE {Q(nameof(DocumentationQuery.RaisedAt))} < @to"
            : $"SELECT {queryColumns} FROM {queries.Name} AS q INNER JOIN {work.Name} AS w ON {Q(nameof(DocumentationQuery.EncounterId))} = {W(nameof(WorkItem.EncounterId))}"
                + $" WHERE {Q(nameof(DocumentationQuery.RaisedAt))} < @to AND {monthFilter}";

        _idMapping = work.Mapping(nameof(WorkItem.PracticeId));
        _instantMapping = work.Mapping(nameof(WorkItem.FinalizedAt));

        // SQLite stores instants as Unix microseconds through a converter; PostgreSQL as timestamptz.
        _fromStoredInstant = (_instantMapping.Converter as ValueConverter<DateTimeOffset, long>)?.ConvertFromProviderTyped;
    }

    public static SlaSchema Of(CodeLedgerDbContext db) => new(db);

    /// <summary>Work of the contract's practice and vendor finalized in [from, to): encounter id, clock start, finalized at.</summary>
    public DbCommand FinalizedWork(CodeLedgerDbContext db, SlaContract contract, DateTimeOffset from, DateTimeOffset to) =>
        Command(db, _finalizedWork, contract, from, to);

    /// <summary>Queries that may be on that work: encounter id, raised at, closed at (null while open). On SQLite, queries on other work too.</summary>
    public DbCommand QueryIntervals(CodeLedgerDbContext db, SlaContract contract, DateTimeOffset from, DateTimeOffset to) =>
        Command(db, _queryIntervals, contract, from, to);

    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        _fromStoredInstant is { } convert ? convert(reader.GetInt64(ordinal)) : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private DbCommand Command(CodeLedgerDbContext db, string text, SlaContract contract, DateTimeOffset from, DateTimeOffset to)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (text.Contains("@practice", StringComparison.Ordinal))
        {
            command.Parameters.Add(_idMapping.CreateParameter(command, "practice", contract.PracticeId, nullable: false));
            command.Parameters.Add(_idMapping.CreateParameter(command, "vendor", contract.VendorId, nullable: false));
            command.Parameters.Add(_instantMapping.CreateParameter(command, "from", from, nullable: false));
        }

        command.Parameters.Add(_instantMapping.CreateParameter(command, "to", to, nullable: false));
        return command;
    }

    private static MappedTable Table<T>(CodeLedgerDbContext db, ISqlGenerationHelper sql)
    {
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
}
