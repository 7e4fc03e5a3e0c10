using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Audits;

internal sealed class AuditEngagementConfiguration : IEntityTypeConfiguration<AuditEngagementRow>
{
    public void Configure(EntityTypeBuilder<AuditEngagementRow> b)
    {
        b.ToTable("audit_engagements");
        b.HasKey(a => a.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.AuditorOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Kind).HasMaxLength(16);
        b.Property(a => a.Adjudicator).HasMaxLength(64);
        b.Property(a => a.Seed).HasMaxLength(128);
        b.Property(a => a.Stratification).HasMaxLength(16);
        b.Property(a => a.Specialty).HasMaxLength(64);
        b.Property(a => a.Definition).HasMaxLength(200);
        b.Property(a => a.CreatedBy).HasMaxLength(64);
        b.Property(a => a.Margin).HasPrecision(9, 6);
        b.Property(a => a.ExpectedAccuracy).HasPrecision(9, 6);
        b.Property(a => a.Floor).HasPrecision(9, 6);
        b.Property(a => a.Strata).HasConversion(Converters.Json<List<AuditSampled.Stratum>>(), Converters.JsonComparer<List<AuditSampled.Stratum>>());
        b.Property(a => a.ConversionFactors).HasConversion(Converters.Json<List<AuditSampled.Factor>>(), Converters.JsonComparer<List<AuditSampled.Factor>>());
        b.HasIndex(a => a.PracticeId);
        b.HasIndex(a => a.AuditorOrganizationId);
    }
}

internal sealed class AuditSampleMemberConfiguration : IEntityTypeConfiguration<AuditSampleMemberRow>
{
    public void Configure(EntityTypeBuilder<AuditSampleMemberRow> b)
    {
        b.ToTable("audit_sample_members");
        b.HasKey(m => new { m.AuditId, m.Position });
        b.HasOne<AuditEngagementRow>().WithMany().HasForeignKey(m => m.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Encounter>().WithMany().HasForeignKey(m => m.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.AuditId, m.EncounterId }).IsUnique();
        b.Property(m => m.EncounterKey).HasMaxLength(100);
        b.Property(m => m.PhysicianNpi).HasMaxLength(10);
        b.Property(m => m.Specialty).HasMaxLength(64);
        b.Property(m => m.Stratum).HasMaxLength(64);
    }
}

internal sealed class AuditCodingConfiguration : IEntityTypeConfiguration<AuditCodingRow>
{
    public void Configure(EntityTypeBuilder<AuditCodingRow> b)
    {
        b.ToTable("audit_codings");
        b.HasKey(c => c.Id);
        b.HasOne<AuditEngagementRow>().WithMany().HasForeignKey(c => c.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Encounter>().WithMany().HasForeignKey(c => c.EncounterId).OnDelete(DeleteBehavior.Restrict);

        // One re-coding per encounter of an audit: the second submission is refused, and the index says so too.
        b.HasIndex(c => new { c.AuditId, c.EncounterId }).IsUnique();
        b.Property(c => c.RecordedBy).HasMaxLength(64);
        b.Property(c => c.VendorSource).HasMaxLength(32);
        b.Property(c => c.ConversionFactor).HasPrecision(12, 4);
        b.Property(c => c.Diagnoses).HasConversion(Converters.Json<List<IcdCode>>(), Converters.JsonComparer<List<IcdCode>>());
        b.Property(c => c.ServiceLines).HasConversion(Converters.Json<List<ServiceLine>>(), Converters.JsonComparer<List<ServiceLine>>());
        b.Property(c => c.VendorDiagnoses).HasConversion(Converters.Json<List<IcdCode>>(), Converters.JsonComparer<List<IcdCode>>());
        b.Property(c => c.VendorServiceLines).HasConversion(Converters.Json<List<ServiceLine>>(), Converters.JsonComparer<List<ServiceLine>>());
        b.Property(c => c.Prices).HasConversion(Converters.Json<List<AuditCodingRecorded.Price>>(), Converters.JsonComparer<List<AuditCodingRecorded.Price>>());
    }
}

internal sealed class AuditRebuttalConfiguration : IEntityTypeConfiguration<AuditRebuttalRow>
{
    public void Configure(EntityTypeBuilder<AuditRebuttalRow> b)
    {
        b.ToTable("audit_rebuttals");
        b.HasKey(r => r.Id);
        b.HasOne<AuditEngagementRow>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.AuditId, r.FindingId }).IsUnique();
        b.Property(r => r.FindingId).HasMaxLength(128);
        b.Property(r => r.RebuttedBy).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(1000);
    }
}

internal sealed class AuditAdjudicationConfiguration : IEntityTypeConfiguration<AuditAdjudicationRow>
{
    public void Configure(EntityTypeBuilder<AuditAdjudicationRow> b)
    {
        b.ToTable("audit_adjudications");
        b.HasKey(r => r.Id);
        b.HasOne<AuditEngagementRow>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.AuditId, r.FindingId }).IsUnique();
        b.Property(r => r.FindingId).HasMaxLength(128);
        b.Property(r => r.Outcome).HasMaxLength(16);
        b.Property(r => r.AdjudicatedBy).HasMaxLength(64);
    }
}
