namespace CodeLedger.Web.Queries;

/// <summary>How often the web host looks for overdue queries (CodeLedger:QueryExpiry:IntervalSeconds; default five minutes).</summary>
public sealed class QueryExpiryOptions
{
    public int IntervalSeconds { get; set; } = 300;
}
