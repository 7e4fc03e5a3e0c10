using CodeLedger.Core.Common;

namespace CodeLedger.Core.Reports.Impact;

/// <summary>Errors of the revenue impact calculator (docs/PACKAGE.md, "Revenue impact"). Listed in docs/ERRORS.md.</summary>
public static class ImpactErrors
{
    /// <summary>An input out of its range (a share outside 0–1, charges not above zero) or two inputs that exclude each other; the input is named.</summary>
    public static readonly ErrorCode InputInvalid = new("IMPACT-INPUT-INVALID", ErrorExit.Unreadable, Http.BadRequest);
}

/// <summary>A refused input of the calculator, naming it as the command line and JSON do (<c>annual-charges</c>, <c>accuracy</c>...).</summary>
public sealed class ImpactInputException(string input, string message) : Exception(message), ICodedError
{
    public string Input { get; } = input;

    public ErrorCode Error => ImpactErrors.InputInvalid;
}
