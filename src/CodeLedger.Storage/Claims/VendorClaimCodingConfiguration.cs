using CodeLedger.Core.Claims;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Claims;

/// <summary>vendor_claim_codings: each version of a vendor's coding of record, loaded from its 837P (docs/CLAIMS-IMPORT.md).</summary>
internal sealed class VendorClaimCodingConfiguration : IEntityTypeConfiguration<VendorClaimCoding>
{
    public void Configure(EntityTypeBuilder<VendorClaimCoding> b)
    {
        b.ToTable("vendor_claim_codings");
        b.HasKey(v => v.Id);
        b.HasOne<Encounter>().WithMany().HasForeignKey(v => v.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(v => v.VendorId).OnDelete(DeleteBehavior.Restrict);

        // Versions per encounter and vendor; the population reader asks "has one" per encounter.
        b.HasIndex(v => new { v.EncounterId, v.VendorId, v.Version }).IsUnique();
        b.Property(v => v.FileSha256).HasMaxLength(64);
        b.Property(v => v.InterchangeControl).HasMaxLength(9);
        b.Property(v => v.GroupControl).HasMaxLength(9);
        b.Property(v => v.TransactionControl).HasMaxLength(9);
        b.Property(v => v.PatientControlNumber).HasMaxLength(38);
        b.Property(v => v.Diagnoses).HasConversion(Converters.Json<List<IcdCode>>(), Converters.JsonComparer<List<IcdCode>>());
        b.Property(v => v.ServiceLines).HasConversion(Converters.Json<List<ServiceLine>>(), Converters.JsonComparer<List<ServiceLine>>());
    }
}
