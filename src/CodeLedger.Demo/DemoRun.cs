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
    /// <paramref name="billing"/> false leaves the billing out (no payers, coverage, fees or claims: a database to try the
    /// billing commands on by hand); its ledger is then exactly the demo's before billing was added. The 837Ps go to the
    /// outbox beside a SQLite database (<c>DB.outbox/</c>) and the 999s and 835s to <c>DB.inbox/</c>; for PostgreSQL to
    /// <paramref name="files"/> (<c>outbox/</c> and <c>inbox/</c>), which the CLI takes from --out or a temporary folder.
    /// </summary>
    public static async Task<DemoRun> CreateAsync(string spec, int seed, int encounters, DateOnly month, TimeProvider time, CancellationToken ct = default,
        bool billing = true, string? files = null)
    {
        var world = DemoGenerator.Generate(seed, encounters, month);
        var (outbox, inbox) = DemoDatabase.BillingFolders(spec, files);
        await DemoDatabase.PrepareFreshAsync(spec, time, ct, billing ? [outbox, inbox] : []);
        var clock = new ManualClock(world.Practices.Min(p => p.Baa.SignedOn).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc));
        // The PHI key is derived from the seed, so the keyed hashes in the ledger, and with them its
        // head, are the same on every run; the key is public, and a demo database never holds real PHI.
        var key = PhiKey.ForDemo(seed);
        await PhiKeys.KeepBesideNewDatabaseAsync(spec, key, ct);
        var store = await CodeLedgerStore.OpenAsync(spec, clock, key, ct);
        var random = DemoWorkflow.RandomFor(seed);
        await DemoWorldWriter.WriteAsync(store, clock, world, seed, random, billing, ct);
        var workflow = billing
            ? new DemoWorkflow(store, clock, world, random, BillingRandomFor(seed), outbox, inbox)
            : new DemoWorkflow(store, clock, world, random);
        return new DemoRun(store, clock, world, workflow, seed) { Outbox = billing ? outbox : null, Inbox = billing ? inbox : null };
    }

    /// <summary>
    /// The billing's own generator (coverage, ids of claims, acknowledgments and postings, the payers'
    /// decisions): apart from the month's, so the month without billing is the same month.
    /// </summary>
    public static Random BillingRandomFor(int seed) => new(unchecked((seed * 104_729) + 31));

    /// <summary>Where the 837Ps went (a folder per practice), or null without billing.</summary>
    public string? Outbox { get; private init; }

    /// <summary>Where the 999s and 835s the demo's partners sent were kept (a folder per practice), or null without billing.</summary>
    public string? Inbox { get; private init; }

    /// <summary>What the month's billing did (all zero without billing).</summary>
    public DemoBillingCounts BillingCounts => _workflow.BillingCounts;

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
