namespace CodeLedger.Core.Assignment;

public sealed record ExpiringCredential(string Coder, string Credential, DateOnly ExpiresOn, int DaysLeft);
