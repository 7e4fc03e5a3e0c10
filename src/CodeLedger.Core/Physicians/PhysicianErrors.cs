using CodeLedger.Core.Common;

namespace CodeLedger.Core.Physicians;

/// <summary>Errors about physicians and their NPIs. Listed with their statuses in docs/ERRORS.md.</summary>
public static class PhysicianErrors
{
    /// <summary>An NPI that is missing, not ten digits, or fails its Luhn check digit.</summary>
    public static readonly ErrorCode NpiInvalid = new("NPI-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>No physician with that NPI.</summary>
    public static readonly ErrorCode Unknown = new("PHYSICIAN-UNKNOWN", ErrorExit.Refused, Http.NotFound);
}
