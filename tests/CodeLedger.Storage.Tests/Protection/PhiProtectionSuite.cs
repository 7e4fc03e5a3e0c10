using CodeLedger.Core.Intake;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Tests.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Protection;

/// <summary>PHI is encrypted at rest (ARCHITECTURE: patient name, birth date, member id, documentation text; query question, choices and answer).</summary>
public abstract class PhiProtectionSuite(DatabaseProvider provider)
{
    private const string Note = "Type 2 diabetes without complications; metformin continued.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(TestDatabase Database, CodeLedgerStore Store, WorkflowWorld World)> WithOneVisitAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var world = new WorkflowWorld();
        await world.SaveAsync(store);
        await new EncounterIntake(store).ImportAsync(world.Practice.Code, world.Vendor.Code, () => [WorkflowWorld.Visit("A-1", database.Time.GetUtcNow(), Note)], "intake", ct: Ct);
        return (database, store, world);
    }

    [Fact]
    public async Task Patient_and_documentation_are_stored_encrypted_and_read_back_in_clear()
    {
        var (database, store, _) = await WithOneVisitAsync();
        await using var _ = database;

        var stored = (await database.RawAsync("SELECT patient FROM encounters"))
            .Concat(await database.RawAsync("SELECT documentation_text FROM encounters"))
            .Concat(await database.RawAsync("SELECT text FROM documentation_versions")).ToList();

        Assert.Equal(3, stored.Count);
        Assert.All(stored, value => Assert.StartsWith($"phi1:{TestDatabase.PhiKey.Id}:", value, StringComparison.Ordinal));
        Assert.All(stored, value => Assert.DoesNotContain("Garcia", value, StringComparison.OrdinalIgnoreCase));
        Assert.All(stored, value => Assert.DoesNotContain("metformin", value, StringComparison.OrdinalIgnoreCase));
        await using var db = store.CreateContext();
        var encounter = await db.Encounters.SingleAsync(Ct);
        Assert.Equal(("Garcia", "MBR99887766", new DateOnly(1958, 7, 4)), (encounter.Patient.FamilyName, encounter.Patient.MemberId, encounter.Patient.BirthDate));
        Assert.Equal(Note, (await db.Set<DocumentationVersion>().SingleAsync(Ct)).Text);
    }

    [Fact]
    public async Task Another_key_is_refused_by_name_and_reads_nothing()
    {
        var (database, _, _) = await WithOneVisitAsync();
        await using var _ = database;
        var other = await CodeLedgerStore.OpenAsync(database.Spec, database.Time, PhiKey.Generate(), Ct);

        await using var db = other.CreateContext();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Encounters.ToListAsync(Ct));

        var storage = Assert.IsType<StorageException>(Unwrap(e));
        Assert.Equal(StorageErrorCodes.PhiKeyMismatch, storage.Error);
        Assert.Contains(TestDatabase.PhiKey.Id, storage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ciphertext_moved_into_another_column_does_not_decrypt()
    {
        var (database, store, _) = await WithOneVisitAsync();
        await using var _ = database;
        await database.TamperAsync("UPDATE encounters SET documentation_text = patient");

        await using var db = store.CreateContext();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Encounters.ToListAsync(Ct));

        Assert.Equal(StorageErrorCodes.PhiCorrupt, Assert.IsType<StorageException>(Unwrap(e)).Error);
    }

    [Fact]
    public async Task A_value_written_before_encryption_still_reads()
    {
        var (database, store, _) = await WithOneVisitAsync();
        await using var _ = database;
        await database.TamperAsync("UPDATE documentation_versions SET text = 'plain note from an earlier build'");

        await using var db = store.CreateContext();
        Assert.Equal("plain note from an earlier build", (await db.Set<DocumentationVersion>().SingleAsync(Ct)).Text);
    }

    /// <summary>A name typed into a query, the way a coder might; it must never be stored in clear.</summary>
    protected const string Sentinel = "Quillfeather";

    /// <summary>Raises a multiple-choice query naming <see cref="Sentinel"/> on A-1 and answers it with a choice and free text.</summary>
    protected static async Task<DocumentationQuery> RaiseAndAnswerAsync(CodeLedgerStore store)
    {
        string coder;
        await using (var db = store.CreateContext())
        {
            var coderId = await db.Set<WorkItem>().Select(w => w.CoderId).SingleAsync(Ct);
            coder = await db.Coders.Where(c => c.Id == coderId).Select(c => c.UserName).SingleAsync(Ct);
        }

        var desk = new QueryDesk(store);
        var query = await desk.RaiseAsync("A-1", coder, QueryCategory.Laterality, $"Mrs {Sentinel} reports pain: which knee was examined?",
            ["left knee", $"right knee ({Sentinel} chart)", DocumentationQuery.Other, DocumentationQuery.ClinicallyUndetermined], Ct);
        await desk.AnswerAsync(query.Id, $"other: both knees, per {Sentinel}'s daughter", "physician", Ct);
        return query;
    }

    [Fact]
    public async Task Query_question_choices_and_answer_are_stored_encrypted_and_listed_in_clear()
    {
        var (database, store, world) = await WithOneVisitAsync();
        await using var _ = database;
        await RaiseAndAnswerAsync(store);

        var stored = (await database.RawAsync("SELECT question FROM documentation_queries"))
            .Concat(await database.RawAsync("SELECT choices FROM documentation_queries"))
            .Concat(await database.RawAsync("SELECT answer FROM documentation_queries")).ToList();

        Assert.Equal(3, stored.Count);
        Assert.All(stored, value => Assert.StartsWith($"phi1:{TestDatabase.PhiKey.Id}:", value, StringComparison.Ordinal));
        Assert.All(stored, value => Assert.DoesNotContain(Sentinel, value, StringComparison.OrdinalIgnoreCase));
        var listed = Assert.Single(await new QueryDesk(store).ListAsync(world.Physician.Npi.Value, Ct));
        Assert.Contains(Sentinel, listed.Question, StringComparison.Ordinal);
        Assert.Contains($"right knee ({Sentinel} chart)", listed.Choices);
        Assert.Equal($"other: both knees, per {Sentinel}'s daughter", listed.Answer);
    }

    [Fact]
    public async Task Query_text_stored_in_clear_by_an_earlier_build_is_encrypted_by_migrate_and_reads_the_same()
    {
        var (database, store, world) = await WithOneVisitAsync();
        await using var _ = database;
        var query = await RaiseAndAnswerAsync(store);
        await database.TamperAsync($"UPDATE documentation_queries SET question = 'Mrs {Sentinel}: which knee?', choices = '[\"left\",\"{Sentinel}\",\"other\",\"clinically undetermined\"]', answer = 'other: {Sentinel}'");
        Assert.Equal(1, await PlaintextQueryText.CountAsync(store.Location, Ct));

        var converted = await PlaintextQueryText.EncryptAsync(store.Location, Ct);

        Assert.Equal(1, converted);
        Assert.Equal(0, await PlaintextQueryText.CountAsync(store.Location, Ct));
        Assert.All(await database.RawAsync("SELECT question || choices || answer FROM documentation_queries"), v => Assert.DoesNotContain(Sentinel, v, StringComparison.Ordinal));
        var listed = Assert.Single(await new QueryDesk(store).ListAsync(world.Physician.Npi.Value, Ct));
        Assert.Equal((query.Id, $"Mrs {Sentinel}: which knee?", $"other: {Sentinel}"), (listed.Id, listed.Question, listed.Answer));
        Assert.Equal(["left", Sentinel, "other", "clinically undetermined"], listed.Choices);
        Assert.Equal(0, await PlaintextQueryText.EncryptAsync(store.Location, Ct));
    }

    [Fact]
    public async Task Opening_a_database_that_needs_the_query_text_migration_encrypts_texts_left_in_clear()
    {
        var (database, store, world) = await WithOneVisitAsync();
        await using var _ = database;
        await RaiseAndAnswerAsync(store);
        await database.TamperAsync($"UPDATE documentation_queries SET question = 'Mrs {Sentinel}: which knee?', answer = 'other: {Sentinel}'");
        await database.TamperAsync("DELETE FROM \"__ef_migrations_history\" WHERE \"MigrationId\" LIKE '%_QueryTextEncrypted'");

        var reopened = await database.OpenAsync();

        Assert.Equal(0, await PlaintextQueryText.CountAsync(reopened.Location, Ct));
        Assert.All(await database.RawAsync("SELECT question || answer FROM documentation_queries"), v => Assert.DoesNotContain(Sentinel, v, StringComparison.Ordinal));
        var listed = Assert.Single(await new QueryDesk(reopened).ListAsync(world.Physician.Npi.Value, Ct));
        Assert.Equal(($"Mrs {Sentinel}: which knee?", $"other: {Sentinel}"), (listed.Question, listed.Answer));
    }

    internal static Exception Unwrap(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is StorageException)
            {
                return current;
            }
        }

        return e;
    }
}

public sealed class SqlitePhiProtectionTests() : PhiProtectionSuite(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_name_typed_into_a_query_is_not_in_the_database_files()
    {
        await using var database = TestDatabase.Sqlite();
        var ct = TestContext.Current.CancellationToken;
        var store = await database.OpenAsync();
        var world = new WorkflowWorld();
        await world.SaveAsync(store);
        await new EncounterIntake(store).ImportAsync(world.Practice.Code, world.Vendor.Code, () => [WorkflowWorld.Visit("A-1", database.Time.GetUtcNow())], "intake", ct: ct);
        await RaiseAndAnswerAsync(store);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // What `grep` would search: the database file and its write-ahead log, byte for byte.
        var files = new[] { string.Empty, "-wal" }.Select(suffix => database.Spec + suffix).Where(File.Exists).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file, ct);
            Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Sentinel)) < 0, $"{Sentinel} found in {file}");
        }
    }

    [Fact]
    public async Task Sqlite_key_file_is_created_beside_the_database_for_its_owner_only()
    {
        await using var database = TestDatabase.Sqlite();
        await CodeLedgerStore.OpenAsync(database.Spec, database.Time, TestContext.Current.CancellationToken);

        var file = database.Spec + PhiKeys.FileSuffix;
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var again = await CodeLedgerStore.OpenAsync(database.Spec, database.Time, TestContext.Current.CancellationToken);
        Assert.Equal(PhiKey.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), file).Id, again.Location.Phi.KeyId);
    }

    [Fact]
    public async Task Lost_key_file_is_not_silently_replaced()
    {
        await using var database = TestDatabase.Sqlite();
        var ct = TestContext.Current.CancellationToken;
        var store = await CodeLedgerStore.OpenAsync(database.Spec, database.Time, ct);
        var world = new WorkflowWorld();
        await world.SaveAsync(store);
        await new EncounterIntake(store).ImportAsync(world.Practice.Code, world.Vendor.Code, () => [WorkflowWorld.Visit("A-1", database.Time.GetUtcNow())], "intake", ct: ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(database.Spec + PhiKeys.FileSuffix);

        var reopened = await CodeLedgerStore.OpenAsync(database.Spec, database.Time, ct);

        Assert.False(File.Exists(database.Spec + PhiKeys.FileSuffix));
        Assert.Null(reopened.Location.Phi.KeyId);
        await using var db = reopened.CreateContext();
        var e = await Assert.ThrowsAnyAsync<Exception>(() => db.Encounters.ToListAsync(ct));
        Assert.Equal(StorageErrorCodes.PhiKeyMissing, Assert.IsType<StorageException>(Unwrap(e)).Error);
    }
}

public sealed class PostgresPhiProtectionTests() : PhiProtectionSuite(DatabaseProvider.PostgreSql)
{
    [Fact]
    public async Task Without_a_key_phi_cannot_be_written_and_nothing_is_stored()
    {
        // A PostgreSQL server has no key file: without CODELEDGER_PHI_KEY the store works for
        // everything but PHI, and an import fails whole.
        Assert.SkipWhen(Environment.GetEnvironmentVariable(PhiKeys.Variable) is { Length: > 0 }, $"{PhiKeys.Variable} is set here, so every store has a key");
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var world = new WorkflowWorld();
        await world.SaveAsync(await database.OpenAsync());
        var keyless = await CodeLedgerStore.OpenAsync(database.Spec, database.Time, ct);

        var e = await Assert.ThrowsAnyAsync<Exception>(() =>
            new EncounterIntake(keyless).ImportAsync(world.Practice.Code, world.Vendor.Code, () => [WorkflowWorld.Visit("A-1", database.Time.GetUtcNow())], "intake", ct: ct));

        var storage = Assert.IsType<StorageException>(Unwrap(e));
        Assert.Equal(StorageErrorCodes.PhiKeyMissing, storage.Error);
        Assert.Contains(PhiKeys.Variable, storage.Message, StringComparison.Ordinal);
        Assert.Empty(await database.RawAsync("SELECT external_id FROM encounters"));
        Assert.Null(keyless.Location.Phi.KeyId);
    }
}
