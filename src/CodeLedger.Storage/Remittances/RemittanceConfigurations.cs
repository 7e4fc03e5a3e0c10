using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using CodeLedger.Storage.Denials;
using CodeLedger.Storage.Mapping;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Remittances;

/// <summary>Amounts as cents, as Money is stored: exact on SQLite, which has no decimal type; 835 amounts have at most two decimals.</summary>
internal static class Cents
{
    public static readonly ValueConverter<decimal, long> Converter = new(v => (long)decimal.Round(v * 100m), c => c / 100m);

    public static readonly ValueConverter<decimal?, long?> Nullable = new(v => v == null ? null : (long)decimal.Round(v.Value * 100m), c => c == null ? null : c.Value / 100m);
}

/// <summary>remittance_payments: one row per 835 payment posted, unique per practice by (payer id, TRN02).</summary>
internal sealed class RemittancePaymentRowConfiguration : IEntityTypeConfiguration<RemittancePaymentRow>
{
    public void Configure(EntityTypeBuilder<RemittancePaymentRow> b)
    {
        b.ToTable("remittance_payments");
        b.HasKey(p => p.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PracticeId, p.PayerId, p.TraceNumber }).IsUnique();
        b.Property(p => p.PayerId).HasMaxLength(80);
        b.Property(p => p.TraceNumber).HasMaxLength(80);
        b.Property(p => p.TotalPayment).HasConversion(Cents.Converter);
        b.Property(p => p.FileName).HasMaxLength(260);
        b.Property(p => p.FileSha256).HasMaxLength(64).IsFixedLength();
        b.Property(p => p.TransactionSet).HasMaxLength(9);
        b.Property(p => p.PostedBy).HasMaxLength(200);
    }
}

/// <summary>claim_postings: every CLP posted to a claim.</summary>
internal sealed class ClaimPostingRowConfiguration : IEntityTypeConfiguration<ClaimPostingRow>
{
    public void Configure(EntityTypeBuilder<ClaimPostingRow> b)
    {
        b.ToTable("claim_postings");
        b.HasKey(p => p.Id);
        b.HasOne<RemittancePaymentRow>().WithMany().HasForeignKey(p => p.PaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Billing.ClaimRow>().WithMany().HasForeignKey(p => p.ClaimRowId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PracticeId, p.ClaimId });
        b.HasIndex(p => p.PaymentId);
        b.Property(p => p.ClaimId).HasMaxLength(38);
        b.Property(p => p.Status).HasMaxLength(2);
        b.Property(p => p.Charge).HasConversion(Cents.Converter);
        b.Property(p => p.Paid).HasConversion(Cents.Converter);
        b.Property(p => p.PatientResponsibility).HasConversion(Cents.Nullable);
        b.Property(p => p.PayerClaimControlNumber).HasMaxLength(50);
        b.Property(p => p.Adjustments).HasConversion(Converters.Json<List<RemittancePosted.Cas>>(), Converters.JsonComparer<List<RemittancePosted.Cas>>());
        b.Property(p => p.Lines).HasConversion(Converters.Json<List<RemittancePosted.Line>>(), Converters.JsonComparer<List<RemittancePosted.Line>>());
    }
}

/// <summary>provider_adjustments: every PLB adjustment, with the claim it names.</summary>
internal sealed class ProviderAdjustmentRowConfiguration : IEntityTypeConfiguration<ProviderAdjustmentRow>
{
    public void Configure(EntityTypeBuilder<ProviderAdjustmentRow> b)
    {
        b.ToTable("provider_adjustments");
        b.HasKey(p => p.Id);
        b.HasOne<RemittancePaymentRow>().WithMany().HasForeignKey(p => p.PaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PaymentId);
        b.Property(p => p.ProviderId).HasMaxLength(50);
        b.Property(p => p.Reason).HasMaxLength(2);
        b.Property(p => p.Reference).HasMaxLength(50);
        b.Property(p => p.Amount).HasConversion(Cents.Converter);
        b.Property(p => p.ClaimId).HasMaxLength(38);
    }
}

/// <summary>unmatched_claim_payments: the queue of CLPs no claim matched.</summary>
internal sealed class UnmatchedClaimPaymentRowConfiguration : IEntityTypeConfiguration<UnmatchedClaimPaymentRow>
{
    public void Configure(EntityTypeBuilder<UnmatchedClaimPaymentRow> b)
    {
        b.ToTable("unmatched_claim_payments");
        b.HasKey(p => p.Id);
        b.HasOne<RemittancePaymentRow>().WithMany().HasForeignKey(p => p.PaymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.PaymentId, p.Position }).IsUnique();
        b.HasIndex(p => p.PracticeId);
        b.Property(p => p.PatientControlNumber).HasMaxLength(38);
        b.Property(p => p.PayerClaimControlNumber).HasMaxLength(50);
        b.Property(p => p.Status).HasMaxLength(2);
        b.Property(p => p.Charge).HasConversion(Cents.Converter);
        b.Property(p => p.Paid).HasConversion(Cents.Converter);
        b.Property(p => p.PatientResponsibility).HasConversion(Cents.Nullable);
        b.Property(p => p.Adjustments).HasConversion(Converters.Json<List<RemittancePosted.Cas>>(), Converters.JsonComparer<List<RemittancePosted.Cas>>());
        b.Property(p => p.Services).HasConversion(Converters.Json<List<RemittancePosted.Service>>(), Converters.JsonComparer<List<RemittancePosted.Service>>());
    }
}

/// <summary>denial_work_items: one per denied posting.</summary>
internal sealed class DenialWorkItemRowConfiguration : IEntityTypeConfiguration<DenialWorkItemRow>
{
    public void Configure(EntityTypeBuilder<DenialWorkItemRow> b)
    {
        b.ToTable("denial_work_items");
        b.HasKey(d => d.Id);
        b.HasOne<ClaimPostingRow>().WithMany().HasForeignKey(d => d.PostingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.PracticeId, d.State });
        b.Property(d => d.ClaimId).HasMaxLength(38);
        b.Property(d => d.RootCause).HasMaxLength(20);
        b.Property(d => d.Amount).HasConversion(Cents.Converter);
        b.Property(d => d.Team).HasMaxLength(10);
        b.Property(d => d.Coder).HasMaxLength(64);
        b.Property(d => d.State).HasMaxLength(20);
        b.Property(d => d.LastStep).HasMaxLength(20);
    }
}

/// <summary>denial_work_steps: one per step of a work item, in the order taken.</summary>
internal sealed class DenialWorkStepRowConfiguration : IEntityTypeConfiguration<DenialWorkStepRow>
{
    public void Configure(EntityTypeBuilder<DenialWorkStepRow> b)
    {
        b.ToTable("denial_work_steps");
        b.HasKey(d => d.Id);
        b.HasOne<DenialWorkItemRow>().WithMany().HasForeignKey(d => d.WorkItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.WorkItemId, d.At });
        b.Property(d => d.Step).HasMaxLength(20);
        b.Property(d => d.FromState).HasMaxLength(20);
        b.Property(d => d.ToState).HasMaxLength(20);
        b.Property(d => d.Actor).HasMaxLength(64);
        b.Property(d => d.ClaimId).HasMaxLength(38);
    }
}
