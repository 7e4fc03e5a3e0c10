using CodeLedger.Core.Training;

namespace CodeLedger.Core.Tests.Training;

public sealed class TrainingRecordTests
{
    private static TrainingRecord Completed(DateOnly on) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "ICD-10-CM FY2027", new DateOnly(2026, 10, 1), on, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Training_completed_after_the_release_took_effect_is_late()
    {
        Assert.Equal((true, 14), (Completed(new DateOnly(2026, 10, 15)).IsLate, Completed(new DateOnly(2026, 10, 15)).DaysLate));
    }

    [Fact]
    public void Training_completed_on_the_effective_date_is_on_time()
    {
        Assert.False(Completed(new DateOnly(2026, 10, 1)).IsLate);
    }
}
