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
}
