using CodeLedger.Core.Coding;
using CodeLedger.Core.Queries;

namespace CodeLedger.Core.Workflow;

/// <summary>One coding version of an encounter as expiry sees it.</summary>
/// <param name="OverrideBy">The user name of the lead who coded the version, when it carries an override.</param>
public sealed record CodedVersion(int Version, int DocumentationVersion, bool PassesEditGate, string? OverrideReason, string? OverrideBy)
{
    public static CodedVersion Of(CodingResult coding, string coderUserName) =>
        new(coding.Version, coding.DocumentationVersion, coding.PassesEditGate, coding.OverrideReason, coding.OverrideReason is null ? null : coderUserName);
}

/// <summary>What expiry does with an encounter once its overdue queries are unresolved.</summary>
public enum ExpiryOutcome
{
    /// <summary>No query of the encounter is overdue: nothing to do.</summary>
    NothingOverdue,

    /// <summary>Finalized with <see cref="ExpiryDecision.Final"/>, flagged coded without query response.</summary>
    Finalized,

    /// <summary>Already final: the queries are closed, the coding stays as it is.</summary>
    AlreadyFinal,

    /// <summary>Another query is still open and within its window: the encounter waits for it.</summary>
    AnotherQueryOpen,

    /// <summary>No coding yet: the coder's next clean submission finalizes it.</summary>
    NothingCoded,

    /// <summary>The latest version codes an earlier note than the record now holds: a coder must code the note as it stands.</summary>
    CodedOnEarlierNote,

    /// <summary>The latest version has edit errors no lead overrode: expiry does not pass the edit gate for anyone.</summary>
    HeldByEditErrors,

    /// <summary>The note is not complete yet: nothing can be final before it (FINALIZE-BEFORE-DOCUMENTATION).</summary>
    DocumentationIncomplete,
}

/// <param name="Unresolved">The encounter's queries that are overdue and become unresolved, earliest due first.</param>
/// <param name="Final">The version to finalize when <see cref="Outcome"/> is <see cref="ExpiryOutcome.Finalized"/>.</param>
public sealed record ExpiryDecision(IReadOnlyList<DocumentationQuery> Unresolved, ExpiryOutcome Outcome, CodedVersion? Final);

/// <summary>
/// What the expiry run decides for one encounter at an instant. An unanswered query is not an
/// answer: the record stands as documented (AHIMA/ACDIS, Guidelines for Achieving a Compliant
/// Query Practice, 2022), so the encounter is finalized, flagged coded without query response,
/// with a coding made from the documentation as it stands, never one that presumes the answer.
/// The rule chosen (docs/WORKFLOW.md, "Expiry"): the LATEST coding version, and only when
/// (1) no other query of the encounter is still open, (2) it codes the note the record now holds
/// (a correction that arrived after it, which may carry what the query asked, is not coded in it),
/// and (3) it passed the edit gate (no error, or a lead's recorded override). Expiry never reaches
/// back to an earlier version, which the coder has replaced, and never finalizes past the edits;
/// when the latest version does not qualify, the queries still become unresolved and the
/// encounter waits for a coder, whose finalization then carries the flag.
/// </summary>
public static class QueryExpiry
{
    public static ExpiryDecision Decide(IEnumerable<DocumentationQuery> queries, IEnumerable<CodedVersion> versions, WorkItem work, DateTimeOffset now)
    {
        var all = queries.ToList();
        List<DocumentationQuery> overdue = [.. all.Where(q => q.IsOverdueAt(now)).OrderBy(q => q.DueAt).ThenBy(q => q.Id)];
        if (overdue.Count == 0)
        {
            return new ExpiryDecision([], ExpiryOutcome.NothingOverdue, null);
        }

        var latest = versions.MaxBy(v => v.Version);
        var outcome = work.IsFinalized ? ExpiryOutcome.AlreadyFinal
            : all.Any(q => q.Status == QueryStatus.Open && !q.IsOverdueAt(now)) ? ExpiryOutcome.AnotherQueryOpen
            : latest is null ? ExpiryOutcome.NothingCoded
            : latest.DocumentationVersion != work.DocumentationVersion ? ExpiryOutcome.CodedOnEarlierNote
            : !latest.PassesEditGate ? ExpiryOutcome.HeldByEditErrors
            : now < work.DocumentationCompletedAt ? ExpiryOutcome.DocumentationIncomplete
            : ExpiryOutcome.Finalized;
        return new ExpiryDecision(overdue, outcome, outcome == ExpiryOutcome.Finalized ? latest : null);
    }

    /// <summary>
    /// Whether a finalization is coded without query response: some query of the encounter went
    /// unanswered. Holds for every path to final, so the flag does not depend on whether expiry or
    /// a coder's later submission finalized the encounter.
    /// </summary>
    public static bool CodedWithoutQueryResponse(IEnumerable<QueryStatus> queryStatuses) => queryStatuses.Contains(QueryStatus.Unresolved);
}
