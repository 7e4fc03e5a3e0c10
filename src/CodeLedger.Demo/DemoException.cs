using CodeLedger.Core.Common;

namespace CodeLedger.Demo;

/// <summary>The demo refuses its target database (it holds work the demo did not create); nothing was changed.</summary>
public sealed class DemoException(string message) : Exception(message), ICodedError
{
    public ErrorCode Error => DemoErrors.DatabaseHoldsWork;
}
