using CodeLedger.Core.Organizations;
using CodeLedger.Core.Tenancy;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Tenancy;

/// <summary>Audit grants (the hook issue 17's engagements write): the granted encounter ids as a JSON list.</summary>
internal sealed class AuditGrantConfiguration : IEntityTypeConfiguration<AuditGrant>
{
    public void Configure(EntityTypeBuilder<AuditGrant> b)
    {
        b.ToTable("audit_grants");
        b.HasKey(g => g.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(g => g.AuditorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(g => g.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(g => g.EncounterIds).HasConversion(Converters.Json<List<Guid>>(), Converters.JsonComparer<List<Guid>>());
        b.HasIndex(g => g.AuditorOrganizationId);
    }
}
