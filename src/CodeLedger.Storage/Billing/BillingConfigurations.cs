using CodeLedger.Core.Billing;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Billing;

/// <summary>fee_schedules: the versions of each practice's chargemaster (docs/BILLING.md).</summary>
internal sealed class FeeScheduleRowConfiguration : IEntityTypeConfiguration<FeeScheduleRow>
{
    public void Configure(EntityTypeBuilder<FeeScheduleRow> b)
    {
        b.ToTable("fee_schedules");
        b.HasKey(f => f.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.PracticeId).OnDelete(DeleteBehavior.Restrict);

        // One version per practice and day: a second, different file for the same day is refused.
        b.HasIndex(f => new { f.PracticeId, f.EffectiveOn }).IsUnique();
        b.Property(f => f.FileName).HasMaxLength(260);
        b.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(f => f.ImportedBy).HasMaxLength(200);
        b.Property(f => f.Entries).HasConversion(Converters.Json<List<FeeScheduleEntry>>(), Converters.JsonComparer<List<FeeScheduleEntry>>());
    }
}

/// <summary>claims: every claim submission of every practice (docs/BILLING.md).</summary>
internal sealed class ClaimRowConfiguration : IEntityTypeConfiguration<ClaimRow>
{
    public void Configure(EntityTypeBuilder<ClaimRow> b)
    {
        b.ToTable("claims");
        b.HasKey(c => c.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Core.Encounters.Encounter>().WithMany().HasForeignKey(c => c.EncounterId).OnDelete(DeleteBehavior.Restrict);

        // CLM01 names one claim of the practice; an encounter's submissions are numbered once each.
        b.HasIndex(c => new { c.PracticeId, c.ClaimId }).IsUnique();
        b.HasIndex(c => new { c.EncounterId, c.Submission }).IsUnique();

        // No index names the status (or any column a claim's life changes: the status, CLP07, the
        // submission's and acknowledgment's fields), so that on PostgreSQL updating a claim rewrites
        // the row in place of its page (a HOT update, with the fill factor PostgresCodeLedgerDbContext
        // sets) instead of adding an entry to every index: posting a 200,000-claim 835 updated every
        // claim's four index entries, 5 of its 25 s (docs/PERFORMANCE.md, "HOT claim updates"). The
        // practice's claims are found on PostgreSQL by the (practice, CLM01) index above; the reads by
        // status (`claims list --status`, the demo's) filter the practice's claims read through it.
        // SQLite keeps a (practice, status) index (SqliteCodeLedgerDbContext).
        b.Property(c => c.ClaimId).HasMaxLength(20);
        b.Property(c => c.ReplacesClaimId).HasMaxLength(20);
        b.Property(c => c.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Status).HasConversion(v => v.Name(), s => ClaimStatusNames.Parse(s)).HasMaxLength(20);
        b.Property(c => c.PayerCode).HasMaxLength(40);
        b.Property(c => c.PayerId).HasMaxLength(80);
        b.Property(c => c.PayerClaimControlNumber).HasMaxLength(50);
        b.Property(c => c.TotalCharge).HasConversion(Converters.Money);
        b.Property(c => c.BuiltBy).HasMaxLength(200);
        b.Property(c => c.ReceiverId).HasMaxLength(80);
        b.Property(c => c.FileName).HasMaxLength(260);
        b.Property(c => c.Lines).HasConversion(Converters.Json<List<ClaimLineRow>>(), Converters.JsonComparer<List<ClaimLineRow>>());
        b.Property(c => c.Findings).HasConversion(Converters.Json<List<ClaimFindingRow>>(), Converters.JsonComparer<List<ClaimFindingRow>>());
    }
}

/// <summary>payers: each practice's payers (docs/SETUP.md, docs/BILLING.md).</summary>
internal sealed class PayerRowConfiguration : IEntityTypeConfiguration<PayerRow>
{
    public void Configure(EntityTypeBuilder<PayerRow> b)
    {
        b.ToTable("payers");
        b.HasKey(p => p.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PracticeId, p.Code }).IsUnique();
        b.Property(p => p.Code).HasMaxLength(40);
        b.Property(p => p.Name).HasMaxLength(60);
        b.Property(p => p.PayerId).HasMaxLength(80);
        b.Property(p => p.ClaimFilingIndicator).HasMaxLength(2);
        b.Property(p => p.InterchangeQualifier).HasMaxLength(2);
        b.Property(p => p.InterchangeId).HasMaxLength(15);
        b.Property(p => p.GroupReceiverCode).HasMaxLength(15);
    }
}

/// <summary>billing_profiles: the practice as billing provider and submitter, one row per practice.</summary>
internal sealed class BillingProfileRowConfiguration : IEntityTypeConfiguration<BillingProfileRow>
{
    public void Configure(EntityTypeBuilder<BillingProfileRow> b)
    {
        b.ToTable("billing_profiles");
        b.HasKey(p => p.PracticeId);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Npi).HasMaxLength(10);
        b.Property(p => p.Ein).HasMaxLength(10);
        b.Property(p => p.AddressLine1).HasMaxLength(55);
        b.Property(p => p.AddressLine2).HasMaxLength(55);
        b.Property(p => p.City).HasMaxLength(30);
        b.Property(p => p.State).HasMaxLength(2);
        b.Property(p => p.PostalCode).HasMaxLength(9);
        b.Property(p => p.SubmitterEtin).HasMaxLength(15);
        b.Property(p => p.SubmitterName).HasMaxLength(60);
        b.Property(p => p.ContactName).HasMaxLength(60);
        b.Property(p => p.ContactPhone).HasMaxLength(10);
    }
}

/// <summary>encounter_coverages: the coverage of each encounter, by intake version; the policy and address are PHI (Protection/PhiColumns).</summary>
internal sealed class EncounterCoverageRowConfiguration : IEntityTypeConfiguration<EncounterCoverageRow>
{
    public void Configure(EntityTypeBuilder<EncounterCoverageRow> b)
    {
        b.ToTable("encounter_coverages");
        b.HasKey(c => new { c.EncounterId, c.Version });
        b.HasOne<Core.Encounters.Encounter>().WithMany().HasForeignKey(c => c.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.PayerCode).HasMaxLength(40);
    }
}
