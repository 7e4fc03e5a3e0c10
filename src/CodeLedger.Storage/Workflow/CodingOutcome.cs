using CodeLedger.Core.Edits;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// What a coding submission led to: the version stored, the edit findings, and whether the
/// encounter is now final. <see cref="WaitingFor"/> says why not: "edit-errors" or "open-query".
/// </summary>
public sealed record CodingOutcome(Guid EncounterId, string ExternalId, int Version, IReadOnlyList<EditFinding> Findings, bool Finalized, string? WaitingFor, bool Overridden);
