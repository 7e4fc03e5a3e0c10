using CodeLedger.Core.Billing;

namespace CodeLedger.Storage.Billing;

/// <summary>
/// A version of a practice's fee schedule (table fee_schedules; docs/BILLING.md): in force from
/// <see cref="EffectiveOn"/> until the practice's next version. Rows are only ever inserted.
/// </summary>
public sealed class FeeScheduleRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The fees, one JSON column: a version is read and replaced whole, never a fee alone.</summary>
    public List<FeeScheduleEntry> Entries { get; set; } = [];

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public FeeSchedule ToSchedule() => new(EffectiveOn, Entries);
}
