using System.Text.RegularExpressions;

namespace CodeLedger.Web;

/// <summary>
/// The field a strict-JSON refusal is about (<c>StrictJson</c> names it as <c>'path'</c> or
/// <c>(at path)</c>), for ProblemDetails' <c>field</c>: the first problem's path, or "body" when the
/// problem is the document as a whole. The path is the input's own member names cut to a short
/// prefix (<c>Echo</c>), never a value.
/// </summary>
public static partial class ProblemField
{
    public static string Of(IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return "body";
        }

        var match = Quoted().Match(problems[0]);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = At().Match(problems[0]);
        return match.Success && match.Groups[1].Value.Length > 0 ? match.Groups[1].Value : "body";
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\(at ([^)]*)\)$")]
    private static partial Regex At();
}
