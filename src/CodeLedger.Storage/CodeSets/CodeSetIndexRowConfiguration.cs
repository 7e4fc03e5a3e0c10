using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.CodeSets;

internal sealed class CodeSetIndexRowConfiguration : IEntityTypeConfiguration<CodeSetIndexRow>
{
    public void Configure(EntityTypeBuilder<CodeSetIndexRow> b)
    {
        b.ToTable("code_set_indexes");
        b.HasKey(r => r.Id);
        b.HasOne<CodeSetReleaseRow>().WithMany().HasForeignKey(r => r.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ReleaseId, r.Format }).IsUnique();
        b.Property(r => r.ReleaseSha256).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
