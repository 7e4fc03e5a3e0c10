using System.Data.Common;
using System.Diagnostics;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Encounters;
using CodeLedger.Storage;
using CodeLedger.Storage.Billing;
using CodeLedger.Storage.Mapping;
using CodeLedger.X12;
using CodeLedger.X12.Workloads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CodeLedger.Benchmarks.Remittances;

/// <summary>
/// The matched path's fixture for <c>import remits</c> (docs/PERFORMANCE.md, "835 posting"): one
/// submitted claim per CLP of an 835, so that every CLP of the file matches. Into a database that
/// already holds the practice (a demo database), it copies one of the practice's encounters once per
/// claim (derived id and external id, every other column as stored) and inserts the claims (CLM01 =
/// CLP01, one line per SVC with its code, charge and date, status Submitted), all in bulk, in one
/// transaction. Rows only: no ledger events, so <c>ledger verify</c> does not hold on the fixture
/// (the tests show posting keeps replay; this only gives the timing something to match).
/// Run: <c>CodeLedger.Benchmarks remit-fixture --db SPEC --practice CODE --file FILE.835</c>
/// </summary>
internal static class RemitFixture
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var spec = Arg("--db");
        var practiceCode = Arg("--practice");
        var path = Arg("--file");
        if (spec is null || practiceCode is null || path is null)
        {
            await Console.Error.WriteLineAsync("usage: remit-fixture --db SPEC --practice CODE --file FILE.835");
            return 2;
        }

        var wall = Stopwatch.StartNew();
        if (Arg("--generate-mb") is { } mb)
        {
            // The benchmark seed's generator (X12SyntheticFile), as x12-throughput --kind 835 --keep writes it.
            await using var output = File.Create(path);
            var written = X12SyntheticFile.Write(output, X12FileKind.Remittance835, int.Parse(mb, System.Globalization.CultureInfo.InvariantCulture) * 1_000_000, X12SyntheticFile.BenchmarkSeed);
            Console.WriteLine($"remit-fixture: wrote {path} ({written:N0} claims)");
        }

        var store = await CodeLedgerStore.OpenAsync(spec, TimeProvider.System);
        var count = await AddClaimsAsync(store, practiceCode, await File.ReadAllBytesAsync(path));
        Console.WriteLine($"remit-fixture: {count:N0} submitted claims (and as many encounters) for {practiceCode} in {wall.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>Adds one submitted claim (on an encounter of its own) per CLP of <paramref name="file"/> to the practice; returns how many.</summary>
    public static async Task<int> AddClaimsAsync(CodeLedgerStore store, string practiceCode, byte[] file)
    {
        var payments = X12Document.Load(file).Remittances835;
        await using var db = store.CreateContext();
        var practice = await db.Organizations.AsNoTracking().SingleAsync(o => o.Code == practiceCode);
        var template = await db.Set<Encounter>().IgnoreQueryFilters().AsNoTracking().Where(e => e.PracticeId == practice.Id).Select(e => e.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;

        await db.Database.OpenConnectionAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var claims = new List<ClaimRow>();
        foreach (var advice in payments)
        {
            var payer = advice.Header.PayerTraceId is { Length: > 0 } trn03 ? trn03 : advice.Header.Payer?.Id;
            foreach (var clp in advice.Claims)
            {
                var lines = clp.Services.Select((s, i) => new ClaimLineRow(i + 1, string.Empty, s.ProcedureCode, [.. s.Modifiers.ToArray()], (int)(s.UnitsPaid ?? 1), [1],
                    s.Dates.ToArray().Where(d => d.Qualifier == "472").Select(d => d.Date).FirstOrDefault(new DateOnly(2024, 3, 1)), s.Charge, s.Charge)).ToList();
                claims.Add(new ClaimRow
                {
                    Id = Guid.NewGuid(), PracticeId = practice.Id, EncounterId = Guid.NewGuid(), ClaimId = clp.PatientControlNumber, Submission = 1,
                    Frequency = ClaimFrequency.Original, Status = ClaimStatus.Submitted, CodingVersion = 1, PayerCode = "BENCH", PayerId = payer,
                    TotalCharge = Money.FromDecimal(clp.TotalCharge), Lines = lines, BuiltAt = now, BuiltBy = "remit-fixture", SubmittedAt = now, FileName = "remit-fixture.837",
                });
            }
        }

        await CopyEncounterAsync(db, template, claims.Select(c => c.EncounterId).ToList());
        await BulkInsert.InsertAsync(db, claims, CancellationToken.None);
        await transaction.CommitAsync();
        return claims.Count;
    }

    /// <summary>Copies the template encounter once per id (external id REMITBENCH-n), every other column as stored, with one prepared statement.</summary>
    private static async Task CopyEncounterAsync(CodeLedgerDbContext db, Guid template, List<Guid> ids)
    {
        var entity = db.Model.FindEntityType(typeof(Encounter))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetBeforeSaveBehavior() == PropertySaveBehavior.Save).ToList();
        var idProperty = entity.FindProperty(nameof(Encounter.Id))!;
        var externalProperty = entity.FindProperty(nameof(Encounter.ExternalId))!;
        string Column(IProperty p) => "\"" + p.GetColumnName(table) + "\"";
        var select = columns.Select(p => p == idProperty ? "@id" : p == externalProperty ? "@external" : Column(p));

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(Column))}) SELECT {string.Join(", ", select)} FROM \"{table.Name}\" WHERE {Column(idProperty)} = @template";
        var idMapping = (RelationalTypeMapping)idProperty.GetRelationalTypeMapping();
        var id = idMapping.CreateParameter(command, "id", null, nullable: false);
        var external = ((RelationalTypeMapping)externalProperty.GetRelationalTypeMapping()).CreateParameter(command, "external", null, nullable: false);
        var from = idMapping.CreateParameter(command, "template", template, nullable: false);
        command.Parameters.AddRange(new DbParameter[] { id, external, from });
        await command.PrepareAsync();
        for (var i = 0; i < ids.Count; i++)
        {
            id.Value = ids[i];
            external.Value = "REMITBENCH-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await command.ExecuteNonQueryAsync();
        }
    }
}
