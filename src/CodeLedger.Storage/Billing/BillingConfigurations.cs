using CodeLedger.Core.Billing;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Billing;

/// <summary>fee_schedules: the versions of each practice's chargemaster (docs/BILLING.md).</summary>
internal sealed class FeeScheduleRowConfiguration : IEntityTypeConfiguration<FeeScheduleRow>
{
    public void Configure(EntityTypeBuilder<FeeScheduleRow> b)
    {
        b.ToTable("fee_schedules");
        b.HasKey(f => f.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.PracticeId).OnDelete(DeleteBehavior.Restrict);

        // One version per practice and day: a second, different file for the same day is refused.
        b.HasIndex(f => new { f.PracticeId, f.EffectiveOn }).IsUnique();
        b.Property(f => f.FileName).HasMaxLength(260);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.ImportedBy).HasMaxLength(200);
        b.Property(f => f.Entries).HasConversion(Converters.Json<List<FeeScheduleEntry>>(), Converters.JsonComparer<List<FeeScheduleEntry>>());
    }
}
