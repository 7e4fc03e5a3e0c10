using System.Diagnostics;

// Paired A/B timing of two (or more) builds of CodeLedger.X12 in one process, for a machine whose
// speed drifts: each build is loaded into its own AssemblyLoadContext and the builds parse the
// same file in turn, so a slow spell of the machine slows them alike. The first three rounds warm
// up and are not counted.
//
//   dotnet run -c Release --project bench/x12-ab -- FILE ROUNDS DIR_A DIR_B ...
//
// where each DIR holds a CodeLedger.X12.dll (for example `dotnet build -c Release
// src/CodeLedger.X12 -o /tmp/a` on one commit and `-o /tmp/b` on another). Manual, not in CI.
//
//   dotnet run -c Release --project bench/x12-ab -- --spells FILE ROUNDS DIR
//
// interleaves the parse with three workloads that isolate one resource each (see Spells.cs), to
// tell which part of the machine a slow spell slows.
var spells = args.Length > 0 && args[0] == "--spells";
if (spells ? args.Length != 4 : args.Length < 3)
{
    return Usage();
}

var arguments = spells ? args[1..] : args;
if (Builds.Problem(arguments[0], arguments[1], arguments[2..]) is { } problem)
{
    Console.Error.WriteLine($"x12-ab: {problem}");
    return 2;
}

var data = File.ReadAllBytes(arguments[0]);
var rounds = int.Parse(arguments[1], System.Globalization.CultureInfo.InvariantCulture);
if (spells)
{
    return Spells.Run(data, rounds, Builds.Parser(arguments[2], data));
}

var dirs = args.Skip(2).ToArray();
var parsers = dirs.Select(dir => Builds.Parser(dir, data)).ToArray();

var seconds = dirs.Select(_ => new List<double>()).ToArray();
var cpuSeconds = dirs.Select(_ => new List<double>()).ToArray();
for (var round = 0; round < rounds; round++)
{
    // The order rotates each round, so no build always runs right after the same other one.
    for (var step = 0; step < parsers.Length; step++)
    {
        var i = (step + round) % parsers.Length;
        var cpuBefore = ThreadCpu.Seconds();
        var clock = Stopwatch.StartNew();
        parsers[i]();
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = ThreadCpu.Seconds() - cpuBefore;
        if (round >= 3)
        {
            seconds[i].Add(elapsed);
            cpuSeconds[i].Add(cpu);
        }
    }
}

var megabytes = data.Length / 1e6;
for (var i = 0; i < dirs.Length; i++)
{
    Console.WriteLine($"{dirs[i]}, over {seconds[i].Count} parses:");
    Console.WriteLine($"  wall: {Summary(seconds, i)}");
    Console.WriteLine($"  CPU:  {Summary(cpuSeconds, i)}");
}

return 0;

// Each round's time over the first build's time in the same round: the machine's drift between
// rounds cancels out of the ratio, so its median is steadier than either median speed. CPU time
// (the parsing thread's, which runs the collections with background GC off) leaves out time the thread waited for the core, but a
// sibling hyperthread slows the instructions themselves, so it drifts too.
string Summary(List<double>[] times, int i)
{
    var sorted = times[i].Order().ToList();
    var ratios = times[0].Zip(times[i], (first, other) => first / other).Order().ToList();
    var paired = i == 0 ? string.Empty : $"; paired speed-up over {dirs[0]}: median {ratios[ratios.Count / 2]:F3}x (middle half {ratios[ratios.Count / 4]:F3}–{ratios[ratios.Count * 3 / 4]:F3})";
    return $"median {megabytes / sorted[sorted.Count / 2]:F1} MB/s, best {megabytes / sorted[0]:F1} MB/s{paired}";
}

static int Usage()
{
    Console.Error.WriteLine("usage: x12-ab FILE ROUNDS DIR [DIR...]   or   x12-ab --spells FILE ROUNDS DIR");
    return 2;
}
