using CodeLedger.Core.Common;

namespace CodeLedger.Core.Coders;

/// <summary>A coding credential held by a coder, valid from its issue date through its expiry date.</summary>
public sealed record Credential
{
    public Credential(CredentialKind kind, string certificateNumber, DateOnly issuedOn, DateOnly expiresOn)
    {
        if (expiresOn < issuedOn)
        {
            throw new DomainException(CoderErrors.CredentialDates, $"{CredentialNames.Name(kind)} expires ({expiresOn:yyyy-MM-dd}) before it was issued ({issuedOn:yyyy-MM-dd})");
        }

        Kind = kind;
        CertificateNumber = Guard.Text(certificateNumber, "certificate number", 40);
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public CredentialKind Kind { get; }

    public string CertificateNumber { get; }

    public DateOnly IssuedOn { get; }

    public DateOnly ExpiresOn { get; }

    public bool IsValidOn(DateOnly day) => day >= IssuedOn && day <= ExpiresOn;
}
