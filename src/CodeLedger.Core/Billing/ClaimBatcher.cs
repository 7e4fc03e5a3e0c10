using System.Globalization;
using CodeLedger.Core.Common;
using CodeLedger.X12.Claims837;
using CodeLedger.X12.Envelope;
using CodeLedger.X12.Writing;

namespace CodeLedger.Core.Billing;

/// <summary>
/// Who sends the interchanges: the submitter's ETIN (ISA06 with qualifier ZZ, GS02, 1000A NM109
/// qualifier 46), name and EDI contact (1000A PER*IC). Storage passes the practice's own ETIN,
/// the id its clearinghouse assigned: the practice is the billing provider and the clearinghouse
/// enrollment is in its name even when a vendor does the work (docs/BILLING.md).
/// <paramref name="Production"/> sets ISA15 to P, else T (test).
/// </summary>
public sealed record ClaimSubmitter(string Etin, string Name, string ContactName, string ContactPhone, bool Production);

/// <summary>The control numbers the caller reserved for one interchange (from X12ControlNumbers): ISA13, GS06 and ST02.</summary>
public sealed record BatchControlNumbers(long Interchange, long Group, long Transaction);

/// <summary>The ready claims of one practice that go to one payer through one trading partner.</summary>
public sealed record ClaimBatchPlan(string PracticeKey, TradingPartner Partner, ClaimPayer Payer, IReadOnlyList<AssembledClaim> Claims);

/// <summary>One written 837P: its file name, the bytes, and the model they were written from.</summary>
public sealed record ClaimBatchFile(string FileName, ClaimBatchPlan Plan, Claim837Interchange Interchange, byte[] Content);

/// <summary>
/// Groups ready claims per trading partner and payer and writes each group as one 837P
/// interchange (one ISA, one GS, one ST). The control numbers come from the caller, the time from
/// the injected clock: writing the same plan with the same numbers and time gives the same bytes.
/// </summary>
public static class ClaimBatcher
{
    /// <summary>ISA13 and GS06 are at most 9 digits; ST02 is 4 to 9 characters.</summary>
    private const long MaxControlNumber = 999_999_999;

    /// <summary>
    /// The batches the claims make, in a stable order (partner, then payer code; claims by id).
    /// Every claim must be ready and of one practice: a held claim or another practice's claim in
    /// the list is a caller's mistake and is refused, never written.
    /// </summary>
    public static IReadOnlyList<ClaimBatchPlan> Plan(IEnumerable<AssembledClaim> claims)
    {
        var list = claims.ToList();
        if (list.Count == 0)
        {
            return [];
        }

        var practice = list[0].PracticeKey;
        foreach (var claim in list)
        {
            if (claim.Status != ClaimStatus.Ready || claim.Claim is null || claim.Payer is null)
            {
                throw new DomainException(BillingErrors.BatchRefused, $"claim {claim.ClaimId} is not ready ({claim.Errors.Count()} error findings) and cannot be batched");
            }

            if (!string.Equals(claim.PracticeKey, practice, StringComparison.Ordinal))
            {
                throw new DomainException(BillingErrors.BatchRefused, "a batch holds the claims of one practice; the list mixes two");
            }
        }

        var duplicate = list.GroupBy(c => c.ClaimId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(BillingErrors.BatchRefused, $"claim {duplicate.Key} is listed twice");
        }

        return [.. list
            .GroupBy(c => (c.Payer!.Partner, c.Payer.Code))
            .OrderBy(g => g.Key.Partner.InterchangeQualifier, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Partner.InterchangeId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Partner.GroupReceiverCode, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => new ClaimBatchPlan(practice, g.Key.Partner, g.First().Payer!, [.. g.OrderBy(c => c.ClaimId, StringComparer.Ordinal)]))];
    }

    /// <summary>Plans the batches and writes each with the control numbers <paramref name="reserve"/> hands out for it.</summary>
    public static IReadOnlyList<ClaimBatchFile> Batch(IEnumerable<AssembledClaim> claims, ClaimSubmitter submitter,
        Func<ClaimBatchPlan, BatchControlNumbers> reserve, TimeProvider time) =>
        [.. Plan(claims).Select(plan => Write(plan, submitter, reserve(plan), time))];

    /// <summary>
    /// The file name: <c>837P-{payer code}-{ISA13}.x12</c>, the payer code reduced to letters,
    /// digits and '-' so it is a safe file name; ISA13 is unique per trading partner, and the
    /// payer code tells two payers of one partner apart.
    /// </summary>
    public static string FileName(ClaimBatchPlan plan, BatchControlNumbers numbers) =>
        $"837P-{new string([.. plan.Payer.Code.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_')])}-{numbers.Interchange.ToString("D9", CultureInfo.InvariantCulture)}.x12";

    public static ClaimBatchFile Write(ClaimBatchPlan plan, ClaimSubmitter submitter, BatchControlNumbers numbers, TimeProvider time)
    {
        CheckNumbers(numbers);
        var etin = submitter.Etin.Trim();
        if (etin.Length is 0 or > 15 || etin.Any(c => c is '*' or '~' or ':' or '^' || char.IsControl(c)))
        {
            throw new DomainException(BillingErrors.BatchRefused, "the submitter's ETIN must be 1 to 15 characters without X12 delimiters");
        }

        var now = time.GetUtcNow();
        var isa13 = numbers.Interchange.ToString("D9", CultureInfo.InvariantCulture);
        var gs06 = numbers.Group.ToString(CultureInfo.InvariantCulture);
        var st02 = numbers.Transaction.ToString("D4", CultureInfo.InvariantCulture);
        var date8 = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var hhmm = now.ToString("HHmm", CultureInfo.InvariantCulture);
        var partner = plan.Partner;
        var isa = new X12InterchangeHeader("00", string.Empty, "00", string.Empty, "ZZ", etin, partner.InterchangeQualifier, partner.InterchangeId,
            now.ToString("yyMMdd", CultureInfo.InvariantCulture), hhmm, "00501", isa13, false, submitter.Production ? "P" : "T");
        var gs = new X12GroupHeader("HC", etin, partner.GroupReceiverCode, date8, hhmm, gs06, Claim837Writer.Guide);

        // BHT03 names the batch for the submitter; ISA13 is unique per partner, so with the
        // practice's ETIN in the envelope it identifies the file.
        var header = new Transaction837Header(st02, "00", isa13, date8, hhmm, "CH",
            new X12Name("41", "2", Text(submitter.Name, 60, "submitter name"), IdQualifier: "46", Id: etin),
            Text(submitter.ContactName, 60, "submitter contact name"), Phone(submitter.ContactPhone),
            new X12Name("40", "2", Text(plan.Payer.Name, 60, "receiver name"), IdQualifier: "46", Id: partner.InterchangeId.Trim()));
        var interchange = new Claim837Interchange(isa, gs, [new Transaction837(header, [.. plan.Claims.Select(c => c.Claim!)])]);
        return new ClaimBatchFile(FileName(plan, numbers), plan, interchange, Claim837Writer.Write(interchange));
    }

    private static void CheckNumbers(BatchControlNumbers numbers)
    {
        if (numbers.Interchange is < 1 or > MaxControlNumber || numbers.Group is < 1 or > MaxControlNumber || numbers.Transaction is < 1 or > MaxControlNumber)
        {
            throw new DomainException(BillingErrors.BatchRefused, $"control numbers are 1 to {MaxControlNumber}: ISA13, GS06 and ST02 must be reserved first");
        }
    }

    private static string Text(string? value, int length, string field)
    {
        var clean = ClaimAssembler.Clean(value);
        if (clean.Length == 0)
        {
            throw new DomainException(BillingErrors.BatchRefused, $"the {field} is required (loop 1000A/1000B)");
        }

        return clean.Length <= length ? clean : clean[..length].TrimEnd();
    }

    /// <summary>PER04 as 10 digits (punctuation dropped); 1000A requires a way to reach the submitter.</summary>
    private static string Phone(string? value)
    {
        var digits = new string([.. (value ?? string.Empty).Where(char.IsAsciiDigit)]);
        if (digits.Length != 10)
        {
            throw new DomainException(BillingErrors.BatchRefused, "the submitter's contact phone (1000A PER*IC*TE) must be 10 digits");
        }

        return digits;
    }
}
