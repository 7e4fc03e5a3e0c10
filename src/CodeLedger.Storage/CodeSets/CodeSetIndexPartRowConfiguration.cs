using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.CodeSets;

internal sealed class CodeSetIndexPartRowConfiguration : IEntityTypeConfiguration<CodeSetIndexPartRow>
{
    public void Configure(EntityTypeBuilder<CodeSetIndexPartRow> b)
    {
        b.ToTable("code_set_index_parts");
        b.HasKey(r => r.Id);
        b.HasOne<CodeSetReleaseRow>().WithMany().HasForeignKey(r => r.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ReleaseId, r.Format, r.Part }).IsUnique();
    }
}
