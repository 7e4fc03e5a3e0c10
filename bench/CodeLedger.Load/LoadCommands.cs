using System.CommandLine;
using System.Globalization;

namespace CodeLedger.Load;

/// <summary><c>prepare</c> writes a world to load; <c>run</c> loads a running host and prints what it measured.</summary>
internal static class LoadCommands
{
    public static Command Prepare()
    {
        var db = new Option<string>("--db") { Description = "the database the host will serve (SQLite file or Host=... connection string)", Required = true };
        var physicians = new Option<int>("--physicians") { Description = "physicians, one per client (default 50)", DefaultValueFactory = _ => 50 };
        var queries = new Option<int>("--queries") { Description = "open queries per physician (default 200)", DefaultValueFactory = _ => 200 };
        var output = new Option<string>("--physicians-file") { Description = "where to write the physicians' NPIs, one a line (default physicians.txt)", DefaultValueFactory = _ => "physicians.txt" };
        var command = new Command("prepare", "Write a vendor, two practices, their physicians and open queries into a database, and list the NPIs.");
        command.Options.Add(db);
        command.Options.Add(physicians);
        command.Options.Add(queries);
        command.Options.Add(output);
        command.SetAction(async (parse, ct) =>
        {
            var npis = await LoadWorld.WriteAsync(parse.GetValue(db)!, parse.GetValue(physicians), parse.GetValue(queries), Console.Out, ct);
            await File.WriteAllLinesAsync(parse.GetValue(output)!, npis, ct);
            Console.WriteLine($"{npis.Count} physicians written to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    public static Command Run()
    {
        var url = new Option<string>("--url") { Description = "the host (default http://127.0.0.1:5080)", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var clients = new Option<int>("--clients") { Description = "concurrent clients (default 50)", DefaultValueFactory = _ => 50 };
        var seconds = new Option<int>("--seconds") { Description = "how long (default 60)", DefaultValueFactory = _ => 60 };
        var physicians = new Option<string>("--physicians-file") { Description = "NPIs, one a line (from prepare); client i acts for line i mod n", DefaultValueFactory = _ => "physicians.txt" };
        var tokens = new Option<string?>("--tokens") { Description = "bearer tokens, one a line; client i sends line i mod n (none: no Authorization header)" };
        var hostPid = new Option<int?>("--host-pid") { Description = "the host's process id, to report its CPU time over the run" };
        var answers = new Option<double>("--answer-share") { Description = "share of requests that answer a query (default 0.5; the rest list the queue)", DefaultValueFactory = _ => 0.5 };
        var list = new Option<string>("--list") { Description = "what a list asks besides the physician (default status=open: the first page, 50, of the open queue; \"\" asks for the whole first page of all statuses)", DefaultValueFactory = _ => "status=open" };
        var command = new Command("run", "Load a running host: list queues and answer queries, then print requests, errors, p50/p95/p99 latency, throughput and the host's CPU time.");
        foreach (var option in new Option[] { url, clients, seconds, physicians, tokens, hostPid, answers, list })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var options = new LoadOptions(new Uri(parse.GetValue(url)!), parse.GetValue(clients), TimeSpan.FromSeconds(parse.GetValue(seconds)),
                await File.ReadAllLinesAsync(parse.GetValue(physicians)!, ct) is { Length: > 0 } npis ? [.. npis.Where(l => l.Length > 0)] : throw new InvalidOperationException("no physicians in the file"),
                parse.GetValue(tokens) is { } file ? [.. (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Length > 0)] : [],
                parse.GetValue(hostPid), parse.GetValue(answers), parse.GetValue(list));
            var report = await LoadRun.RunAsync(options, ct);
            Console.WriteLine(report.ToText(options));
            return report.Errors == 0 ? 0 : 1;
        });
        return command;
    }
}

internal sealed record LoadOptions(Uri Url, int Clients, TimeSpan Duration, IReadOnlyList<string> Physicians, IReadOnlyList<string> Tokens, int? HostPid, double AnswerShare, string? ListQuery);

internal static class Format
{
    public static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
