using CodeLedger.Core.Codes;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage;

namespace CodeLedger.Cli.Tests.Workflow;

public sealed class SlaCommandTests
{
    private static async Task AddRivalContractAsync(CliWorld world)
    {
        var store = await CodeLedgerStore.OpenAsync(world.Db, world.Clock);
        await store.WriteAsync("setup", (db, _) =>
        {
            var practice = db.Organizations.Single(o => o.Code == "FM-NORTH");
            var rival = new Organization(Guid.NewGuid(), "RIVAL", "Rival Coding", OrganizationKind.CodingVendor);
            db.Add(rival);
            db.Add(new SlaContract(Guid.NewGuid(), practice.Id, rival.Id, new DateOnly(2020, 1, 1), 24, TurnaroundClockKind.CalendarHours, "America/New_York",
                WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), [], 95m, 72, true, false, new ServiceCreditSchedule(95m, 2m, 20m), Money.Parse("5000.00"), 3));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Practice_with_two_vendors_is_refused_without_vendor_naming_both()
    {
        using var world = await CliWorld.CreateAsync();
        await AddRivalContractAsync(world);

        var (exit, stdout, stderr) = world.Run("sla", "--practice", "FM-NORTH", "--month", "2026-03");

        Assert.Equal((1, string.Empty), (exit, stdout));
        Assert.Contains("SLA-VENDOR-REQUIRED", stderr, StringComparison.Ordinal);
        Assert.Contains("ACME, RIVAL", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_names_the_vendor_and_contract_it_measures()
    {
        using var world = await CliWorld.CreateAsync();
        await AddRivalContractAsync(world);

        var json = world.Run("sla", "--practice", "FM-NORTH", "--vendor", "RIVAL", "--month", "2026-03", "--json");
        var text = world.Run("sla", "--practice", "FM-NORTH", "--vendor", "ACME", "--month", "2026-03");

        Assert.Equal((0, 0), (json.Exit, text.Exit));
        using var report = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal(("FM-NORTH", "RIVAL", "2020-01-01", 24), (report.RootElement.GetProperty("practice").GetString(), report.RootElement.GetProperty("vendor").GetString(),
            report.RootElement.GetProperty("contractEffectiveOn").GetString(), report.RootElement.GetProperty("targetHours").GetInt32()));
        Assert.StartsWith("SLA FM-NORTH with ACME (contract effective 2020-01-01) 2026-03: target 48", text.Out, StringComparison.Ordinal);
    }
}
