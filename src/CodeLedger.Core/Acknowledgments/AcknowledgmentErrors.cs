using CodeLedger.Core.Common;

namespace CodeLedger.Core.Acknowledgments;

/// <summary>Errors of <c>import acks</c> (docs/BILLING.md, "Acknowledgments"). A refused file changes nothing. Listed in docs/ERRORS.md.</summary>
public static class AcknowledgmentErrors
{
    /// <summary>The file is not a readable 999, TA1 or 277CA: damaged or truncated X12 (named by segment and element), or another transaction set.</summary>
    public static readonly ErrorCode Unreadable = new("ACK-UNREADABLE", ErrorExit.Unreadable, Http.BadRequest);
}
