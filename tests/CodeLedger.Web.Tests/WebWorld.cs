using System.Net.Http.Headers;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Storage;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Workflow;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeLedger.Web.Tests;

/// <summary>
/// A database with two practices (FM-NORTH and SOUTH, each with a BAA with the vendor ACME), a
/// physician at each (dr-chen, dr-south), the coder jdoe, a vendor admin, one encounter of dr-chen
/// with an open query, and the real web host over it on a fake clock. Passwords are
/// <see cref="Password"/>; tokens are issued per test.
/// </summary>
public sealed class WebWorld : IAsyncDisposable
{
    public const string Password = "correct horse battery";
    public const string ChenNpi = "1234567893";
    public const string SouthNpi = "1245319599";

    private WebWorld(string folder) => Folder = folder;

    public string Folder { get; }

    public string Db => Path.Combine(Folder, "web.db");

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero));

    public CodeLedgerStore Store { get; private set; } = null!;

    public AccountDesk Accounts => new(Store);

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    /// <summary>The open query of dr-chen.</summary>
    public Guid Query { get; private set; }

    /// <summary>The host's address when it runs on Kestrel (a browser needs a real port), else null.</summary>
    public Uri? Address { get; private set; }

    /// <summary>The world; with <paramref name="kestrel"/> the host listens on a free loopback port (<see cref="Address"/>).</summary>
    public static async Task<WebWorld> CreateAsync(bool kestrel = false)
    {
        var world = new WebWorld(Directory.CreateTempSubdirectory("codeledger-web-").FullName);
        File.Copy(MigratedTemplate.Value, world.Db);
        world.Store = await CodeLedgerStore.OpenAsync(world.Db, world.Clock);
        await world.SeedAsync();
        world.Host = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("CodeLedger:Database", world.Db)
            .UseSetting("CodeLedger:QueryExpiry:IntervalSeconds", "3600")
            .ConfigureServices(s => s.AddSingleton<TimeProvider>(world.Clock)));
        if (kestrel)
        {
            var port = FreePort();
            world.Host.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, port));
            world.Host.StartServer();
            world.Address = new Uri($"http://127.0.0.1:{port}");
        }

        return world;
    }

    /// <summary>
    /// An empty database with every migration applied, made once per test process and copied for each
    /// world: migrating took about half a world's making. The copy is what opening a new file leaves
    /// (the migrations, WAL mode in the file); its PHI key file is not copied, so each world's store
    /// makes its own, as for a new database.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("codeledger-web-template-").FullName;
        var db = Path.Combine(folder, "template.db");
        CodeLedgerStore.OpenAsync(db, TimeProvider.System).GetAwaiter().GetResult();

        // Closing the pooled connections checkpoints the write-ahead log into the file that is copied.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; an exception here would fail the run at exit.
            }
        };
        return db;
    });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Enrols a TOTP key for a user as if they had scanned it, and returns the key.</summary>
    public async Task<byte[]> EnrolAsync(string userName)
    {
        var key = await Accounts.StartSecondFactorAsync(userName);
        await Accounts.ConfirmSecondFactorAsync(userName, Core.Accounts.Totp.Code(key, Core.Accounts.Totp.StepAt(Clock.GetUtcNow())));

        // The next code is of a later step: a code is accepted once.
        Clock.Advance(Core.Accounts.Totp.Step);
        return key;
    }

    /// <summary>A client with a fresh token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName)
    {
        var token = await Accounts.IssueTokenAsync("test", userName, "test", Clock.GetUtcNow().AddDays(1));
        return Client(token.Token);
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    private async Task SeedAsync()
    {
        var north = new Organization(Guid.NewGuid(), "FM-NORTH", "Northside Family Medicine", OrganizationKind.Practice);
        var south = new Organization(Guid.NewGuid(), "SOUTH", "Southside Clinic", OrganizationKind.Practice);
        var vendor = new Organization(Guid.NewGuid(), "ACME", "Acme Coding Partners", OrganizationKind.CodingVendor);
        await Store.WriteAsync("setup", (db, ledger) =>
        {
            db.AddRange(north, south, vendor);
            foreach (var practice in new[] { north, south })
            {
                db.Add(new BusinessAssociateAgreement(Guid.NewGuid(), practice.Id, vendor.Id, "Dr. Ana Ruiz", "Sam Lee", new DateOnly(2019, 12, 1), new DateOnly(2020, 1, 1), null, new string('c', 64)));
                db.Add(new SlaContract(Guid.NewGuid(), practice.Id, vendor.Id, new DateOnly(2020, 1, 1), 48, TurnaroundClockKind.BusinessHours, "America/Chicago",
                    WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, true, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("9000.00"), 3));
            }

            db.Add(new Physician(Guid.NewGuid(), north.Id, "Dr. Maya Chen", Npi.Parse(ChenNpi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine")));
            db.Add(new Physician(Guid.NewGuid(), south.Id, "Dr. Omar Haddad", Npi.Parse(SouthNpi), TaxonomyCode.Parse("207Q00000X"), Specialty.Parse("family-medicine")));
            db.Add(new Coder(Guid.NewGuid(), vendor.Id, "jdoe", "Jane Doe", [new Credential(CredentialKind.Cpc, "CPC-1", new DateOnly(2020, 1, 1), new DateOnly(2099, 1, 1))], [Specialty.Parse("family-medicine")]));
            ledger.Append(north.Code, new OrganizationRegistered(north.Id, north.Name, north.Kind));
            return Task.CompletedTask;
        });

        var accounts = Accounts;
        await accounts.ApplyAsync("setup", new UserSpec("dr-chen", "Dr. Maya Chen", null, "FM-NORTH", "physician", PhysicianNpi: ChenNpi));
        await accounts.ApplyAsync("setup", new UserSpec("dr-south", "Dr. Omar Haddad", null, "SOUTH", "physician", PhysicianNpi: SouthNpi));
        await accounts.ApplyAsync("setup", new UserSpec("jdoe", "Jane Doe", null, "ACME", "coder"));
        await accounts.ApplyAsync("setup", new UserSpec("acme-admin", "Acme Admin", null, "ACME", "vendor-admin"));
        foreach (var user in new[] { "dr-chen", "dr-south", "jdoe", "acme-admin" })
        {
            await accounts.ResetPasswordAsync("setup", user, Password);
        }

        var documented = Clock.GetUtcNow().AddHours(-1);
        await new EncounterIntake(Store).ImportAsync("FM-NORTH", "ACME", () =>
        [
            new EncounterSubmission("web test", "EHR-1", Npi.Parse(ChenNpi), new PatientDemographics("Quillfeather", "Ada", new DateOnly(1958, 7, 4), PatientSex.Female, "MBR-SECRET-1"),
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, "Knee pain; examined.", documented),
        ], "intake-test");
        Query = (await new QueryDesk(Store).RaiseAsync("EHR-1", "jdoe", QueryCategory.Laterality, "Which knee was examined?", [])).Id;
    }

    /// <summary>
    /// What the monthly package pages need besides the base world: a finalized encounter of dr-chen
    /// (EHR-2, 99213, finalized on 2 March 2026 in the contract's zone), FM-NORTH's practice admin
    /// pa-north, SOUTH's pa-south, and BETA, a vendor whose BAA with FM-NORTH ended in 2025 (its
    /// admin beta-admin; its SLA contract still reaches into 2026). Returns the finalized outcome.
    /// </summary>
    public async Task<Storage.Workflow.CodingOutcome> AddReportingAsync()
    {
        var beta = new Organization(Guid.NewGuid(), "BETA", "Beta Coding Co", OrganizationKind.CodingVendor);
        await Store.WriteAsync("setup", async (db, ledger) =>
        {
            var north = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organizations, o => o.Code == "FM-NORTH");
            db.Add(beta);
            db.Add(new BusinessAssociateAgreement(Guid.NewGuid(), north.Id, beta.Id, "Dr. Ana Ruiz", "Bo Beta", new DateOnly(2019, 12, 1), new DateOnly(2020, 1, 1), new DateOnly(2025, 12, 31), new string('d', 64)));
            ledger.Append(beta.Code, new OrganizationRegistered(beta.Id, beta.Name, beta.Kind));
        });
        var accounts = Accounts;
        await accounts.ApplyAsync("setup", new UserSpec("pa-north", "North Admin", null, "FM-NORTH", "practice-admin"));
        await accounts.ApplyAsync("setup", new UserSpec("pa-south", "South Admin", null, "SOUTH", "practice-admin"));
        await accounts.ApplyAsync("setup", new UserSpec("beta-admin", "Beta Admin", null, "BETA", "vendor-admin"));
        foreach (var user in new[] { "pa-north", "pa-south", "beta-admin" })
        {
            await accounts.ResetPasswordAsync("setup", user, Password);
        }

        var documented = Clock.GetUtcNow().AddHours(-1);
        await new EncounterIntake(Store).ImportAsync("FM-NORTH", "ACME", () =>
        [
            new EncounterSubmission("web report test", "EHR-2", Npi.Parse(ChenNpi), new PatientDemographics("Quillfeather", "Ada", new DateOnly(1958, 7, 4), PatientSex.Female, "MBR-SECRET-1"),
                DateOnly.FromDateTime(documented.UtcDateTime), PlaceOfService.Office, "Diabetes and hypertension follow-up.", documented),
        ], "intake-test");
        var coding = new Core.Workflow.CodingSubmission([IcdCode.Parse("E11.9"), IcdCode.Parse("I10")],
            [new Core.Coding.ServiceLine(ProcedureCode.Parse("99213"), [], 1, Money.Parse("120.00"), [1, 2])]);
        return await new CodingDesk(Store, new Core.Edits.ClaimEditor(Core.CodeSets.Starter.StarterCodeSet.Library())).SubmitAsync("EHR-2", coding, "jdoe");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
