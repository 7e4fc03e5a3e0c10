using CodeLedger.Core.Common;

namespace CodeLedger.Core.Queries;

/// <summary>Errors about documentation queries (AHIMA/ACDIS compliant query practice, 2022). Listed with their statuses in docs/ERRORS.md.</summary>
public static class QueryErrors
{
    /// <summary>A multiple-choice query without "other", "clinically undetermined" and a clinical option, or with repeated choices.</summary>
    public static readonly ErrorCode Choices = new("QUERY-CHOICES", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A question or choice that mentions payment.</summary>
    public static readonly ErrorCode MentionsPayment = new("QUERY-MENTIONS-PAYMENT", ErrorExit.Refused, Http.BadRequest);

    /// <summary>A response window under one hour.</summary>
    public static readonly ErrorCode Window = new("QUERY-WINDOW", ErrorExit.Refused, Http.BadRequest);

    /// <summary>An answer at or after the query's due instant.</summary>
    public static readonly ErrorCode Expired = new("QUERY-EXPIRED", ErrorExit.Refused, Http.Conflict);

    /// <summary>A query that is already answered or unresolved.</summary>
    public static readonly ErrorCode AlreadyAnswered = new("QUERY-ALREADY-ANSWERED", ErrorExit.Refused, Http.Conflict);

    /// <summary>A multiple-choice answer that is neither a choice nor "other: ...".</summary>
    public static readonly ErrorCode AnswerNotAChoice = new("QUERY-ANSWER-NOT-A-CHOICE", ErrorExit.Refused, Http.BadRequest);

    /// <summary>No query with that id.</summary>
    public static readonly ErrorCode Unknown = new("QUERY-UNKNOWN", ErrorExit.Refused, Http.NotFound);
}
