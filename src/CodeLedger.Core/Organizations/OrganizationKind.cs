namespace CodeLedger.Core.Organizations;

public enum OrganizationKind
{
    /// <summary>A physician practice: the covered entity whose coding is outsourced.</summary>
    Practice,

    /// <summary>The outsourced coding and billing partner: a business associate of the practice.</summary>
    CodingVendor,

    /// <summary>An independent firm that audits the vendor's coding.</summary>
    AuditFirm,
}
