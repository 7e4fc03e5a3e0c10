using CodeLedger.Core.Common;
using CodeLedger.Storage;

namespace CodeLedger.Demo;

/// <summary>
/// One demo: a generated world written into a fresh database on a simulated clock, and its month
/// of operation planned, ready to run. The command line only parses options, runs it and prints.
/// </summary>
public sealed class DemoRun
{
    private readonly DemoWorkflow _workflow;

    private DemoRun(CodeLedgerStore store, DemoWorld world, DemoWorkflow workflow)
    {
        Store = store;
        World = world;
        _workflow = workflow;
    }

    public CodeLedgerStore Store { get; }

    public DemoWorld World { get; }

    /// <summary>Steps planned before the month starts (imports and expiry runs); coding steps are added as it runs.</summary>
    public int PlannedSteps => _workflow.PlannedSteps;

    /// <summary>
    /// Generates the world, prepares <paramref name="spec"/> (refusing a database the demo did not
    /// create: <see cref="DemoException"/>), writes the world and plans the month.
    /// <paramref name="time"/> is only used to open an existing database; the demo runs on its own clock.
    /// </summary>
    public static async Task<DemoRun> CreateAsync(string spec, int seed, int encounters, DateOnly month, TimeProvider time, CancellationToken ct = default)
    {
        var world = DemoGenerator.Generate(seed, encounters, month);
        await DemoDatabase.PrepareFreshAsync(spec, time, ct);
        var clock = new ManualClock(world.Practices.Min(p => p.Baa.SignedOn).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc));
        var store = await CodeLedgerStore.OpenAsync(spec, clock, ct);
        var random = DemoWorkflow.RandomFor(seed);
        await DemoWorldWriter.WriteAsync(store, clock, world, seed, random, ct);
        return new DemoRun(store, world, new DemoWorkflow(store, clock, world, random));
    }

    /// <summary>Runs the month; <paramref name="progress"/> gets the steps done so far (at most <see cref="PlannedSteps"/>).</summary>
    public Task<DemoCounts> RunMonthAsync(Action<int>? progress = null, CancellationToken ct = default) => _workflow.RunAsync(progress, ct);
}
