namespace CodeLedger.Core.Assignment;

/// <summary>
/// Staffing of one specialty: coders holding a valid credential that covers it, those of them
/// present at least one working day (Monday to Friday) of the rest of the week, credentials covering it
/// that expire within the warning window, and the staffing risk: "none" (nobody qualified) or
/// "single" (one person; an absence leaves the specialty uncovered).
/// </summary>
public sealed record SpecialtyCoverage(
    string Specialty,
    IReadOnlyList<string> CertifiedCoders,
    IReadOnlyList<string> AvailableThisWeek,
    IReadOnlyList<ExpiringCredential> ExpiringCredentials,
    string? Risk);
