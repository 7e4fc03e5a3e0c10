using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>Loop 2300 being read.</summary>
internal sealed class ClaimDraft
{
    public long Position { get; set; }

    public string PatientControlNumber { get; set; } = string.Empty;

    public decimal TotalCharge { get; set; }

    public string PlaceOfService { get; set; } = string.Empty;

    public string FrequencyCode { get; set; } = string.Empty;

    public string? ProviderSignature { get; set; }

    public string? Assignment { get; set; }

    public string? BenefitsAssignment { get; set; }

    public string? ReleaseOfInformation { get; set; }

    public string? PriorAuthorization { get; set; }

    public string? PayerClaimControlNumber { get; set; }

    public bool HasHi { get; set; }

    /// <summary>Where the claim's diagnoses begin in the batch (they run to its end while the claim is open).</summary>
    public int DiagnosisStart { get; set; }

    public X12Name? Referring { get; set; }

    public X12Name? Rendering { get; set; }

    /// <summary>Where the claim's lines begin in the batch.</summary>
    public int LineStart { get; set; }

    public void Reset(long position, int diagnosisStart, int lineStart)
    {
        DiagnosisStart = diagnosisStart;
        LineStart = lineStart;
        Position = position;
        PatientControlNumber = PlaceOfService = FrequencyCode = string.Empty;
        TotalCharge = 0m;
        ProviderSignature = Assignment = BenefitsAssignment = ReleaseOfInformation = PriorAuthorization = PayerClaimControlNumber = null;
        HasHi = false;
        Referring = Rendering = null;
    }
}
