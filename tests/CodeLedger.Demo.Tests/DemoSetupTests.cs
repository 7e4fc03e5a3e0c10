using CodeLedger.Core.Setup;
using CodeLedger.Testing;

namespace CodeLedger.Demo.Tests;

/// <summary>The demo's setup is a setup file: the shipped example is exactly what the demo applies.</summary>
public sealed class DemoSetupTests
{
    [Fact]
    public void The_shipped_example_is_the_setup_the_demo_applies()
    {
        var applied = DemoSetup.Of(seed: 2026, encounters: 2000, new DateOnly(2026, 10, 1));

        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "examples", "demo-setup.yaml")), SetupWriter.Yaml(applied));
    }

    [Fact]
    public void The_demo_s_setup_reads_back_through_the_setup_reader_unchanged()
    {
        var applied = DemoSetup.Of(seed: 2026, encounters: 2000, new DateOnly(2026, 10, 1));

        Assert.True(applied.SameAs(SetupReader.Read(SetupWriter.Yaml(applied), "demo-setup.yaml")));
    }
}
