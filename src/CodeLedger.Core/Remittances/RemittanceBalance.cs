using System.Globalization;
using CodeLedger.X12.Remittance835;

namespace CodeLedger.Core.Remittances;

/// <summary>
/// The three balancing rules of an 835 (FACTS §4.3; X12 RFIs #2348, #2601): each service
/// SVC02 − Σ its CAS = SVC03; each claim CLP03 − Σ (claim and service CAS) = CLP04; the transaction
/// Σ CLP04 − Σ PLB = BPR02. CLP05 and AMT are not part of balancing (RFIs #2548, #2601). Each
/// problem names its place: the transaction set (ST02), the CLP and SVC by position, CLP01.
/// </summary>
public static class RemittanceBalance
{
    public static IReadOnlyList<string> Problems(RemittanceAdvice835 advice)
    {
        var problems = new List<string>();
        var set = advice.Header.ControlNumber;
        decimal paid = 0;
        for (var c = 0; c < advice.Claims.Count; c++)
        {
            var claim = advice.Claims[c];
            paid += claim.Paid;
            var where = $"transaction set {set}, CLP {c + 1} (CLP01 {claim.PatientControlNumber})";
            var adjustments = Sum(claim.Adjustments);
            for (var s = 0; s < claim.Services.Count; s++)
            {
                var service = claim.Services[s];
                var serviceAdjustments = Sum(service.Adjustments);
                adjustments += serviceAdjustments;
                if (service.Charge - serviceAdjustments != service.Paid)
                {
                    problems.Add($"{where}, SVC {s + 1}: SVC02 {Text(service.Charge)} − CAS {Text(serviceAdjustments)} ≠ SVC03 {Text(service.Paid)}");
                }
            }

            if (claim.TotalCharge - adjustments != claim.Paid)
            {
                problems.Add($"{where}: CLP03 {Text(claim.TotalCharge)} − CAS {Text(adjustments)} ≠ CLP04 {Text(claim.Paid)}");
            }
        }

        var plb = advice.ProviderAdjustments.Sum(p => p.Amount);
        if (paid - plb != advice.Header.TotalPayment)
        {
            problems.Add($"transaction set {set}: Σ CLP04 {Text(paid)} − Σ PLB {Text(plb)} ≠ BPR02 {Text(advice.Header.TotalPayment)}");
        }

        return problems;
    }

    private static decimal Sum(X12.EquatableArray<Adjustment835> adjustments)
    {
        decimal sum = 0;
        foreach (var a in adjustments.AsSpan())
        {
            sum += a.Amount;
        }

        return sum;
    }

    private static string Text(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
