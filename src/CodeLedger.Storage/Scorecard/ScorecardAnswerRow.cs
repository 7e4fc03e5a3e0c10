using CodeLedger.Core.Ledger.Replay;
using CodeLedger.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CodeLedger.Storage.Scorecard;

/// <summary>
/// scorecard_answers: one answer a practice's admin recorded about a vendor, never updated (a new
/// answer of the same kind stands in its place on the scorecard). The value is the answer's one
/// text form (<c>Core/Scorecard/ScorecardAnswer.Value</c>), as <c>scorecard.answered</c> carries it.
/// </summary>
public sealed class ScorecardAnswerRow
{
    public Guid Id { get; set; }

    public Guid PracticeId { get; set; }

    public Guid VendorId { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;

    public string RecordedBy { get; set; } = string.Empty;

    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ScorecardAnswerConfiguration : IEntityTypeConfiguration<ScorecardAnswerRow>
{
    public void Configure(EntityTypeBuilder<ScorecardAnswerRow> b)
    {
        b.ToTable(StateTables.ScorecardAnswers);
        b.HasKey(a => a.Id);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Kind).HasMaxLength(32);
        b.Property(a => a.Value).HasMaxLength(600);
        b.Property(a => a.RecordedBy).HasMaxLength(64);
        b.HasIndex(a => new { a.PracticeId, a.VendorId });
    }
}

/// <summary>The answers table as <see cref="StateRows"/> for <c>ledger verify</c>, written exactly as <c>ReplayedState.Scorecard.cs</c> writes the replayed rows.</summary>
internal static class ScorecardStoredRows
{
    public static async Task ReadAsync(CodeLedgerDbContext db, IStateRowSink rows, Func<Guid, string> code, CancellationToken ct)
    {
        foreach (var a in await db.Set<ScorecardAnswerRow>().AsNoTracking().ToListAsync(ct))
        {
            rows.Add(StateTables.ScorecardAnswers, StateRows.Text(a.Id), $"scorecard answer {a.Id:D} ({a.Kind}) of {code(a.PracticeId)} about {code(a.VendorId)}", 0)
                .Set("practice", code(a.PracticeId)).Set("vendor", code(a.VendorId)).Set("kind", a.Kind).Set("value", a.Value)
                .Set("recorded_by", a.RecordedBy).Set("recorded_at", StateRows.Text(a.RecordedAt));
        }
    }
}
