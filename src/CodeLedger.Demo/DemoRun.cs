using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;

namespace CodeLedger.Demo;

/// <summary>
/// One demo: a generated world written into a fresh database on a simulated clock, and its month
/// of operation planned, ready to run. The command line only parses options, runs it and prints.
/// </summary>
public sealed class DemoRun
{
    private readonly DemoWorkflow _workflow;
    private readonly int _seed;

    private readonly ManualClock _clock;

    private DemoRun(CodeLedgerStore store, ManualClock clock, DemoWorld world, DemoWorkflow workflow, int seed)
    {
        _clock = clock;
        Store = store;
        World = world;
        _workflow = workflow;
        _seed = seed;
    }

    public CodeLedgerStore Store { get; }

    public DemoWorld World { get; }

    /// <summary>The independent audit of each practice run after the month (<see cref="DemoAudits"/>), in the world's order of practices.</summary>
    public IReadOnlyList<DemoAudit> Audits { get; private set; } = [];

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
        // The PHI key is derived from the seed, so the keyed hashes in the ledger, and with them its
        // head, are the same on every run; the key is public, and a demo database never holds real PHI.
        var key = PhiKey.ForDemo(seed);
        await PhiKeys.KeepBesideNewDatabaseAsync(spec, key, ct);
        var store = await CodeLedgerStore.OpenAsync(spec, clock, key, ct);
        var random = DemoWorkflow.RandomFor(seed);
        await DemoWorldWriter.WriteAsync(store, clock, world, seed, random, ct);
        return new DemoRun(store, clock, world, new DemoWorkflow(store, clock, world, random), seed);
    }

    /// <summary>
    /// Runs the month and the audits of it (<see cref="DemoAudits"/>), then appends demo.finished, the demo's last event: anything after it in the
    /// ledger was not written by the demo (<see cref="DemoDatabase"/>). <paramref name="progress"/>
    /// gets the steps done so far (at most <see cref="PlannedSteps"/>).
    /// </summary>
    public async Task<DemoCounts> RunMonthAsync(Action<int>? progress = null, CancellationToken ct = default)
    {
        var counts = await _workflow.RunAsync(progress, ct);
        Audits = await DemoAudits.RunAsync(Store, _clock, World, _seed, ct);
        await Store.WriteAsync(DemoWorldWriter.Admin, (_, ledger) =>
        {
            ledger.Append("demo", new DemoFinished(_seed, World.Encounters.Count, World.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
            return Task.CompletedTask;
        }, ct);
        return counts;
    }
}
