namespace CodeLedger.Cli.Tests.Foundation;

public class CommandLineTests
{
    public static TheoryData<string[]> EveryCommand()
    {
        var data = new TheoryData<string[]>();
        var root = CodeLedgerCommand.Build(new CliConsole(TextWriter.Null, TextWriter.Null));
        void Walk(System.CommandLine.Command command, List<string> path)
        {
            data.Add([.. path, "--help"]);
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, [.. path, sub.Name]);
            }
        }

        Walk(root, []);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Every_command_has_help(string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_a_usage_error() => Assert.Equal(2, CliRun.Of("ledger", "verify", "--frobnicate").ExitCode);

    [Fact]
    public void Unknown_command_is_a_usage_error() => Assert.Equal(2, CliRun.Of("launch-rockets").ExitCode);

    [Fact]
    public void Bad_month_is_a_usage_error() => Assert.Equal(2, CliRun.Of("demo", "--db", "/tmp/never.db", "--month", "October").ExitCode);

    [Fact]
    public void Bad_sla_month_is_a_usage_error_found_before_any_database_is_opened()
    {
        using var folder = new TempFolder();
        var run = CliRun.Of("sla", "--practice", "NORTHSIDE-FM", "--month", "2026-13", "--db", folder.File("never.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--month '2026-13'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("never.db")));
    }

    [Fact]
    public void X12_text_summary_of_a_file_without_a_version_has_no_dangling_separator()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("empty.x12"), string.Empty);
        var run = CliRun.Of("x12", "parse", folder.File("empty.x12"));
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("empty.x12: unknown, 0 interchange(s)", run.Out, StringComparison.Ordinal);
    }
}
