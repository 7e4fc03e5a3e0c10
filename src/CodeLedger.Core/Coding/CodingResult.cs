using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.EvaluationAndManagement;

namespace CodeLedger.Core.Coding;

/// <summary>
/// One version of the coding of an encounter. Versions are never overwritten: a correction is a
/// new version, so the audit trail shows what was coded, by whom and when.
/// </summary>
public sealed class CodingResult
{
    /// <summary>An 837P claim carries at most 12 diagnoses (HI segment, 005010X222A1).</summary>
    public const int MaxDiagnoses = 12;

    private CodingResult()
    {
        Diagnoses = [];
        ServiceLines = [];
    }

    public CodingResult(Guid id, Guid encounterId, int version, Guid coderId, DateTimeOffset codedAt, IReadOnlyList<IcdCode> diagnoses, IReadOnlyList<ServiceLine> serviceLines,
        EmInput? emDocumentation = null, int documentationVersion = 1)
    {
        if (version < 1)
        {
            throw new DomainException(CodingErrors.Version, "coding versions start at 1");
        }

        if (diagnoses.Count is 0 or > MaxDiagnoses)
        {
            throw new DomainException(CodingErrors.Diagnoses, $"coding needs 1 to {MaxDiagnoses} diagnoses, got {diagnoses.Count}");
        }

        if (serviceLines.Count == 0)
        {
            throw new DomainException(CodingErrors.Lines, "coding needs at least one service line");
        }

        if (documentationVersion < 1)
        {
            throw new DomainException(EncounterErrors.DocumentationVersion, "documentation versions start at 1");
        }

        Id = id;
        EncounterId = encounterId;
        Version = version;
        CoderId = coderId;
        CodedAt = Instants.Normalize(codedAt);
        Diagnoses = [.. diagnoses];
        ServiceLines = [.. serviceLines];
        EmDocumentation = emDocumentation;
        DocumentationVersion = documentationVersion;
    }

    public Guid Id { get; private set; }

    public Guid EncounterId { get; private set; }

    public int Version { get; private set; }

    public Guid CoderId { get; private set; }

    public DateTimeOffset CodedAt { get; private set; }

    /// <summary>Ordered: the first is the primary diagnosis; pointers refer to positions 1..12.</summary>
    public List<IcdCode> Diagnoses { get; private set; }

    public List<ServiceLine> ServiceLines { get; private set; }

    /// <summary>
    /// The MDM elements and total time the coder abstracted from the note, when given: kept with
    /// the version so the E/M level check can be re-run from what was stored.
    /// </summary>
    public EmInput? EmDocumentation { get; private set; }

    /// <summary>The version of the note this coding was made from (the work item's when it was submitted).</summary>
    public int DocumentationVersion { get; private set; }

    /// <summary>Error findings of the edit engine on this version when it was submitted.</summary>
    public int EditErrors { get; private set; }

    /// <summary>A lead's reason for finalizing this version despite its edit errors; null when none was needed or given.</summary>
    public string? OverrideReason { get; private set; }

    /// <summary>
    /// Whether this version may become final as far as the edits go: no error finding, or a lead
    /// overrode them with a recorded reason (docs/WORKFLOW.md, "Coding").
    /// </summary>
    public bool PassesEditGate => EditErrors == 0 || OverrideReason is not null;

    /// <summary>
    /// Records the edit engine's verdict on this version, before it is stored. The reason is kept
    /// only when there were errors to override; the caller has checked that a lead gave it.
    /// </summary>
    public void RecordEdits(int errors, string? overrideReason)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(errors);
        EditErrors = errors;
        OverrideReason = errors > 0 && !string.IsNullOrWhiteSpace(overrideReason) ? overrideReason.Trim() : null;
    }
}
