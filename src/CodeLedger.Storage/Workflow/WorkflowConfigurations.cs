using CodeLedger.Core.Coders;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Intake;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Core.Queries;
using CodeLedger.Core.Training;
using CodeLedger.Core.Workflow;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Workflow;

internal sealed class DocumentationVersionConfiguration : IEntityTypeConfiguration<DocumentationVersion>
{
    public void Configure(EntityTypeBuilder<DocumentationVersion> b)
    {
        b.ToTable("documentation_versions");
        b.HasKey(d => d.Id);
        b.HasOne<Encounter>().WithMany().HasForeignKey(d => d.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.EncounterId, d.Version }).IsUnique();
        b.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    /// <summary>The finalized-work index the SLA report and the monthly package's work read scan (named so SQLite's INDEXED BY can name it).</summary>
    public const string FinalizedWorkIndex = "IX_work_items_finalized_work";

    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("work_items");
        b.HasKey(w => w.EncounterId);
        b.HasOne<Encounter>().WithOne().HasForeignKey<WorkItem>(w => w.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(w => w.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(w => w.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coder>().WithMany().HasForeignKey(w => w.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(w => w.Basis).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.OverrideReason).HasMaxLength(500);
        b.Property(w => w.OverrideBy).HasMaxLength(64);
        b.Ignore(w => w.IsFinalized);

        // The SLA report reads finalized work of one practice and vendor in a month. The index carries
        // every column the report reads (clock start, encounter id), so SQLite answers it from one
        // sequential index scan instead of a table lookup per work item (11.5 s -> see PERFORMANCE-HISTORY.md, "Workflow").
        // The monthly package's work read also needs the coder and the final coding's version: with
        // them at the end (the order the SLA report scans is unchanged) it reads no work_items row
        // either, where it fetched one by rowid per finalized item (docs/PERFORMANCE.md, "Covering the work read").
        b.HasIndex(w => new { w.PracticeId, w.VendorId, w.FinalizedAt, w.ClockStart, w.EncounterId, w.CoderId, w.FinalCodingVersion }).HasDatabaseName(FinalizedWorkIndex);

        // Assignment counts open work per coder at every import. Only open rows are in this index, so
        // the count reads the backlog, not every item ever finalized (it grew with the history: a
        // scan of all assigned work per import; docs/PERFORMANCE-HISTORY.md, "Demo and writers"). The
        // filter is the same SQL on both providers and matches the query's own condition, which is
        // what lets SQLite and PostgreSQL use a partial index.
        b.HasIndex(w => new { w.CoderId, w.Status }).HasFilter("\"status\" <> 'Finalized'").HasDatabaseName("IX_work_items_open_by_coder");
    }
}

internal sealed class DocumentationQueryConfiguration : IEntityTypeConfiguration<DocumentationQuery>
{
    public void Configure(EntityTypeBuilder<DocumentationQuery> b)
    {
        b.ToTable("documentation_queries");
        b.HasKey(q => q.Id);
        b.HasOne<Encounter>().WithMany().HasForeignKey(q => q.EncounterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Physician>().WithMany().HasForeignKey(q => q.PhysicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Coder>().WithMany().HasForeignKey(q => q.RaisedByCoderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(q => q.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        // Question, choices and answer are PHI, encrypted by Protection/PhiColumns. The domain caps
        // their length (2,000 and 4,000 characters); the columns hold the longer ciphertext, so
        // they have no length of their own.

        // The expiry worker scans open queries by due instant; physicians list theirs. Coding asks
        // whether one encounter has an open query: with the encounter and status together SQLite
        // seeks that encounter's open queries instead of walking every open query by status.
        b.HasIndex(q => new { q.Status, q.DueAt });
        b.HasIndex(q => new { q.PhysicianId, q.Status });
        b.HasIndex(q => new { q.EncounterId, q.Status });
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.ToTable("training_records");
        b.HasKey(t => t.Id);
        b.HasOne<Coder>().WithMany().HasForeignKey(t => t.CoderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Release).HasMaxLength(80);
        b.HasIndex(t => new { t.CoderId, t.Release }).IsUnique();
        b.Ignore(t => t.IsLate);
        b.Ignore(t => t.DaysLate);
    }
}

internal sealed class CredentialMapVersionConfiguration : IEntityTypeConfiguration<CredentialMapVersion>
{
    public void Configure(EntityTypeBuilder<CredentialMapVersion> b)
    {
        b.ToTable("credential_map_versions");
        b.HasKey(m => m.Id);
        b.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(m => m.SetBy).HasMaxLength(200);
        b.HasIndex(m => m.SetAt);
    }
}
