using CodeLedger.Core.Common;
using CodeLedger.Core.Remittances;

namespace CodeLedger.Core.Denials;

/// <summary>
/// The root-cause map (docs/REMITTANCE.md, "Denial root causes"): rows of CARC, group code, RARC
/// and root cause, read from <c>denial-root-causes.csv</c> (embedded) or a file a practice
/// supplies instead. Reading checks every row and names the file, line and field of each problem;
/// a file with any problem is refused whole, so a half-read map never classifies anything.
/// </summary>
public sealed class DenialRules
{
    public const string DefaultFileName = "denial-root-causes.csv";

    private static readonly string[] Groups = ["CO", "PR", "OA", "PI"];

    private static readonly Lazy<DenialRules> DefaultLazy = new(() =>
    {
        using var stream = typeof(DenialRules).Assembly.GetManifestResourceStream("CodeLedger.Core.Denials.denial-root-causes.csv")
            ?? throw new InvalidOperationException("the embedded denial-root-causes.csv is missing from CodeLedger.Core");
        using var reader = new StreamReader(stream);
        return Read(reader, DefaultFileName);
    });

    private readonly Dictionary<(string Carc, string Group, string Rarc), DenialRootCause> _rules;

    private DenialRules(Dictionary<(string, string, string), DenialRootCause> rules) => _rules = rules;

    /// <summary>The map shipped in the repository (sources in its header).</summary>
    public static DenialRules Default => DefaultLazy.Value;

    public int Count => _rules.Count;

    /// <summary>The CARCs some row names.</summary>
    public IReadOnlySet<string> Carcs => _rules.Keys.Select(k => k.Carc).ToHashSet(StringComparer.Ordinal);

    public static DenialRules Read(TextReader reader, string fileName)
    {
        var rules = new Dictionary<(string, string, string), DenialRootCause>();
        var problems = new List<string>();
        var lineNumber = 0;
        var sawHeader = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split(',');
            if (!sawHeader && fields.Length > 0 && fields[0].Trim().Equals("carc", StringComparison.OrdinalIgnoreCase))
            {
                sawHeader = true;
                continue;
            }

            if (fields.Length != 4)
            {
                problems.Add($"{fileName} line {lineNumber}: {fields.Length} fields, expected 4 (carc,group,rarc,root_cause)");
                continue;
            }

            var carc = fields[0].Trim();
            var group = fields[1].Trim();
            var rarc = fields[2].Trim();
            var cause = fields[3].Trim();
            var ok = true;
            if (!IsCode(carc, 5))
            {
                problems.Add($"{fileName} line {lineNumber}, field carc: {Echo.Quote(carc)} is not a CARC (1-5 letters or digits)");
                ok = false;
            }

            if (group != "*" && !Groups.Contains(group, StringComparer.Ordinal))
            {
                problems.Add($"{fileName} line {lineNumber}, field group: {Echo.Quote(group)} is not *, CO, PR, OA or PI");
                ok = false;
            }

            if (rarc != "*" && !IsCode(rarc, 7))
            {
                problems.Add($"{fileName} line {lineNumber}, field rarc: {Echo.Quote(rarc)} is not * or a RARC (1-7 letters or digits)");
                ok = false;
            }

            if (!Enum.TryParse<DenialRootCause>(cause, ignoreCase: false, out var rootCause) || !Enum.IsDefined(rootCause) || cause.Any(char.IsDigit))
            {
                problems.Add($"{fileName} line {lineNumber}, field root_cause: {Echo.Quote(cause)} is not one of {string.Join(", ", Enum.GetNames<DenialRootCause>())}");
                ok = false;
            }

            if (ok && !rules.TryAdd((carc, group, rarc), rootCause))
            {
                problems.Add($"{fileName} line {lineNumber}: CARC {carc}, group {group}, RARC {rarc} is listed twice");
            }
        }

        if (problems.Count > 0)
        {
            throw new DomainException(DenialErrors.RulesInvalid, string.Join("; ", problems.Take(10)) + (problems.Count > 10 ? $" (and {problems.Count - 10} more)" : string.Empty));
        }

        if (rules.Count == 0)
        {
            throw new DomainException(DenialErrors.RulesInvalid, $"{fileName}: no rules (expected rows carc,group,rarc,root_cause)");
        }

        return new DenialRules(rules);
    }

    /// <summary>
    /// The root cause of one adjustment: the most specific row (CARC + group + one of its RARCs,
    /// CARC + RARC, CARC + group, CARC alone); a CARC no row names is <see cref="DenialRootCause.Other"/>.
    /// </summary>
    public DenialRootCause Classify(string group, string carc, IReadOnlyList<string> rarcs)
    {
        foreach (var rarc in rarcs)
        {
            if (_rules.TryGetValue((carc, group, rarc), out var cause))
            {
                return cause;
            }
        }

        foreach (var rarc in rarcs)
        {
            if (_rules.TryGetValue((carc, "*", rarc), out var cause))
            {
                return cause;
            }
        }

        if (_rules.TryGetValue((carc, group, "*"), out var byGroup))
        {
            return byGroup;
        }

        return _rules.TryGetValue((carc, "*", "*"), out var byCarc) ? byCarc : DenialRootCause.Other;
    }

    public DenialRootCause Classify(PostedAdjustment adjustment) => Classify(adjustment.Group, adjustment.Reason, adjustment.Remarks);

    private static bool IsCode(string text, int maxLength) =>
        text.Length is > 0 && text.Length <= maxLength && text.All(char.IsAsciiLetterOrDigit);
}
