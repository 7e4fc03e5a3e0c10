using CodeLedger.Core.Common;

namespace CodeLedger.Core.Encounters;

/// <summary>Errors about encounters, their documentation and who may read them. Listed with their statuses in docs/ERRORS.md.</summary>
public static class EncounterErrors
{
    /// <summary>No encounter with that id or external id.</summary>
    public static readonly ErrorCode Unknown = new("ENCOUNTER-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>An external id used by more than one practice: give the encounter id.</summary>
    public static readonly ErrorCode Ambiguous = new("ENCOUNTER-AMBIGUOUS", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Documentation completed before the date of service.</summary>
    public static readonly ErrorCode DocumentationBeforeVisit = new("ENCOUNTER-DOC-BEFORE-VISIT", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>A documentation version below 1.</summary>
    public static readonly ErrorCode DocumentationVersion = new("DOCUMENTATION-VERSION", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Only the assigned coder or a lead of the encounter's vendor may read its PHI (the refusal is in the ledger).</summary>
    public static readonly ErrorCode PhiAccessDenied = new("PHI-ACCESS-DENIED", ErrorExit.Refused, Http.Forbidden);
}
