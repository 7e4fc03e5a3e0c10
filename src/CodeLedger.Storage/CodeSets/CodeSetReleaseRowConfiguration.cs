using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.CodeSets;

internal sealed class CodeSetReleaseRowConfiguration : IEntityTypeConfiguration<CodeSetReleaseRow>
{
    public void Configure(EntityTypeBuilder<CodeSetReleaseRow> b)
    {
        b.ToTable("code_set_releases");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(20);
        b.Property(r => r.FileName).HasMaxLength(260);
        b.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        b.HasIndex(r => r.Sha256).IsUnique();
        b.HasIndex(r => new { r.Kind, r.EffectiveDate });
        b.Property(r => r.ImportedBy).HasMaxLength(200);
    }
}
