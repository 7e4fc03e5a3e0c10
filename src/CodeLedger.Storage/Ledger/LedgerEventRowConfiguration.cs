using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Ledger;

internal sealed class LedgerEventRowConfiguration : IEntityTypeConfiguration<LedgerEventRow>
{
    public void Configure(EntityTypeBuilder<LedgerEventRow> b)
    {
        b.ToTable("ledger_events");

        // The sequence number is assigned by the appender under the ledger's ordering lock, never by the
        // database, and its primary key makes a fork (two events with one number) impossible.
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Hash).IsUnique();
        b.HasIndex(e => new { e.Type, e.Subject });
    }
}
