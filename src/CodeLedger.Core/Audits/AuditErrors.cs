using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>Errors of coding audits (docs/AUDIT.md). Listed with their statuses in docs/ERRORS.md. Messages name options, ids and codes, never PHI.</summary>
public static class AuditErrors
{
    /// <summary>An audit plan with a bad or missing option (each option named).</summary>
    public static readonly ErrorCode PlanInvalid = new("AUDIT-PLAN-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A population member with an empty or multi-line encounter key, or the same encounter twice in a population.</summary>
    public static readonly ErrorCode PopulationInvalid = new("AUDIT-POPULATION-INVALID", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>No encounter of the practice falls in the plan's dates (and specialty): there is nothing to sample.</summary>
    public static readonly ErrorCode PopulationEmpty = new("AUDIT-POPULATION-EMPTY", ErrorExit.Refused, Http.UnprocessableContent);

    /// <summary>Auditor codes for an encounter that is not in the audit's sample.</summary>
    public static readonly ErrorCode NotInSample = new("AUDIT-NOT-IN-SAMPLE", ErrorExit.Refused, Http.NotFound);

    /// <summary>A second auditor coding for the same encounter of an audit.</summary>
    public static readonly ErrorCode RecordedTwice = new("AUDIT-RECORDED-TWICE", ErrorExit.Refused, Http.Conflict);

    /// <summary>No audit with that id, or one the user does not take part in (the two read alike, so an audit's existence is not disclosed).</summary>
    public static readonly ErrorCode Unknown = new("AUDIT-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>An auditor coding whose codes cannot be compared: no diagnosis or line, or a pointer to a diagnosis it does not list.</summary>
    public static readonly ErrorCode CodingInvalid = new("AUDIT-CODING-INVALID", ErrorExit.Refused, Http.BadRequest);

    /// <summary>The auditor asked for the vendor's codes of an encounter before recording their own (blind re-coding).</summary>
    public static readonly ErrorCode Blind = new("AUDIT-BLIND", ErrorExit.Refused, Http.Forbidden);

    /// <summary>A rebuttal or adjudication naming a finding the audit does not have.</summary>
    public static readonly ErrorCode FindingUnknown = new("AUDIT-FINDING-UNKNOWN", ErrorExit.Refused, Http.NotFound);

    /// <summary>A second rebuttal of the same finding.</summary>
    public static readonly ErrorCode RebuttedTwice = new("AUDIT-REBUTTED-TWICE", ErrorExit.Refused, Http.Conflict);

    /// <summary>A rebuttal reason that is empty or longer than the cap.</summary>
    public static readonly ErrorCode RebuttalReason = new("AUDIT-REBUTTAL-REASON", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An adjudication of a finding nobody rebutted.</summary>
    public static readonly ErrorCode NotRebutted = new("AUDIT-NOT-REBUTTED", ErrorExit.Refused, Http.Conflict);

    /// <summary>A second adjudication of the same finding.</summary>
    public static readonly ErrorCode AdjudicatedTwice = new("AUDIT-ADJUDICATED-TWICE", ErrorExit.Refused, Http.Conflict);

    /// <summary>An adjudication by someone other than the adjudicator the engagement names.</summary>
    public static readonly ErrorCode NotAdjudicator = new("AUDIT-NOT-ADJUDICATOR", ErrorExit.Refused, Http.Forbidden);

    /// <summary>An independent audit by the vendor that coded the encounters, or by any coding vendor bound to the practice by a BAA.</summary>
    public static readonly ErrorCode NotIndependent = new("AUDIT-NOT-INDEPENDENT", ErrorExit.Refused, Http.Forbidden);

    /// <summary>A conversion factor file that is not the documented CSV (file, line and field named).</summary>
    public static readonly ErrorCode ConversionFactors = new("AUDIT-CONVERSION-FACTORS", ErrorExit.Unreadable, Http.BadRequest);

    /// <summary>No conversion factor or RVU release covers an audited date of service.</summary>
    public static readonly ErrorCode NotPriced = new("AUDIT-NOT-PRICED", ErrorExit.Refused, Http.UnprocessableContent);
}
