using CodeLedger.Core.Common;

namespace CodeLedger.Demo;

/// <summary>Refusals of the demo. Listed with their statuses in docs/ERRORS.md.</summary>
public static class DemoErrors
{
    /// <summary>The target database holds something the demo did not write (or cannot be shown to hold only a demo); nothing was touched.</summary>
    public static readonly ErrorCode DatabaseHoldsWork = new("DEMO-DATABASE-HOLDS-WORK", ErrorExit.Unreadable, Http.Conflict);
}
