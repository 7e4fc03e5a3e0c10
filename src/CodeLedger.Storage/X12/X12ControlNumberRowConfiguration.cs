using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.X12;

internal sealed class X12ControlNumberRowConfiguration : IEntityTypeConfiguration<X12ControlNumberRow>
{
    public void Configure(EntityTypeBuilder<X12ControlNumberRow> b)
    {
        b.ToTable("x12_control_numbers");

        // ISA05 and ISA07 are two characters, ISA06 and ISA08 fifteen (005010 control segments).
        b.HasKey(r => new { r.SenderQualifier, r.SenderId, r.ReceiverQualifier, r.ReceiverId });
        b.Property(r => r.SenderQualifier).HasMaxLength(2);
        b.Property(r => r.SenderId).HasMaxLength(15);
        b.Property(r => r.ReceiverQualifier).HasMaxLength(2);
        b.Property(r => r.ReceiverId).HasMaxLength(15);
    }
}
