using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Mapping;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Code).HasMaxLength(40);
        b.HasIndex(o => o.Code).IsUnique();
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class BusinessAssociateAgreementConfiguration : IEntityTypeConfiguration<BusinessAssociateAgreement>
{
    public void Configure(EntityTypeBuilder<BusinessAssociateAgreement> b)
    {
        b.ToTable("business_associate_agreements");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.PracticeId, a.VendorId });
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.PracticeSignatory).HasMaxLength(200);
        b.Property(a => a.VendorSignatory).HasMaxLength(200);
        b.Property(a => a.DocumentSha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class PhysicianConfiguration : IEntityTypeConfiguration<Physician>
{
    public void Configure(EntityTypeBuilder<Physician> b)
    {
        b.ToTable("physicians");
        b.HasKey(p => p.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Npi).HasConversion(Converters.Npi).HasMaxLength(10);
        b.HasIndex(p => p.Npi).IsUnique();
        b.Property(p => p.Taxonomy).HasConversion(Converters.Taxonomy).HasMaxLength(10);
        b.Property(p => p.Specialty).HasConversion(Converters.Specialty).HasMaxLength(60);
    }
}

internal sealed class CoderConfiguration : IEntityTypeConfiguration<Coder>
{
    public void Configure(EntityTypeBuilder<Coder> b)
    {
        b.ToTable("coders");
        b.HasKey(c => c.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.UserName).HasMaxLength(64);
        b.HasIndex(c => c.UserName).IsUnique();
        b.Property(c => c.DisplayName).HasMaxLength(200);
        b.Property(c => c.Credentials).HasConversion(Converters.Json<List<Credential>>(), Converters.JsonComparer<List<Credential>>());
        b.Property(c => c.Specialties).HasConversion(Converters.Json<List<Specialty>>(), Converters.JsonComparer<List<Specialty>>());
        b.Property(c => c.Absences).HasConversion(Converters.Json<List<Absence>>(), Converters.JsonComparer<List<Absence>>());
    }
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    /// <summary>The covering index of an encounter's visit (id, practice, physician, date of service); SQLite's planner is told to use it by name.</summary>
    public const string EncounterVisitIndex = "IX_encounters_visit";

    public void Configure(EntityTypeBuilder<Encounter> b)
    {
        b.ToTable("encounters");
        b.HasKey(e => e.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Physician>().WithMany().HasForeignKey(e => e.PhysicianId).OnDelete(DeleteBehavior.Restrict);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        // Unique per practice, and led by the external id: commands name an encounter by its
        // external id alone (WorkflowLookup), which the practice-first order could not seek, so every
        // coding, query and read scanned the whole encounters table (docs/PERFORMANCE-HISTORY.md, "Demo and writers").
        b.HasIndex(e => new { e.ExternalId, e.PracticeId }).IsUnique();
        b.HasIndex(e => new { e.PracticeId, e.DateOfService });
        // The monthly package's reads probe an encounter by id for its practice, physician and date
        // of service only (Storage/Reports/MonthlyRows). The rows are kilobytes (the encrypted note),
        // so each probe read a page of its own; this narrow index answers the probe by itself: at a
        // million encounters the work read fell from 7.3 to 3.0 CPU-s in sqlite3 (docs/PERFORMANCE.md).
        b.HasIndex(e => new { e.Id, e.PracticeId, e.PhysicianId, e.DateOfService }).HasDatabaseName(EncounterVisitIndex);

        // Patient and documentation text are PHI: their encrypting converters are in Protection/PhiColumns.
        b.Property(e => e.PlaceOfService).HasConversion(Converters.PlaceOfService).HasMaxLength(2);
        b.Property(e => e.Specialty).HasConversion(Converters.Specialty).HasMaxLength(60);
        b.Ignore(e => e.ClockStart);
    }
}

internal sealed class CodingResultConfiguration : IEntityTypeConfiguration<CodingResult>
{
    /// <summary>SQLite only (<see cref="SqliteCodeLedgerDbContext"/>): a coding's codes by encounter and version, what the monthly package reads of a final coding.</summary>
    public const string FinalCodesIndex = "IX_coding_results_final_codes";

    public void Configure(EntityTypeBuilder<CodingResult> b)
    {
        b.ToTable("coding_results");
        b.HasKey(c => c.Id);
        b.HasOne<Encounter>().WithMany().HasForeignKey(c => c.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coder>().WithMany().HasForeignKey(c => c.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.EncounterId, c.Version }).IsUnique();
        b.Property(c => c.Diagnoses).HasConversion(Converters.Json<List<IcdCode>>(), Converters.JsonComparer<List<IcdCode>>());
        b.Property(c => c.ServiceLines).HasConversion(Converters.Json<List<ServiceLine>>(), Converters.JsonComparer<List<ServiceLine>>());

        // Stored in the documented input shape of `em level`, not as a serialized record, so the
        // column reads the same to a person and to `codeledger em level`.
        b.Property(c => c.EmDocumentation).HasConversion(Converters.EmDocumentation, Converters.EmDocumentationComparer);

        // Versions stored before the edit verdict was kept read (migration CodingEditVerdict) as
        // coded on note 1 with no edit error: the first makes expiry leave a corrected note's
        // coding to a coder, the second is what expiry assumed before it looked at the edit gate.
        b.Property(c => c.OverrideReason).HasMaxLength(500);
    }
}

internal sealed class SlaContractConfiguration : IEntityTypeConfiguration<SlaContract>
{
    public void Configure(EntityTypeBuilder<SlaContract> b)
    {
        b.ToTable("sla_contracts");
        b.HasKey(c => c.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.PracticeId, c.VendorId, c.EffectiveOn }).IsUnique();
        b.Property(c => c.Clock).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.WorkingHours).HasConversion(Converters.Json<WorkingHours>(), Converters.JsonComparer<WorkingHours>());
        b.Property(c => c.Holidays).HasConversion(Converters.Json<List<DateOnly>>(), Converters.JsonComparer<List<DateOnly>>());
        b.Property(c => c.CreditSchedule).HasConversion(Converters.Json<ServiceCreditSchedule>(), Converters.JsonComparer<ServiceCreditSchedule>());
        b.Property(c => c.MonthlyFee).HasConversion(Converters.Money);
        b.Property(c => c.AccuracyFloorPercent).HasPrecision(5, 2);
    }
}
