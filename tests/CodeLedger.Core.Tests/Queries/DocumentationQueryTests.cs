using CodeLedger.Core.Common;
using CodeLedger.Core.Queries;

namespace CodeLedger.Core.Tests.Queries;

public sealed class DocumentationQueryTests
{
    private static readonly DateTimeOffset Raised = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    private static DocumentationQuery Query(string question = "Please clarify the type of diabetes documented in the assessment.", params string[] choices) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), QueryCategory.DiagnosisSpecificity, question, choices, Raised, 72);

    private static string Code(Action act) => Assert.Throws<DomainException>(act).Code;

    [Fact]
    public void Due_instant_is_raised_plus_the_response_window()
    {
        Assert.Equal(Raised.AddHours(72), Query().DueAt);
    }

    [Fact]
    public void Multiple_choice_must_offer_other_and_clinically_undetermined()
    {
        Assert.Equal("QUERY-CHOICES", Code(() => Query("Which type of diabetes?", "type 1", "type 2", "other")));
        Assert.Equal("QUERY-CHOICES", Code(() => Query("Which type of diabetes?", "type 1", "type 2", "clinically undetermined")));
        Assert.Equal(4, Query("Which type of diabetes?", "type 1", "type 2", "other", "clinically undetermined").Choices.Count);
    }

    [Theory]
    [InlineData("Documenting acute respiratory failure would improve reimbursement. Is it present?")]
    [InlineData("Can you specify the heart failure type? It affects the DRG.")]
    [InlineData("Please add laterality so the claim gets paid.")]
    public void Query_mentioning_payment_is_refused(string question)
    {
        Assert.Equal("QUERY-MENTIONS-PAYMENT", Code(() => Query(question)));
    }

    [Fact]
    public void Answer_in_time_closes_the_query()
    {
        var query = Query();
        query.Respond("Type 2 diabetes mellitus without complications.", Raised.AddHours(5));

        Assert.Equal((QueryStatus.Answered, Raised.AddHours(5)), (query.Status, query.ClosedAt));
    }

    [Fact]
    public void Answer_after_the_due_instant_is_refused_as_expired()
    {
        var query = Query();

        Assert.Equal("QUERY-EXPIRED", Code(() => query.Respond("Type 2.", Raised.AddHours(72))));
        Assert.Equal(QueryStatus.Open, query.Status);
    }

    [Fact]
    public void Multiple_choice_answer_must_be_one_of_the_choices()
    {
        var query = Query("Which type of diabetes?", "type 1", "type 2", "other", "clinically undetermined");

        Assert.Equal("QUERY-ANSWER-NOT-A-CHOICE", Code(() => query.Respond("gestational", Raised.AddHours(1))));
        query.Respond("other: drug-induced diabetes", Raised.AddHours(1));
        Assert.Equal(QueryStatus.Answered, query.Status);
    }

    [Fact]
    public void Expiring_twice_changes_nothing_the_second_time()
    {
        var query = Query();

        Assert.False(query.ExpireIfOverdue(Raised.AddHours(71)));
        Assert.True(query.ExpireIfOverdue(Raised.AddHours(80)));
        Assert.False(query.ExpireIfOverdue(Raised.AddHours(90)));
        Assert.Equal((QueryStatus.Unresolved, Raised.AddHours(72)), (query.Status, query.ClosedAt));
    }
}
