using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Accounts;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Audits;
using CodeLedger.Storage;
using CodeLedger.Storage.Audits;

namespace CodeLedger.Cli.Audits;

/// <summary>
/// <c>codeledger audit sample|list|samples|record|vendor-codes|rebut|adjudicate|report</c>: coding
/// audits through <see cref="AuditDesk"/> (docs/AUDIT.md, "Commands and API"). Every refusal is an
/// AUDIT-* (or account, coding) code with exit 1 and nothing changed; usage errors exit 2.
/// </summary>
internal static class AuditCommands
{
    public static Command Create(CliConsole console)
    {
        var audit = new Command("audit", "Coding audits: draw a seeded sample, re-code it blind, compare, rebut, adjudicate, report accuracy with its Wilson interval.");
        audit.Subcommands.Add(Sample(console));
        audit.Subcommands.Add(List(console));
        audit.Subcommands.Add(Samples(console));
        audit.Subcommands.Add(Record(console));
        audit.Subcommands.Add(VendorCodes(console));
        audit.Subcommands.Add(Rebut(console));
        audit.Subcommands.Add(Adjudicate(console));
        audit.Subcommands.Add(Report(console));
        return audit;
    }

    private static Option<string?> As(string who) => new("--as") { Description = $"{who} (default $CODELEDGER_USER or the login name)" };

    private static Argument<string> AuditId() => new("AUDIT") { Description = "the audit's id (or a unique prefix of at least 8 characters), as `audit sample` and `audit list` print it" };

    private static Command Sample(CliConsole console)
    {
        var practice = new Option<string>("--practice") { Description = "the audited practice's code", Required = true };
        var from = new Option<string>("--from") { Description = "first date of service, YYYY-MM-DD (inclusive)", Required = true };
        var to = new Option<string>("--to") { Description = "last date of service, YYYY-MM-DD (inclusive)", Required = true };
        var size = new Option<int?>("--size") { Description = "a fixed sample size n" };
        var margin = new Option<decimal?>("--margin") { Description = "margin at 95% confidence, e.g. 0.05 (with --expected): n from the calculator" };
        var expected = new Option<decimal?>("--expected") { Description = "expected accuracy, e.g. 0.95 (with --margin)" };
        var perPhysician = new Option<int?>("--per-physician") { Description = "K encounters per rendering physician (equal allocation; a probe)" };
        var specialty = new Option<string?>("--specialty") { Description = "only encounters of this specialty (slug)" };
        var seed = new Option<string>("--seed") { Description = "the announced seed (text); the sample is a function of it", Required = true };
        var auditorOrg = new Option<string>("--auditor-org") { Description = "the auditing organization's code (an audit firm, or the practice itself)", Required = true };
        var isInternal = new Option<bool>("--internal") { Description = "an internal audit (the vendor's own QA): allowed to anyone, labeled internal in every figure" };
        var adjudicator = new Option<string?>("--adjudicator") { Description = "the user who decides rebuttals: a practice admin or auditor of the practice or the auditing organization (default: --as)" };
        var factors = new Option<FileInfo>("--conversion-factors") { Description = "the conversion factor CSV (year,date_start,date_end,cf_type,conversion_factor,...): the factors of the frame's dates are stored with the audit", Required = true };
        var asUser = As("a practice admin of the practice or an auditor of the auditing organization");
        var json = CommonOptions.Json();
        var command = new Command("sample", "Create an audit engagement and draw its sample (SHA-256 of seed and encounter key); the auditing organization is granted exactly the sampled encounters.");
        foreach (var option in new Option[] { practice, from, to, size, margin, expected, perPhysician, specialty, seed, auditorOrg, isInternal, adjudicator, factors, asUser, json })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var first = CliDates.Parse(parse.GetValue(from), "--from");
            var last = CliDates.Parse(parse.GetValue(to), "--to");
            var file = parse.GetValue(factors)!;
            ConversionFactorTable table;
            try
            {
                using var reader = new StreamReader(file.FullName);
                table = ConversionFactorTable.Read(reader, file.Name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {file.Name}: {e.Message}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Plan, "planning an audit", ct);
            var summary = await new AuditDesk(store).SampleAsync(new AuditSampleRequest(parse.GetValue(practice)!, first, last, parse.GetValue(seed), parse.GetValue(auditorOrg)!, table,
                parse.GetValue(size), parse.GetValue(margin), parse.GetValue(expected), parse.GetValue(perPhysician), parse.GetValue(specialty), parse.GetValue(isInternal),
                parse.GetValue(adjudicator)), principal, ct);
            await console.Out.WriteLineAsync(parse.GetValue(json) ? WorkflowCli.Serialize(summary) : Line(summary));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Line(AuditSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"audit {s.Id:D}: {s.Practice} audited by {s.AuditorOrganization} ({s.Kind}), adjudicator {s.Adjudicator}; {s.Sampled} of {s.FrameSize} encounters sampled, {s.Recorded} recorded; granted until {s.GrantedUntil}\n  {s.Plan}");

    private static Command List(CliConsole console)
    {
        var asUser = As("any user; lists the audits they take part in");
        var json = CommonOptions.Json();
        var command = new Command("list", "The audits you take part in, newest first.");
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), null, "listing audits", ct);
            var list = await new AuditDesk(store).ListAsync(principal, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(list));
            }
            else
            {
                foreach (var s in list)
                {
                    await console.Out.WriteLineAsync(Line(s));
                }

                await console.Out.WriteLineAsync($"{list.Count} audit(s)");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Samples(CliConsole console)
    {
        var id = AuditId();
        var asUser = As("a user taking part in the audit");
        var json = CommonOptions.Json();
        var command = new Command("samples", "The sampled encounters of an audit in draw order: position, encounter id, date of service, physician NPI, stratum, recorded or not.");
        command.Arguments.Add(id);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), null, "reading an audit's sample", ct);
            var list = await new AuditDesk(store).SampleListAsync(parse.GetValue(id)!, principal, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(list));
                return ExitCodes.Success;
            }

            foreach (var m in list)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Position,4} {m.Encounter} {m.DateOfService:yyyy-MM-dd} {m.Physician} {m.Stratum} {(m.Recorded ? "recorded" : "to code")}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Record(CliConsole console)
    {
        var id = AuditId();
        var encounter = new Option<string>("--encounter") { Description = "the sampled encounter (the practice's encounter id)", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "the auditor's coding.json (the shape `code` takes: diagnoses, lines, optional em)", Required = true };
        var asUser = As("an auditor of the auditing organization");
        var json = CommonOptions.Json();
        var command = new Command("record", "Record your blind re-coding of a sampled encounter (once; the vendor's codes are shown only after).");
        command.Arguments.Add(id);
        command.Options.Add(encounter);
        command.Options.Add(file);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            string text;
            try
            {
                text = await File.ReadAllTextAsync(path.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path.Name}: {e.Message}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Record, "recording an audit's coding", ct);
            AuditRecorded r;
            try
            {
                r = await new AuditDesk(store).RecordAsync(parse.GetValue(id)!, parse.GetValue(encounter)!, text, principal, ct);
            }
            catch (Core.Common.DomainException e) when (e.Error == Core.Coding.CodingErrors.Invalid)
            {
                // The file is named with the field the coding's own refusal names.
                throw new CliException($"{e.Error.Value}: {path.Name}: {e.Message}", e.Error.ExitStatus);
            }

            await console.Out.WriteLineAsync(parse.GetValue(json) ? WorkflowCli.Serialize(r)
                : $"recorded encounter {r.Encounter} in audit {r.Audit:D}: {(r.Correct ? "matches the vendor's coding" : $"{r.Findings} finding(s)")}{(r.Unpriced.Count > 0 ? $"; unpriced: {string.Join(" ", r.Unpriced)}" : string.Empty)}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command VendorCodes(CliConsole console)
    {
        var id = AuditId();
        var encounter = new Option<string>("--encounter") { Description = "the sampled encounter", Required = true };
        var asUser = As("an auditor of the auditing organization who has recorded the encounter");
        var json = CommonOptions.Json();
        var command = new Command("vendor-codes", "The vendor's coding of record of a sampled encounter, once your own is recorded.");
        command.Arguments.Add(id);
        command.Options.Add(encounter);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Record, "reading the vendor's codes", ct);
            var v = await new AuditDesk(store).VendorCodesAsync(parse.GetValue(id)!, parse.GetValue(encounter)!, principal, ct);
            await console.Out.WriteLineAsync(parse.GetValue(json) ? WorkflowCli.Serialize(v)
                : $"encounter {v.Encounter} ({v.Source} version {v.Version}): diagnoses {string.Join(" ", v.Diagnoses)}; lines {string.Join(" ", v.Lines.Select(l => l.Modifiers.Count == 0 ? l.Code : l.Code + "-" + string.Join("-", l.Modifiers)))}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Rebut(CliConsole console)
    {
        var id = AuditId();
        var finding = new Option<string>("--finding") { Description = "the finding's id (F-...), as the report lists it", Required = true };
        var reason = new Option<string>("--reason") { Description = "why the finding is wrong: cite the guideline, not the patient (at most 1,000 characters)", Required = true };
        var asUser = As("a vendor admin or coding lead of a vendor that coded the sample");
        var command = new Command("rebut", "Rebut a finding (once per finding); the adjudicator upholds or reverses it.");
        command.Arguments.Add(id);
        command.Options.Add(finding);
        command.Options.Add(reason);
        command.Options.Add(asUser);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Rebut, "rebutting an audit finding", ct);
            var f = await new AuditDesk(store).RebutAsync(parse.GetValue(id)!, parse.GetValue(finding)!, parse.GetValue(reason)!, principal, ct);
            await console.Out.WriteLineAsync($"rebutted finding {f}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Adjudicate(CliConsole console)
    {
        var id = AuditId();
        var finding = new Option<string>("--finding") { Description = "the rebutted finding's id", Required = true };
        var uphold = new Option<bool>("--uphold") { Description = "the finding stands" };
        var reverse = new Option<bool>("--reverse") { Description = "the finding is withdrawn from the final figures" };
        var asUser = As("the engagement's adjudicator");
        var command = new Command("adjudicate", "Decide a rebutted finding: --uphold or --reverse (the engagement's adjudicator only, once per finding).");
        command.Arguments.Add(id);
        command.Options.Add(finding);
        command.Options.Add(uphold);
        command.Options.Add(reverse);
        command.Options.Add(asUser);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            if (parse.GetValue(uphold) == parse.GetValue(reverse))
            {
                throw new CliException("give exactly one of --uphold or --reverse");
            }

            var outcome = parse.GetValue(reverse) ? AdjudicationOutcome.Reversed : AdjudicationOutcome.Upheld;
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Adjudicate, "adjudicating an audit finding", ct);
            var f = await new AuditDesk(store).AdjudicateAsync(parse.GetValue(id)!, parse.GetValue(finding)!, outcome, principal, ct);
            await console.Out.WriteLineAsync($"finding {f} {(outcome == AdjudicationOutcome.Reversed ? "reversed" : "upheld")}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Report(CliConsole console)
    {
        var id = AuditId();
        var asUser = As("a practice admin, auditor, vendor admin or coding lead taking part in the audit");
        var json = CommonOptions.Json();
        var outDir = new Option<DirectoryInfo?>("--out") { Description = "also write audit-report.json and audit-report.txt into this folder" };
        var command = new Command("report", "The audit's report: plan, frame, method, initial and final accuracy (encounter, code, dollar) with Wilson intervals, the floor sentence, and every finding with its status.");
        command.Arguments.Add(id);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.Options.Add(outDir);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AuditRoles.Report, "reading an audit report", ct);
            var report = await new AuditDesk(store).ReportAsync(parse.GetValue(id)!, principal, ct);
            var jsonText = Json(report);
            if (parse.GetValue(outDir) is { } dir)
            {
                dir.Create();
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "audit-report.json"), jsonText, ct);
                await File.WriteAllTextAsync(Path.Combine(dir.FullName, "audit-report.txt"), report.ToText(), ct);
            }

            await console.Out.WriteAsync(parse.GetValue(json) ? jsonText : report.ToText());
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The report's JSON as <c>audit report --json</c> and <c>ledger replay --report audit --json</c> print it (the same bytes; Core's <see cref="AuditReportJson"/>).</summary>
    public static string Json(AuditReport report) => AuditReportJson.Write(report);
}
