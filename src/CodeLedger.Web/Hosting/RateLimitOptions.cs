namespace CodeLedger.Web.Hosting;

/// <summary>
/// The rate limits (configuration section CodeLedger:RateLimits; docs/WEB.md, "Rate limits").
/// Sign-in: a fixed window per client address and per user name. Tokens: a bucket per token,
/// sized so that a busy integration is not slowed (the load benchmark runs 50 clients at full
/// speed, one token each) while a leaked token cannot hammer the host.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "CodeLedger:RateLimits";

    public int SignInWindowSeconds { get; set; } = 300;

    public int SignInPerAddress { get; set; } = 30;

    public int SignInPerUserName { get; set; } = 10;

    public int TokenBurst { get; set; } = 200;

    public int TokenRequestsPerSecond { get; set; } = 100;

    /// <summary>How often the bucket is refilled with <see cref="TokenRequestsPerSecond"/> × this many requests (1 second; tests stretch it so a slow machine does not refill mid-test).</summary>
    public int TokenRefillSeconds { get; set; } = 1;
}
