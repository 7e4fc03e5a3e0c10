using Spectre.Console;

namespace CodeLedger.Cli;

/// <summary>
/// A progress bar on a terminal; nothing at all when output is redirected, so logs and pipes
/// stay clean.
/// </summary>
internal static class CliProgress
{
    public static async Task RunAsync(CliConsole console, string description, long total, Func<Action<long>, Task> work)
    {
        if (!console.IsInteractive)
        {
            await work(_ => { });
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: total);
                await work(done => task.Value = done);
            });
    }
}
