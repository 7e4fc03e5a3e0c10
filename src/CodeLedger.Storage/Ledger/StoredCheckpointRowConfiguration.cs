using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Ledger;

internal sealed class StoredCheckpointRowConfiguration : IEntityTypeConfiguration<StoredCheckpointRow>
{
    public void Configure(EntityTypeBuilder<StoredCheckpointRow> b)
    {
        b.ToTable("ledger_checkpoints");

        // One receipt per key and event: the first one stored stays (a second signature of the same head adds nothing).
        b.HasKey(r => new { r.KeyId, r.Sequence });
        b.Property(r => r.Sequence).ValueGeneratedNever();
        b.Property(r => r.KeyId).HasMaxLength(64);
        b.Property(r => r.Head).HasMaxLength(64);
    }
}
