using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Billing;

/// <summary>
/// A practice's chargemaster as CSV (docs/BILLING.md): UTF-8, the header <c>code,modifier,charge</c>
/// (in that order, any case), then one row per code or code and modifier: a CPT/HCPCS code, one
/// modifier or an empty field, and the charge per unit in dollars (<c>125</c>, <c>125.00</c>;
/// positive, whole cents). A file is read whole: every bad line is named by line number and field,
/// and one bad line refuses the file, so a truncated or hand-broken file never half loads.
/// </summary>
public static class FeeScheduleCsv
{
    public const string Header = "code,modifier,charge";

    // Enough to fix a file in one pass without flooding a terminal.
    private const int ListedProblems = 20;

    /// <summary>The entries and the file's SHA-256 (lowercase hex), or <see cref="BillingErrors.FeesUnreadable"/> naming every problem.</summary>
    public static (IReadOnlyList<FeeScheduleEntry> Entries, string Sha256) Read(string fileName, byte[] bytes)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Refused(fileName, ["the file is not UTF-8 text"]);
        }

        var lines = text.TrimStart('\uFEFF').Split('\n');
        var problems = new List<string>();
        if (lines[0].TrimEnd('\r').Trim() is var header && !string.Equals(header.Replace(" ", string.Empty, StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw Refused(fileName, [$"line 1: the header must be '{Header}', found {Echo.Quote(header)}"]);
        }

        var entries = new List<FeeScheduleEntry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 3)
            {
                problems.Add($"line {number}: {fields.Length} field(s), expected 3 (code, modifier, charge)");
                continue;
            }

            if (fields.Any(f => f.Contains('"', StringComparison.Ordinal)))
            {
                problems.Add($"line {number}: quoted fields are not used in a fee schedule");
                continue;
            }

            var bad = false;
            if (!ProcedureCode.TryParse(fields[0].Trim(), out var code, out var codeError))
            {
                problems.Add($"line {number}, field 'code': {codeError}");
                bad = true;
            }

            Modifier? modifier = null;
            if (fields[1].Trim().Length > 0)
            {
                if (Modifier.TryParse(fields[1].Trim(), out var m, out var modifierError))
                {
                    modifier = m;
                }
                else
                {
                    problems.Add($"line {number}, field 'modifier': {modifierError}");
                    bad = true;
                }
            }

            if (!Money.TryParse(fields[2], out var charge, out var chargeError))
            {
                problems.Add($"line {number}, field 'charge': {chargeError}");
                bad = true;
            }
            else if (charge <= Money.Zero)
            {
                problems.Add($"line {number}, field 'charge': a charge must be more than zero");
                bad = true;
            }

            if (bad)
            {
                continue;
            }

            var entry = new FeeScheduleEntry(code, modifier, charge);
            if (seen.TryGetValue(entry.Key, out var first))
            {
                problems.Add($"line {number}, field 'code': {entry.Key} is already priced on line {first}");
                continue;
            }

            seen[entry.Key] = number;
            entries.Add(entry);
        }

        if (problems.Count > 0)
        {
            throw Refused(fileName, problems);
        }

        if (entries.Count == 0)
        {
            throw Refused(fileName, ["no fee rows after the header"]);
        }

        return (entries, sha);
    }

    private static DomainException Refused(string fileName, IReadOnlyList<string> problems)
    {
        var listed = problems.Take(ListedProblems).Select(p => $"{fileName} {p}");
        var more = problems.Count > ListedProblems ? $"\n  ... and {problems.Count - ListedProblems} more" : string.Empty;
        return new DomainException(BillingErrors.FeesUnreadable,
            $"{fileName}: {problems.Count} problem(s); nothing was imported\n  {string.Join("\n  ", listed)}{more}");
    }
}
