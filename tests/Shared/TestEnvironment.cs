namespace CodeLedger.Testing;

/// <summary>
/// Tests that need PostgreSQL or Chromium skip with a stated reason when their variable is unset,
/// and fail (never skip) when CI set it but the server is missing.
/// </summary>
internal static class TestEnvironment
{
    public const string PostgresVariable = "CODELEDGER_TEST_PG";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string RequirePostgres()
    {
        var cs = PostgresConnectionString;
        Assert.SkipWhen(cs is null, $"{PostgresVariable} is not set: PostgreSQL half of the suite skipped");
        return cs!;
    }
}
