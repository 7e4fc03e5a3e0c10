using CodeLedger.Cli.Tests.Workflow;
using CodeLedger.Storage;
using CodeLedger.Storage.Claims;
using Microsoft.Data.Sqlite;

namespace CodeLedger.Cli.Tests.Claims;

/// <summary>
/// Practice-side verification where the vendor codes outside CodeLedger: the practice imports its
/// encounters (never coded here) and then the vendor's 837P; the audit population and the coding of
/// record come from the imported claims, the latest version imported before the sample was drawn.
/// </summary>
public sealed class VendorClaimPopulationTests
{
    private static readonly DateOnly Dos = TestClock.Now.AddHours(-2).ToDateOnly();

    private static BilledEncounter Billed(string key, string procedure) =>
        new(key, Dos, CliWorld.Npi, ["E119", "I10"], [new BilledLine(procedure, [], 1, "120.00", [1, 2])]);

    [Fact]
    public async Task Encounters_coded_outside_codeledger_enter_the_population_with_the_vendors_latest_claim_before_the_sample()
    {
        using var world = await CliWorld.CreateAsync();
        Assert.Equal(0, world.Run("import", "encounters", world.Write("a.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME").Exit);
        Assert.Equal(0, world.Run("import", "encounters", world.Write("b.json", CliWorld.Bundle("EHR-2")), "--practice", "FM-NORTH", "--vendor", "ACME").Exit);
        var first = world.Run("import", "claims", Write(world, "v1.837", [Billed("EHR-2", "99213"), Billed("EHR-1", "99213")]), "--practice", "FM-NORTH", "--vendor", "ACME", "--as", "mallory");
        Assert.True(first.Exit == 0, first.Err);
        var sampledAt = world.Clock.GetUtcNow();
        world.Clock.Advance(TimeSpan.FromHours(3));
        var second = world.Run("import", "claims", Write(world, "v2.837", [Billed("EHR-1", "99214")], "000000202"), "--practice", "FM-NORTH", "--vendor", "ACME", "--as", "mallory");
        Assert.True(second.Exit == 0, second.Err);

        // No `ledger verify` here: this world's setup is seeded without its events, so its encounters do not replay;
        // ImportClaimsCommandTests verifies imports on the demo, whose whole state replays.

        var store = await CodeLedgerStore.OpenAsync(world.Db, world.Clock, TestContext.Current.CancellationToken);
        var reader = new AuditPopulationReader(store);
        var practiceId = await PracticeIdAsync(store);
        var rows = await reader.LoadAsync(practiceId, Dos, Dos, "family-medicine", TestContext.Current.CancellationToken);

        Assert.Equal(["EHR-1", "EHR-2"], rows.Select(r => r.EncounterKey));
        Assert.All(rows, r => Assert.Equal((CliWorld.Npi, "family-medicine", (Guid?)null, Dos, AuditCodingSource.VendorClaim), (r.PhysicianNpi, r.Specialty, r.CoderId, r.DateOfService, r.Source)));
        Assert.Empty(await reader.LoadAsync(practiceId, Dos.AddDays(1), Dos.AddDays(30), null, TestContext.Current.CancellationToken));
        Assert.Empty(await reader.LoadAsync(practiceId, Dos, Dos, "cardiology", TestContext.Current.CancellationToken));

        var atSample = await reader.LoadVendorCodingAsync(rows[0].EncounterId, sampledAt, TestContext.Current.CancellationToken);
        var latest = await reader.LoadVendorCodingAsync(rows[0].EncounterId, null, TestContext.Current.CancellationToken);
        Assert.Equal((AuditCodingSource.VendorClaim, 1, "99213"), (atSample!.Source, atSample.Version, atSample.Lines[0].Code.Value));
        Assert.Equal((2, "99214"), (latest!.Version, latest.Lines[0].Code.Value));
        Assert.Equal(["E119", "I10"], latest.Diagnoses.Select(d => d.Value));
        Assert.Null(await reader.LoadVendorCodingAsync(rows[0].EncounterId, sampledAt.AddHours(-1), TestContext.Current.CancellationToken));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Encounters_without_any_vendor_coding_are_not_in_the_population()
    {
        using var world = await CliWorld.CreateAsync();
        Assert.Equal(0, world.Run("import", "encounters", world.Write("a.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME").Exit);
        var store = await CodeLedgerStore.OpenAsync(world.Db, world.Clock, TestContext.Current.CancellationToken);

        Assert.Empty(await new AuditPopulationReader(store).LoadAsync(await PracticeIdAsync(store), Dos, Dos, null, TestContext.Current.CancellationToken));
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_practice_without_a_baa_with_the_vendor_is_refused()
    {
        using var world = await CliWorld.CreateAsync();
        Assert.Equal(0, world.Run("users", "add", "admin-nobaa", "--name", "No BAA Admin", "--org", "NO-BAA", "--role", "practice-admin").Exit);

        var run = world.Run("import", "claims", Write(world, "v1.837", [Billed("EHR-9", "99213")]), "--practice", "NO-BAA", "--vendor", "ACME", "--as", "admin-nobaa");

        Assert.Equal(1, run.Exit);
        Assert.Contains("BAA-NOT-IN-FORCE", run.Err, StringComparison.Ordinal);
    }

    private static string Write(CliWorld world, string name, BilledEncounter[] encounters, string control = "000000101")
    {
        var path = Path.Combine(world.Folder, name);
        File.WriteAllBytes(path, VendorClaimFiles.Write(encounters, control));
        return path;
    }

    private static async Task<Guid> PracticeIdAsync(CodeLedgerStore store)
    {
        await using var db = store.CreateContext();
        return db.Organizations.First(o => o.Code == "FM-NORTH").Id;
    }
}

internal static class DateExtensions
{
    public static DateOnly ToDateOnly(this DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
