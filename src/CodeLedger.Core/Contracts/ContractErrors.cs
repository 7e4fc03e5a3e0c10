using CodeLedger.Core.Common;

namespace CodeLedger.Core.Contracts;

/// <summary>Errors about SLA contracts. Listed with their statuses in docs/ERRORS.md.</summary>
public static class ContractErrors
{
    /// <summary>A turnaround target outside 1 hour to 30 days.</summary>
    public static readonly ErrorCode Target = new("SLA-TARGET", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A time zone that is not an IANA zone known to the machine.</summary>
    public static readonly ErrorCode TimeZone = new("SLA-TIME-ZONE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>Working hours that close at or before they open, or no working day.</summary>
    public static readonly ErrorCode WorkingHours = new("SLA-WORKING-HOURS", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An accuracy floor outside 0-100%.</summary>
    public static readonly ErrorCode Accuracy = new("SLA-ACCURACY", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A query response window outside 1 hour to 30 days.</summary>
    public static readonly ErrorCode QueryWindow = new("SLA-QUERY-WINDOW", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A negative monthly fee.</summary>
    public static readonly ErrorCode Fee = new("SLA-FEE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A remediation rule under one month.</summary>
    public static readonly ErrorCode Remediation = new("SLA-REMEDIATION", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A service-credit threshold or percentage outside 0-100%.</summary>
    public static readonly ErrorCode Credit = new("SLA-CREDIT", ErrorExit.Refused, Http.BadRequest);

    /// <summary>No SLA contract between the practice and vendor is in force.</summary>
    public static readonly ErrorCode NoContract = new("SLA-NO-CONTRACT", ErrorExit.Refused, Http.NotFound);

    /// <summary>The practice has contracts with more than one vendor in force: name the vendor.</summary>
    public static readonly ErrorCode VendorRequired = new("SLA-VENDOR-REQUIRED", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A month that is not YYYY-MM.</summary>
    public static readonly ErrorCode Month = new("SLA-MONTH", ErrorExit.Refused, Http.BadRequest);
}
