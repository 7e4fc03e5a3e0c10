using System.Diagnostics;
using System.Globalization;
using System.Text;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Workflow;
using CodeLedger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CodeLedger.Cli.Tests.Workflow;

/// <summary>
/// Two real <c>codeledger</c> processes on one database at the same moment, on SQLite and on
/// PostgreSQL: both succeed, nothing is lost or done twice, and the ledger verifies.
/// </summary>
public sealed class ConcurrentProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_processes_importing_different_files_at_once_both_succeed_and_lose_nothing(DatabaseProvider provider)
    {
        // More than one batch each (EncounterIntake.BatchSize), so the two processes' batches interleave.
        const int PerFile = 1200;
        await using var db = await ProcessDatabase.CreateAsync(provider);
        var first = db.WriteCsv("first.csv", "FIRST", PerFile);
        var second = db.WriteCsv("second.csv", "SECOND", PerFile);

        var runs = await db.RunTogetherAsync(
            ["import", "encounters", first, "--practice", "FM-NORTH", "--vendor", "ACME"],
            ["import", "encounters", second, "--practice", "FM-NORTH", "--vendor", "ACME"]);

        Assert.All(runs, run => Assert.True(run.Exit == 0, run.ToString()));
        Assert.All(runs, run => Assert.Contains($"{PerFile} new", run.Out, StringComparison.Ordinal));
        var store = await db.OpenAsync();
        await using var check = store.CreateContext();
        Assert.Equal(2 * PerFile, await check.Encounters.CountAsync(Ct));
        Assert.Equal(2 * PerFile, await check.Set<Core.Workflow.WorkItem>().CountAsync(Ct));
        await AssertLedgerAsync(store, "encounter.received", 2 * PerFile);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_expiry_processes_at_once_expire_each_query_once_and_finalize_each_encounter_once(DatabaseProvider provider)
    {
        const int Encounters = 100;
        await using var db = await ProcessDatabase.CreateAsync(provider);
        await db.QueriedAndCodedAsync(Encounters);

        var runs = await db.RunTogetherAsync(["queries", "expire"], ["queries", "expire"]);

        Assert.All(runs, run => Assert.True(run.Exit == 0, run.ToString()));
        var counts = runs.Select(run => int.Parse(run.Out.Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Encounters, counts.Sum());
        var store = await db.OpenAsync();
        await using var check = store.CreateContext();
        Assert.Equal(Encounters, await check.Set<DocumentationQuery>().CountAsync(q => q.Status == QueryStatus.Unresolved, Ct));
        Assert.Equal(Encounters, await check.Set<Core.Workflow.WorkItem>().CountAsync(w => w.CodedWithoutQueryResponse, Ct));
        await AssertLedgerAsync(store, "query.unresolved", Encounters);
        await AssertLedgerAsync(store, "encounter.finalized", Encounters);
    }

    /// <summary>Exactly one event of <paramref name="type"/> per encounter, and an intact chain.</summary>
    private static async Task AssertLedgerAsync(CodeLedgerStore store, string type, int encounters)
    {
        var subjects = new List<string>();
        await foreach (var e in store.ReadLedgerAsync(Ct))
        {
            if (e.Type == type)
            {
                subjects.Add(e.Subject);
            }
        }

        Assert.Equal(encounters, subjects.Count);
        Assert.Equal(encounters, subjects.Distinct(StringComparer.Ordinal).Count());
        var verification = await store.VerifyLedgerAsync(Ct);
        Assert.True(verification.IsIntact, verification.Reason);
    }

    /// <summary>
    /// A database holding <see cref="CliWorld"/>'s practice, vendor, agreement and coder: a SQLite
    /// file, or a new PostgreSQL database on the CODELEDGER_TEST_PG server (dropped afterwards).
    /// The processes run on the system clock; the agreement and contract are open-ended.
    /// </summary>
    private sealed class ProcessDatabase : IAsyncDisposable
    {
        private readonly string _folder;
        private readonly string? _pgAdmin;
        private readonly string? _pgName;
        private readonly PhiKey _key = PhiKey.Generate();

        private ProcessDatabase(string folder, string spec, string? pgAdmin, string? pgName)
        {
            _folder = folder;
            Spec = spec;
            _pgAdmin = pgAdmin;
            _pgName = pgName;
        }

        public string Spec { get; }

        public static async Task<ProcessDatabase> CreateAsync(DatabaseProvider provider)
        {
            string? admin = null, name = null;
            string spec;
            var folder = Directory.CreateTempSubdirectory("codeledger-processes-").FullName;
            if (provider == DatabaseProvider.PostgreSql)
            {
                admin = TestEnvironment.RequirePostgres();
                name = "cl_test_" + Guid.NewGuid().ToString("N")[..16];
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync(Ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync(Ct);
                spec = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            }
            else
            {
                spec = Path.Combine(folder, "shared.db");
            }

            var database = new ProcessDatabase(folder, spec, admin, name);
            await CliWorld.SeedAsync(await database.OpenAsync());
            return database;
        }

        public Task<CodeLedgerStore> OpenAsync(TimeProvider? time = null) => CodeLedgerStore.OpenAsync(Spec, time ?? TestClock.Create(), _key, Ct);

        /// <summary>A CSV of <paramref name="count"/> signed office visits (documented March 2026, long before the processes' "now").</summary>
        public string WriteCsv(string name, string prefix, int count)
        {
            var csv = new StringBuilder("external_id,physician_npi,patient_family_name,patient_given_name,patient_birth_date,patient_sex,patient_member_id,date_of_service,place_of_service,documentation_completed_at,note\n");
            for (var i = 1; i <= count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i},{CliWorld.Npi},Garcia,Luis,1958-07-04,M,MBR{i:D6},2026-03-02,11,2026-03-02T18:00:00Z,\"Type 2 diabetes without complications; metformin continued. Visit {i}.\"\n");
            }

            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
            return path;
        }

        /// <summary>
        /// <paramref name="count"/> encounters received in March 2026, each with a documentation query
        /// and a coding waiting for it: at the processes' "now" every query is long overdue.
        /// </summary>
        public async Task QueriedAndCodedAsync(int count)
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero));
            var store = await OpenAsync(clock);
            using var file = new StreamReader(WriteCsv("queried.csv", "Q", count));
            var visits = Core.Intake.EncounterCsvReader.Read(file).ToList();
            await new EncounterIntake(store).ImportAsync("FM-NORTH", "ACME", () => visits, "setup", ct: Ct);
            var queries = new QueryDesk(store);
            var coding = new CodingDesk(store, new Core.Edits.ClaimEditor(Core.CodeSets.Starter.StarterCodeSet.Library()));
            var submission = new Core.Workflow.CodingSubmission([Core.Codes.IcdCode.Parse("E11.9")],
                [new Core.Coding.ServiceLine(Core.Codes.ProcedureCode.Parse("99213"), [], 1, Core.Codes.Money.Parse("120.00"), [1])]);
            foreach (var visit in visits)
            {
                await queries.RaiseAsync(visit.ExternalId, "jdoe", QueryCategory.DiagnosisSpecificity, "Can the diabetes be documented with greater specificity?", [], Ct);
                await coding.SubmitAsync(visit.ExternalId, submission, "jdoe", null, Ct);
            }
        }

        /// <summary>Starts one <c>codeledger</c> process per command line, all before waiting for any, and waits for all.</summary>
        public async Task<ProcessRun[]> RunTogetherAsync(params string[][] commands)
        {
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var cli = Path.Combine(AppContext.BaseDirectory, "codeledger.dll");
            var processes = commands.Select(args =>
            {
                var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                info.ArgumentList.Add(cli);
                foreach (var arg in args.Concat(["--db", Spec]))
                {
                    info.ArgumentList.Add(arg);
                }

                info.Environment["CODELEDGER_PHI_KEY"] = _key.ToBase64();
                info.Environment.Remove("CODELEDGER_DB");
                return Process.Start(info) ?? throw new InvalidOperationException("could not start " + dotnet);
            }).ToList();

            var runs = new List<ProcessRun>();
            foreach (var process in processes)
            {
                using (process)
                {
                    var output = process.StandardOutput.ReadToEndAsync(Ct);
                    var error = process.StandardError.ReadToEndAsync(Ct);
                    await process.WaitForExitAsync(Ct);
                    runs.Add(new ProcessRun(process.ExitCode, await output, await error));
                }
            }

            return [.. runs];
        }

        public async ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (_pgAdmin is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(_pgAdmin);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }

            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private sealed record ProcessRun(int Exit, string Out, string Error)
    {
        public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Error}";
    }
}
