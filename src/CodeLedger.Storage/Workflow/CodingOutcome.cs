using CodeLedger.Core.Edits;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Storage.Workflow;

/// <summary>
/// What a coding submission led to: the version stored, the edit findings, and whether the
/// encounter is now final. <see cref="WaitingFor"/> says why not.
/// </summary>
public sealed record CodingOutcome(Guid EncounterId, string ExternalId, int Version, IReadOnlyList<EditFinding> Findings, bool Finalized, WaitingFor? WaitingFor, bool Overridden);
