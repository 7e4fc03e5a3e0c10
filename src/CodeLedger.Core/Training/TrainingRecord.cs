using CodeLedger.Core.Common;

namespace CodeLedger.Core.Training;

/// <summary>
/// A coder's completed training on a code-set release (for example "ICD-10-CM FY2027", effective
/// 2026-10-01). Training finished after the release took effect is late: the coder coded against
/// codes they had not yet been trained on.
/// </summary>
public sealed class TrainingRecord
{
    private TrainingRecord()
    {
        Release = string.Empty;
    }

    public TrainingRecord(Guid id, Guid coderId, string release, DateOnly releaseEffectiveOn, DateOnly completedOn, DateTimeOffset recordedAt)
    {
        Id = id;
        CoderId = coderId;
        Release = Guard.Text(release, "code-set release", 80);
        ReleaseEffectiveOn = releaseEffectiveOn;
        CompletedOn = completedOn;
        RecordedAt = Instants.Normalize(recordedAt);
    }

    public Guid Id { get; private set; }

    public Guid CoderId { get; private set; }

    public string Release { get; private set; }

    public DateOnly ReleaseEffectiveOn { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsLate => CompletedOn > ReleaseEffectiveOn;

    public int DaysLate => Math.Max(0, CompletedOn.DayNumber - ReleaseEffectiveOn.DayNumber);
}
