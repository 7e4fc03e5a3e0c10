namespace CodeLedger.X12.Envelope;

public enum X12DocumentKind
{
    /// <summary>No supported transaction set was found.</summary>
    Unknown,

    /// <summary>Professional claims, 005010X222A1.</summary>
    Claim837P,

    /// <summary>Health care claim payment/advice, 005010X221A1.</summary>
    Remittance835,

    /// <summary>Implementation acknowledgment, 005010X231A1.</summary>
    Acknowledgment999,

    /// <summary>More than one of the above in one file.</summary>
    Mixed,

    /// <summary>Health care claim acknowledgment (277CA), 005010X214.</summary>
    ClaimAcknowledgment277,
}
