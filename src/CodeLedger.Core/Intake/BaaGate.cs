using CodeLedger.Core.Agreements;
using CodeLedger.Core.Common;

namespace CodeLedger.Core.Intake;

/// <summary>
/// No PHI moves from a practice to a vendor without a business associate agreement in force
/// between exactly those two (45 CFR 164.502(e), 164.504(e)). The day is the UTC calendar day of
/// the receipt instant, so the same instant gives the same answer everywhere.
/// </summary>
public static class BaaGate
{
    public static BusinessAssociateAgreement? AgreementInForce(IEnumerable<BusinessAssociateAgreement> agreements, Guid practiceId, Guid vendorId, DateTimeOffset receivedAt)
    {
        var day = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        return agreements
            .Where(a => a.PracticeId == practiceId && a.VendorId == vendorId && a.IsInForceOn(day))
            .OrderByDescending(a => a.EffectiveOn)
            .FirstOrDefault();
    }

    public static BusinessAssociateAgreement Require(IEnumerable<BusinessAssociateAgreement> agreements, Guid practiceId, string practiceCode, Guid vendorId, string vendorCode, DateTimeOffset receivedAt) =>
        AgreementInForce(agreements, practiceId, vendorId, receivedAt)
        ?? throw new DomainException(AgreementErrors.NotInForce, $"no business associate agreement between practice {practiceCode} and vendor {vendorCode} is in force on {receivedAt.UtcDateTime:yyyy-MM-dd}; nothing was imported");
}
