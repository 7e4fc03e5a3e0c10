using System.Globalization;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Setup;

namespace CodeLedger.Core.Intake;

/// <summary>
/// The coverage and the patient's address an encounter file may carry (docs/INTAKE.md, "Coverage"),
/// checked the same way for every format. Each reader passes the raw texts and a function that
/// names a field in its own words (a CSV column, a FHIR element); every refusal names the field and
/// never repeats the value (it is PHI). Whether the practice has the payer is not intake's question:
/// the claim's fix queue says CLAIM-PAYER-UNKNOWN, the import summary warns.
/// </summary>
public static class IntakeCoverage
{
    /// <summary>The relationships a file may give: the patient is the subscriber, or the subscriber's spouse, child, or other.</summary>
    public static readonly string[] Relationships = ["self", "spouse", "child", "other"];

    /// <summary>The raw coverage fields; null or empty when absent.</summary>
    public sealed record Fields(
        string? PayerCode,
        string? MemberId,
        string? Relationship,
        string? GroupNumber,
        string? SubscriberFamilyName,
        string? SubscriberGivenName,
        string? SubscriberBirthDate,
        string? SubscriberSex);

    /// <summary>
    /// The coverage, or null when the file gives none (no payer code and no other coverage field).
    /// The member id defaults to the patient's; a patient who is not the subscriber needs the
    /// subscriber's family and given name (loop 2010BA).
    /// </summary>
    /// <param name="invalid">Builds the refusal for a field: (field key, why).</param>
    public static ClaimCoverage? Read(Fields f, PatientDemographics patient, Func<string, string, Exception> invalid, Func<string, string> name)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        var payer = Clean(f.PayerCode);
        var others = new[] { f.MemberId, f.Relationship, f.GroupNumber, f.SubscriberFamilyName, f.SubscriberGivenName, f.SubscriberBirthDate, f.SubscriberSex };
        if (payer is null)
        {
            return others.All(o => Clean(o) is null) ? null : throw invalid(name("payer"), "required when any other coverage field is given");
        }

        if (payer.Length > 40 || !payer.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw invalid(name("payer"), "must be the practice's payer code (letters, digits, '-' and '_', at most 40)");
        }

        var member = Clean(f.MemberId) ?? patient.MemberId;
        if (member.Length > 80)
        {
            throw invalid(name("member"), "longer than 80 characters");
        }

        var relationship = (Clean(f.Relationship)?.ToLowerInvariant() ?? "self") switch
        {
            "self" => SubscriberRelationship.Self,
            "spouse" => SubscriberRelationship.Spouse,
            "child" => SubscriberRelationship.Child,
            "other" => SubscriberRelationship.Other,
            _ => throw invalid(name("relationship"), $"must be one of {string.Join(", ", Relationships)}"),
        };
        var group = Clean(f.GroupNumber);
        if (group is { Length: > 50 })
        {
            throw invalid(name("group"), "longer than 50 characters");
        }

        var family = Clean(f.SubscriberFamilyName);
        var given = Clean(f.SubscriberGivenName);
        if (family is { Length: > 60 })
        {
            throw invalid(name("subscriberFamily"), "longer than 60 characters");
        }

        if (given is { Length: > 35 })
        {
            throw invalid(name("subscriberGiven"), "longer than 35 characters");
        }

        DateOnly? birth = null;
        if (Clean(f.SubscriberBirthDate) is { } birthText)
        {
            birth = DateOnly.TryParseExact(birthText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)
                ? b : throw invalid(name("subscriberBirthDate"), "must be YYYY-MM-DD");
        }

        PatientSex? sex = Clean(f.SubscriberSex)?.ToUpperInvariant() switch
        {
            null => null,
            "F" or "FEMALE" => PatientSex.Female,
            "M" or "MALE" => PatientSex.Male,
            "U" or "UNKNOWN" => PatientSex.Unknown,
            _ => throw invalid(name("subscriberSex"), "must be F, M or U"),
        };

        if (relationship == SubscriberRelationship.Self)
        {
            // The patient is the subscriber: the 837P names the patient in loop 2010BA; other subscriber fields would contradict it.
            if (family is not null || given is not null || birth is not null || sex is not null)
            {
                throw invalid(name(family is not null ? "subscriberFamily" : given is not null ? "subscriberGiven" : birth is not null ? "subscriberBirthDate" : "subscriberSex"),
                    "is for a subscriber who is not the patient; the relationship is self");
            }

            return new ClaimCoverage(payer, member, relationship, group);
        }

        if (family is null)
        {
            throw invalid(name("subscriberFamily"), "required when the patient is not the subscriber");
        }

        if (given is null)
        {
            throw invalid(name("subscriberGiven"), "required when the patient is not the subscriber");
        }

        return new ClaimCoverage(payer, member, relationship, group, family, given, birth, sex);
    }

    /// <summary>The patient's address, or null when no address field is given; line 1, city, state and ZIP are then required.</summary>
    public static BillingAddress? Address(string? line1, string? line2, string? city, string? state, string? zip, Func<string, string, Exception> invalid, Func<string, string> name)
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

        if (new[] { line1, line2, city, state, zip }.All(x => Clean(x) is null))
        {
            return null;
        }

        var l1 = Clean(line1) ?? throw invalid(name("line1"), "required when an address is given");
        var l2 = Clean(line2);
        var c = Clean(city) ?? throw invalid(name("city"), "required when an address is given");
        var s = Clean(state) ?? throw invalid(name("state"), "required when an address is given");
        var z = Clean(zip) ?? throw invalid(name("zip"), "required when an address is given");
        if (l1.Length > 55 || l2 is { Length: > 55 })
        {
            throw invalid(name(l1.Length > 55 ? "line1" : "line2"), "longer than 55 characters");
        }

        if (c.Length is < 2 or > 30)
        {
            throw invalid(name("city"), "must be 2 to 30 characters");
        }

        if (!UsPostal.IsState(s.ToUpperInvariant()))
        {
            throw invalid(name("state"), "must be a two-letter US state code");
        }

        var digits = UsPostal.Zip(z) ?? throw invalid(name("zip"), "must be a ZIP code of 5 or 9 digits");
        return new BillingAddress(l1, l2, c, s.ToUpperInvariant(), digits);
    }
}
