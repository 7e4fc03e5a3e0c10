using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Acknowledgments;
using CodeLedger.Core.Billing;
using CodeLedger.Storage.Acknowledgments;

namespace CodeLedger.Cli.Acknowledgments;

/// <summary>
/// <c>codeledger import acks FILE [--practice P] [--as USER] [--json]</c>: a 999, TA1 or 277CA put
/// back onto the claims it answers (docs/BILLING.md, "Acknowledgments"). All or nothing; the same
/// file again changes nothing and says so; what names no claim sent is listed, not refused.
/// </summary>
internal static class ImportAcksCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "a 999, a TA1 or a 277CA (005010) from the payer or clearinghouse the claims went to" };
        var practice = new Option<string?>("--practice") { Description = "the practice's code (default: the user's own practice)" };
        var asUser = new Option<string?>("--as") { Description = "the practice's admin, or a vendor admin or coding lead under a BAA in force with it (default $CODELEDGER_USER or the login name)" };
        var json = CommonOptions.Json();
        var command = new Command("acks", "Import a 999, TA1 or 277CA: accepted claims are marked accepted (with the payer's claim control number), rejected ones go back to the fix queue with the reasons.");
        command.Arguments.Add(file);
        command.Options.Add(practice);
        command.Options.Add(asUser);
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var path = parse.GetValue(file)!;
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot read {path.Name}: {e.Message}");
            }

            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var principal = await Accounts.CliPrincipal.ResolveAsync(store, parse.GetValue(asUser), AcknowledgmentAccess.Import, "importing acknowledgments", ct);
            var s = await new AcknowledgmentDesk(store).ImportAsync(parse.GetValue(practice), principal, path.Name, bytes, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(new
                {
                    s.Practice, s.FileName, s.Sha256, s.Kind, s.Sender, s.Imported,
                    importedAt = Core.Common.Instants.Format(s.ImportedAt), s.ImportedBy,
                    claims = s.Claims.Select(c => new
                    {
                        c.ClaimId, c.Accepted, status = c.Status.Name(), c.Changed, c.PayerClaimControlNumber,
                        findings = c.Findings.Select(f => new { f.Code, f.Line, f.Message }),
                    }),
                    s.Unmatched,
                }));
                return ExitCodes.Success;
            }

            if (!s.Imported)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{s.FileName} (sha256 {s.Sha256[..12]}): nothing changed: this {s.Kind} was already imported for practice {s.Practice} at {Core.Common.Instants.Format(s.ImportedAt)} by {s.ImportedBy}"));
                return ExitCodes.Success;
            }

            var accepted = s.Claims.Count(c => c.Changed && c.Accepted);
            var rejected = s.Claims.Count(c => c.Changed && !c.Accepted);
            var unchanged = s.Claims.Count(c => !c.Changed);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {s.Kind} {s.FileName} (sha256 {s.Sha256[..12]}) from {s.Sender} for practice {s.Practice}: {accepted} accepted, {rejected} rejected (back to the fix queue), {unchanged} unchanged, {s.Unmatched.Count} naming no claim sent"));
            foreach (var c in s.Claims.OrderBy(c => c.ClaimId, StringComparer.Ordinal))
            {
                var payer = c.PayerClaimControlNumber is null ? string.Empty : $" (payer claim {c.PayerClaimControlNumber})";
                var what = c.Changed ? c.Status.Name() : $"unchanged ({c.Status.Name()}), the acknowledgment {(c.Accepted ? "accepts" : "rejects")} it";
                await console.Out.WriteLineAsync($"  {c.ClaimId}: {what}{payer}");
                foreach (var f in c.Findings)
                {
                    await console.Out.WriteLineAsync($"    {f}");
                }
            }

            foreach (var u in s.Unmatched)
            {
                await console.Out.WriteLineAsync($"  not ours: {u}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
