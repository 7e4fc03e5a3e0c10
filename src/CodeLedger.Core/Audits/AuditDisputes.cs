using CodeLedger.Core.Common;

namespace CodeLedger.Core.Audits;

/// <summary>How an adjudicator decides a rebutted finding.</summary>
public enum AdjudicationOutcome
{
    /// <summary>The finding stands.</summary>
    Upheld,

    /// <summary>The finding is withdrawn: it no longer counts in the final figures.</summary>
    Reversed,
}

/// <summary>The vendor's rebuttal of a finding: who (a user name) and why (free text, not PHI by rule, capped at <see cref="MaxReason"/>).</summary>
public sealed record Rebuttal
{
    public const int MaxReason = 1000;

    public Rebuttal(string findingId, string by, string reason, DateTimeOffset at)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxReason || text.Any(c => char.IsControl(c) && c != '\n'))
        {
            throw new DomainException(AuditErrors.RebuttalReason, $"finding {Echo.Prefix(findingId)}: a rebuttal's reason is 1 to {MaxReason} characters (cite the guideline, not the patient)");
        }

        FindingId = findingId;
        By = Guard.Text(by, "rebutted by", 64);
        Reason = text;
        At = Instants.Normalize(at);
    }

    public string FindingId { get; }

    public string By { get; }

    public string Reason { get; }

    public DateTimeOffset At { get; }
}

/// <summary>The adjudicator's decision on a rebutted finding.</summary>
public sealed record Adjudication(string FindingId, AdjudicationOutcome Outcome, string By, DateTimeOffset At);

/// <summary>
/// The disputes of one audit: at most one rebuttal and one adjudication per finding, an adjudication
/// only of a rebutted finding and only by the engagement's adjudicator. Built by applying the
/// recorded rebuttals and adjudications in order (the same calls replay the ledger), each refused
/// with a stable code when it breaks a rule, leaving the state as it was.
/// </summary>
public sealed class AuditDisputes
{
    private readonly Dictionary<string, Rebuttal> rebuttals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Adjudication> adjudications = new(StringComparer.Ordinal);

    public AuditDisputes(string adjudicator) => Adjudicator = Guard.Text(adjudicator, "adjudicator", 64);

    /// <summary>The user the engagement names to adjudicate.</summary>
    public string Adjudicator { get; }

    public IReadOnlyCollection<Rebuttal> Rebuttals => rebuttals.Values;

    public IReadOnlyCollection<Adjudication> Adjudications => adjudications.Values;

    public void Rebut(IReadOnlySet<string> findingIds, Rebuttal rebuttal)
    {
        Known(findingIds, rebuttal.FindingId);
        if (rebuttals.ContainsKey(rebuttal.FindingId))
        {
            throw new DomainException(AuditErrors.RebuttedTwice, $"finding {rebuttal.FindingId} is already rebutted");
        }

        rebuttals.Add(rebuttal.FindingId, rebuttal);
    }

    public void Adjudicate(IReadOnlySet<string> findingIds, Adjudication adjudication)
    {
        Known(findingIds, adjudication.FindingId);
        if (!string.Equals(adjudication.By, Adjudicator, StringComparison.Ordinal))
        {
            throw new DomainException(AuditErrors.NotAdjudicator, $"finding {adjudication.FindingId}: only the engagement's adjudicator decides rebuttals");
        }

        if (!rebuttals.ContainsKey(adjudication.FindingId))
        {
            throw new DomainException(AuditErrors.NotRebutted, $"finding {adjudication.FindingId} has no rebuttal to decide");
        }

        if (adjudications.ContainsKey(adjudication.FindingId))
        {
            throw new DomainException(AuditErrors.AdjudicatedTwice, $"finding {adjudication.FindingId} is already adjudicated");
        }

        adjudications.Add(adjudication.FindingId, adjudication);
    }

    public bool IsReversed(string findingId) => adjudications.TryGetValue(findingId, out var a) && a.Outcome == AdjudicationOutcome.Reversed;

    /// <summary>The finding's standing in words: open, rebutted, upheld or reversed.</summary>
    public string Status(string findingId) =>
        adjudications.TryGetValue(findingId, out var a) ? (a.Outcome == AdjudicationOutcome.Reversed ? "reversed" : "upheld")
        : rebuttals.ContainsKey(findingId) ? "rebutted" : "open";

    private static void Known(IReadOnlySet<string> findingIds, string findingId)
    {
        if (!findingIds.Contains(findingId))
        {
            throw new DomainException(AuditErrors.FindingUnknown, $"the audit has no finding {Echo.Quote(findingId)}");
        }
    }
}
