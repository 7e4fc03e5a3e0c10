using CodeLedger.Core.Common;

namespace CodeLedger.Core.Training;

/// <summary>Errors about coder training on code-set releases. Listed with their statuses in docs/ERRORS.md.</summary>
public static class TrainingErrors
{
    /// <summary>A second training record for the same coder and release.</summary>
    public static readonly ErrorCode Duplicate = new("TRAINING-DUPLICATE", ErrorExit.Refused, Http.Conflict);
}
