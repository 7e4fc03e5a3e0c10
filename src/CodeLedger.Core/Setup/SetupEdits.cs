using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Core.Setup;

/// <summary>
/// The daily changes (<c>physicians add</c>, <c>coders credential</c>, <c>baa terminate</c>...) as
/// edits of today's setup document. The edited document then goes the way a file goes: checked by
/// <see cref="SetupBinder"/>, diffed by <see cref="SetupDiff"/>, applied by the setup desk, so a
/// daily change and a file that says the same thing record the same events.
/// </summary>
public static class SetupEdits
{
    public static SetupDocument AddPhysician(SetupDocument d, string practice, PhysicianSetup physician)
    {
        Practice(d, practice);
        if (d.Practices.SelectMany(p => p.Physicians).Any(x => x.Npi == physician.Npi.Trim()))
        {
            throw new DomainException(SetupErrors.Conflict, $"physician {physician.Npi.Trim()} is already enrolled (reactivate with a setup file)");
        }

        return d with { Practices = [.. d.Practices.Select(p => p.Code == practice ? p with { Physicians = [.. p.Physicians, physician] } : p)] };
    }

    public static SetupDocument DeactivatePhysician(SetupDocument d, string npi) =>
        !d.Practices.SelectMany(p => p.Physicians).Any(x => x.Npi == npi)
            ? throw new DomainException(PhysicianErrors.Unknown, $"no physician with NPI {Echo.Quote(npi)}")
            : d with { Practices = [.. d.Practices.Select(p => p with { Physicians = [.. p.Physicians.Select(x => x.Npi == npi ? x with { Active = false } : x)] })] };

    public static SetupDocument AddCoder(SetupDocument d, string vendor, CoderSetup coder)
    {
        Vendor(d, vendor);
        if (d.Vendors.SelectMany(v => v.Coders).Any(c => c.UserName == coder.UserName.Trim()))
        {
            throw new DomainException(SetupErrors.Conflict, $"coder {Echo.Quote(coder.UserName)} is already enrolled");
        }

        return d with { Vendors = [.. d.Vendors.Select(v => v.Code == vendor ? v with { Coders = [.. v.Coders, coder] } : v)] };
    }

    public static SetupDocument AddCredential(SetupDocument d, string userName, CredentialSetup credential) =>
        Coder(d, userName, c => c with { Credentials = [.. c.Credentials, credential] });

    public static SetupDocument AddAbsence(SetupDocument d, string userName, AbsenceSetup absence) =>
        Coder(d, userName, c => c with { Absences = [.. c.Absences, absence] });

    public static SetupDocument SignAgreement(SetupDocument d, AgreementSetup agreement)
    {
        Practice(d, agreement.Practice);
        Vendor(d, agreement.Vendor);
        return d with { Agreements = [.. d.Agreements, agreement] };
    }

    /// <summary>Terminates the practice's agreement with the vendor that is in force on <paramref name="lastDay"/> (the latest one, if several).</summary>
    public static SetupDocument TerminateAgreement(SetupDocument d, string practice, string vendor, DateOnly lastDay)
    {
        var agreement = d.Agreements
            .Where(a => a.Practice == practice && a.Vendor == vendor && a.TerminatedOn is null && a.EffectiveOn <= lastDay && (a.ExpiresOn is null || a.ExpiresOn >= lastDay))
            .MaxBy(a => a.EffectiveOn)
            ?? throw new DomainException(AgreementErrors.NotInForce, $"no BAA between {Echo.Quote(practice)} and {Echo.Quote(vendor)} is in force on {lastDay:yyyy-MM-dd}");
        return d with { Agreements = [.. d.Agreements.Select(a => a == agreement ? a with { TerminatedOn = lastDay } : a)] };
    }

    private static SetupDocument Coder(SetupDocument d, string userName, Func<CoderSetup, CoderSetup> change) =>
        !d.Vendors.SelectMany(v => v.Coders).Any(c => c.UserName == userName)
            ? throw new DomainException(CoderErrors.Unknown, $"no coder {Echo.Quote(userName)}")
            : d with { Vendors = [.. d.Vendors.Select(v => v with { Coders = [.. v.Coders.Select(c => c.UserName == userName ? change(c) : c)] })] };

    private static void Practice(SetupDocument d, string code)
    {
        if (d.Practices.All(p => p.Code != code))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no practice with code {Echo.Quote(code)}");
        }
    }

    private static void Vendor(SetupDocument d, string code)
    {
        if (d.Vendors.All(v => v.Code != code))
        {
            throw new DomainException(OrganizationErrors.Unknown, $"no vendor with code {Echo.Quote(code)}");
        }
    }
}
