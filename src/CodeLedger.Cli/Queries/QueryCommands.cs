using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Common;
using CodeLedger.Core.Queries;
using CodeLedger.Storage.Workflow;

namespace CodeLedger.Cli.Queries;

/// <summary><c>codeledger queries raise|answer|list|expire</c>: structured documentation queries to physicians.</summary>
internal static class QueryCommands
{
    public const string ExpiryActor = "query-expiry";

    public static Command Create(CliConsole console)
    {
        var queries = new Command("queries", "Documentation queries: raise, answer, list, and expire overdue ones (for a scheduler).");
        queries.Subcommands.Add(Raise(console));
        queries.Subcommands.Add(Answer(console));
        queries.Subcommands.Add(List(console));
        queries.Subcommands.Add(Expire(console));
        return queries;
    }

    private static Command Raise(CliConsole console)
    {
        var encounter = new Argument<string>("ENCOUNTER") { Description = "the encounter's id, or the practice's external id" };
        var category = new Option<string>("--category") { Description = "one of: " + string.Join(", ", QueryCategories.All), Required = true };
        var question = new Option<string>("--question") { Description = "the question (non-leading; never about payment)", Required = true };
        var choices = new Option<string[]>("--choice") { Description = "a choice of a multiple-choice query (repeat; must include \"other\" and \"clinically undetermined\")", AllowMultipleArgumentsPerToken = false };
        var asCoder = new Option<string?>("--as") { Description = "the coder's user name (default $CODELEDGER_USER or the login name); a coder or coding-lead user" };
        var command = new Command("raise", "Ask the physician who documented an encounter to clarify it; due after the contract's response window.");
        command.Arguments.Add(encounter);
        command.Options.Add(category);
        command.Options.Add(question);
        command.Options.Add(choices);
        command.Options.Add(asCoder);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            if (!QueryCategories.TryParse(parse.GetValue(category), out var c))
            {
                throw new CliException($"--category '{parse.GetValue(category)}' is not one of: {string.Join(", ", QueryCategories.All)}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var coder = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asCoder), Core.Accounts.AccountRules.RaiseQuery, "raising a query", ct);
            var query = await new QueryDesk(store).RaiseAsync(parse.GetValue(encounter)!, coder, c,
                parse.GetValue(question)!, parse.GetValue(choices) ?? [], ct);
            await console.Out.WriteLineAsync($"query {query.Id} raised, due {Instants.Format(query.DueAt)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Answer(CliConsole console)
    {
        var query = new Argument<Guid>("QUERY") { Description = "the query id" };
        var text = new Option<string>("--text") { Description = "the answer (for a multiple-choice query: one of its choices, or \"other: ...\")", Required = true };
        var asPhysician = new Option<string?>("--as") { Description = "the physician user who answers (default $CODELEDGER_USER or the login name); only the query's own physician" };
        var command = new Command("answer", "Answer a documentation query before it is due.");
        command.Arguments.Add(query);
        command.Options.Add(text);
        command.Options.Add(asPhysician);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var physician = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asPhysician), Core.Accounts.AccountRules.AnswerQuery, "answering a query", ct);
            var answered = await new QueryDesk(store).AnswerAsync(parse.GetValue(query), parse.GetValue(text)!, physician, ct);
            await console.Out.WriteLineAsync($"query {answered.Id} answered at {Instants.Format(answered.ClosedAt!.Value)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var physician = new Option<string?>("--physician") { Description = "the physician's NPI (the operator's listing)" };
        var asUser = new Option<string?>("--as") { Description = "the user who reads instead (a physician, a coder): the queries they may read, each read ledgered as phi.read" };
        var json = CommonOptions.Json();
        var command = new Command("list", "A physician's documentation queries, oldest first.");
        command.Options.Add(physician);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var (npi, reader) = (parse.GetValue(physician), parse.GetValue(asUser));
            if ((npi is null) == (reader is null))
            {
                throw new CliException("give exactly one of --physician NPI or --as USER");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var desk = new QueryDesk(store);
            var rows = reader is null
                ? await desk.ListAsync(npi!, ct)
                : await desk.ListAsync(await Accounts.CliPrincipal.ResolveAsync(store, reader, null, "reading queries", ct), ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(rows));
                return ExitCodes.Success;
            }

            foreach (var q in rows)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{q.Id} {q.Status,-10} due {q.DueAt} {q.Encounter} [{q.Category}] {q.Question}"));
                if (q.Choices.Count > 0)
                {
                    await console.Out.WriteLineAsync("    choices: " + string.Join(" | ", q.Choices));
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Expire(CliConsole console)
    {
        var command = new Command("expire", "Close overdue queries as unresolved and finalize their encounters with the latest coding of the note as documented, when it passed the edits (idempotent; for a scheduler).");
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var s = await new QueryDesk(store).ExpireOverdueAsync(ExpiryActor, ct);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{s.Expired} queries expired unresolved; {s.FinalizedWithoutResponse} encounters finalized without query response; {s.NothingCodedYet} still without coding; {s.LeftForCoder} left for a coder"));
            return ExitCodes.Success;
        }));
        return command;
    }
}
