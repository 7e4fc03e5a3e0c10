using System.Text.RegularExpressions;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Queries;

/// <summary>
/// A structured question from a coder to the physician who documented an encounter. The rules
/// follow the AHIMA/ACDIS Guidelines for Achieving a Compliant Query Practice (2022): a query is
/// non-leading and never mentions payment; a multiple-choice query offers clinically reasonable
/// options plus "other" and "clinically undetermined". The response window is the contract's.
/// </summary>
public sealed partial class DocumentationQuery
{
    public const string Other = "other";
    public const string ClinicallyUndetermined = "clinically undetermined";

    private DocumentationQuery()
    {
        Question = string.Empty;
        Choices = [];
    }

    public DocumentationQuery(Guid id, Guid encounterId, Guid physicianId, Guid raisedByCoderId, QueryCategory category, string question,
        IReadOnlyList<string> choices, DateTimeOffset raisedAt, int responseWindowHours)
    {
        Question = Guard.Text(question, "query question", 2000);
        var cleaned = choices.Select(c => Guard.Text(c, "query choice", 200)).ToList();
        if (cleaned.Count > 0)
        {
            if (!cleaned.Contains(Other, StringComparer.OrdinalIgnoreCase) || !cleaned.Contains(ClinicallyUndetermined, StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainException(QueryErrors.Choices, $"a multiple-choice query must offer \"{Other}\" and \"{ClinicallyUndetermined}\"");
            }

            if (cleaned.Count < 3)
            {
                throw new DomainException(QueryErrors.Choices, "a multiple-choice query needs at least one clinical option besides \"other\" and \"clinically undetermined\"");
            }

            if (cleaned.Distinct(StringComparer.OrdinalIgnoreCase).Count() != cleaned.Count)
            {
                throw new DomainException(QueryErrors.Choices, "query choices must differ from each other");
            }
        }

        foreach (var text in cleaned.Prepend(Question))
        {
            if (PaymentWords().Match(text) is { Success: true } m)
            {
                throw new DomainException(QueryErrors.MentionsPayment, $"queries never mention payment or reimbursement (found \"{m.Value}\")");
            }
        }

        if (responseWindowHours < 1)
        {
            throw new DomainException(QueryErrors.Window, "the response window must be at least one hour");
        }

        Id = id;
        EncounterId = encounterId;
        PhysicianId = physicianId;
        RaisedByCoderId = raisedByCoderId;
        Category = category;
        Choices = cleaned;
        RaisedAt = Instants.Normalize(raisedAt);
        DueAt = RaisedAt.AddHours(responseWindowHours);
        Status = QueryStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid EncounterId { get; private set; }

    public Guid PhysicianId { get; private set; }

    public Guid RaisedByCoderId { get; private set; }

    public QueryCategory Category { get; private set; }

    public string Question { get; private set; }

    /// <summary>Empty for an open-ended query.</summary>
    public List<string> Choices { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>Raised instant plus the contract's response window (calendar hours).</summary>
    public DateTimeOffset DueAt { get; private set; }

    public QueryStatus Status { get; private set; }

    /// <summary>Answer text (part of the record, so PHI-bearing; the ledger holds its hash).</summary>
    public string? Answer { get; private set; }

    /// <summary>When the query stopped being open: answered, or found unresolved at expiry.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsOverdueAt(DateTimeOffset now) => Status == QueryStatus.Open && now >= DueAt;

    public void Respond(string answer, DateTimeOffset at)
    {
        if (Status == QueryStatus.Answered)
        {
            throw new DomainException(QueryErrors.AlreadyAnswered, $"query {Id} was answered at {Instants.Format(ClosedAt!.Value)}");
        }

        if (Status == QueryStatus.Unresolved || at >= DueAt)
        {
            throw new DomainException(QueryErrors.Expired, $"query {Id} expired at {Instants.Format(DueAt)}; the encounter is coded to what is documented");
        }

        var text = Guard.Text(answer, "query answer", 4000);
        if (Choices.Count > 0 && !Choices.Contains(text, StringComparer.OrdinalIgnoreCase) && !text.StartsWith(Other + ":", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(QueryErrors.AnswerNotAChoice, $"answer one of: {string.Join(", ", Choices.Select(c => $"\"{c}\""))} (or \"other: ...\")");
        }

        Answer = text;
        Status = QueryStatus.Answered;
        ClosedAt = Instants.Normalize(at);
    }

    /// <summary>Records that the window passed without an answer. Returns false when there was nothing to do.</summary>
    public bool ExpireIfOverdue(DateTimeOffset now)
    {
        if (!IsOverdueAt(now))
        {
            return false;
        }

        Status = QueryStatus.Unresolved;
        ClosedAt = DueAt;
        return true;
    }

    /// <summary>Words that tie a query to money (AHIMA/ACDIS: queries never indicate financial impact).</summary>
    [GeneratedRegex(@"\$|\b(pay|pays|paid|payment|payments|payer|payers|reimburs\w*|revenue|dollars?|money|fees?|rvus?|drgs?|financial\w*|insurance)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaymentWords();
}
