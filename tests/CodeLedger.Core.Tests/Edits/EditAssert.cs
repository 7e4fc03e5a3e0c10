using CodeLedger.Core.CodeSets;
using CodeLedger.Core.CodeSets.Starter;
using CodeLedger.Core.Edits;

namespace CodeLedger.Core.Tests.Edits;

/// <summary>One-line assertions on the rules a claim triggers, against the starter set unless told otherwise.</summary>
internal static class EditAssert
{
    public static readonly CodeSetLibrary Starter = StarterCodeSet.Library();

    public static IReadOnlyList<EditFinding> Fires(string rule, Claim claim, CodeSetLibrary? library = null, EditOptions? options = null)
    {
        var findings = new ClaimEditor(library ?? Starter, options).Check(claim);
        var matching = findings.Where(f => f.Rule == rule).ToList();
        Assert.True(matching.Count > 0, $"{rule} did not fire; findings: {Describe(findings)}");
        return matching;
    }

    public static void DoesNotFire(string rule, Claim claim, CodeSetLibrary? library = null, EditOptions? options = null)
    {
        var findings = new ClaimEditor(library ?? Starter, options).Check(claim);
        Assert.True(findings.All(f => f.Rule != rule), $"{rule} fired: {Describe(findings.Where(f => f.Rule == rule))}");
    }

    public static void Clean(Claim claim, CodeSetLibrary? library = null)
    {
        var findings = new ClaimEditor(library ?? Starter).Check(claim);
        Assert.True(findings.Count == 0, $"expected no findings: {Describe(findings)}");
    }

    private static string Describe(IEnumerable<EditFinding> findings) =>
        string.Join(" | ", findings.Select(f => $"{f.Rule} line {f.Line}: {f.Message}")) is { Length: > 0 } s ? s : "none";
}
