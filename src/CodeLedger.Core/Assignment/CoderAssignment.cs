namespace CodeLedger.Core.Assignment;

/// <summary>The outcome of assigning one encounter: the coder (null when uncovered) and on what basis.</summary>
public sealed record CoderAssignment(Guid? CoderId, string? CoderUserName, AssignmentBasis Basis);
