using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Acknowledgments;

/// <summary>acknowledgments: every 999, TA1 and 277CA put back onto a practice's claims.</summary>
internal sealed class AcknowledgmentRowConfiguration : IEntityTypeConfiguration<AcknowledgmentRow>
{
    public void Configure(EntityTypeBuilder<AcknowledgmentRow> b)
    {
        b.ToTable("acknowledgments");
        b.HasKey(a => a.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);

        // The same file twice changes nothing: one row per practice and content.
        b.HasIndex(a => new { a.PracticeId, a.Sha256 }).IsUnique();
        b.Property(a => a.Kind).HasMaxLength(8);
        b.Property(a => a.FileName).HasMaxLength(260);
        b.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(a => a.Sender).HasMaxLength(80);
        b.Property(a => a.ImportedBy).HasMaxLength(200);
        b.Property(a => a.Claims).HasConversion(Converters.Json<List<AcknowledgedClaimRow>>(), Converters.JsonComparer<List<AcknowledgedClaimRow>>());
        b.Property(a => a.Unmatched).HasConversion(Converters.Json<List<string>>(), Converters.JsonComparer<List<string>>());
    }
}
