using System.Text.Json;

namespace CodeLedger.Cli.Tests.X12;

/// <summary>
/// The runtime settings the shipped command starts with. The GC sizes its young generation from
/// the CPU's cache, so without a cap the working set of `x12 parse` on a 1 GB file depends on the
/// machine (61 MB on the development VM, 127 MB where the L3 reads 256 MB; docs/PERFORMANCE.md).
/// </summary>
public class X12MemoryCeilingTests
{
    private static JsonElement ConfigProperties()
    {
        // The command's runtime config is copied beside the tests with its assembly.
        var path = Path.Combine(AppContext.BaseDirectory, "codeledger.runtimeconfig.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
    }

    [Fact]
    public void The_command_caps_the_young_generation_at_16_MB_on_any_machine()
    {
        Assert.Equal(16L * 1024 * 1024, ConfigProperties().GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }

    [Fact]
    public void The_command_keeps_the_runtime_default_background_GC()
    {
        // Turning it off was for the throughput bench, which now lives in bench/ with its own setting.
        Assert.False(ConfigProperties().TryGetProperty("System.GC.Concurrent", out _));
    }
}
