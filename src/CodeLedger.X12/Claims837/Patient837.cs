using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>Loop 2000C/2010CA, present only when the patient is not the subscriber (PAT01 relationship).</summary>
public sealed record Patient837(string Relationship, X12Name Name, X12Address? Address, DateOnly? BirthDate, string? Gender);
