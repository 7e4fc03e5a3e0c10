using System.Globalization;
using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Billing;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Setup;

namespace CodeLedger.Demo;

/// <summary>
/// The demo's billing side, as a practice would set it up: each practice's payers and billing
/// profile (added to its entry of the setup document, <see cref="DemoSetup"/>), the practice admin
/// who works its claims, its chargemaster (imported as a fee schedule), and each encounter's
/// coverage and home address as the practice's EHR interface sends them at intake. Names, ids and
/// addresses are made up; payer ids are the real electronic payer ids of those payers, so the
/// 837P and 835 files look like the ones a clearinghouse carries.
/// </summary>
public static class DemoBilling
{
    /// <summary>
    /// 2026 national non-facility total RVUs of the office E/M codes (CMS PPRRVU 2026 January
    /// release, non-QPP; ../shared/data/pfs-rvu/PPRRVU2026_Jan_nonQPP_EXCERPT_em.csv), and the
    /// 2026 conversion factor for non-qualifying APM participants (CY2026 PFS final rule). The demo
    /// prices its chargemaster and Medicare's allowed amounts from them; GPCIs are left out, so the
    /// figures are national rather than a locality's.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, decimal> NonFacilityRvus = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["99202"] = 2.25m, ["99203"] = 3.52m, ["99204"] = 5.31m, ["99205"] = 7.09m,
        ["99211"] = 0.73m, ["99212"] = 1.78m, ["99213"] = 2.85m, ["99214"] = 4.06m, ["99215"] = 5.76m,
    };

    public const decimal ConversionFactor2026 = 33.4009m;

    /// <summary>The trading partner for commercial payers: a clearinghouse (the 837P's ISA08); Medicare takes claims direct from its MAC's gateway.</summary>
    public const string Clearinghouse = "CLEARHOUSE01";

    public const string MedicareGateway = "NGSMEDICARE";

    /// <summary>One payer of a practice: its setup entry and how it adjudicates (allowed as a share of Medicare, the patient's part, how fast it pays).</summary>
    public sealed record Payer(string Code, string Name, string PayerId, string FilingIndicator, string Receiver, decimal AllowedOfMedicare, int PaysAfterDays, DayOfWeek PaysOn)
    {
        public bool IsMedicare => FilingIndicator == "MB";
    }

    /// <summary>A practice's billing: profile, payers, chargemaster multiplier over Medicare, copay, city and ZIPs of its patients.</summary>
    public sealed record Practice(
        string Code, string AdminUserName, string AdminName, string Npi, string Ein, AddressSetup Address, string Etin, string Phone,
        IReadOnlyList<Payer> Payers, decimal ChargeMultiplier, decimal Copay, string City, string State, string[] Zips);

    /// <summary>The two demo practices (by code, as <see cref="DemoGenerator"/> names them).</summary>
    public static readonly IReadOnlyList<Practice> Practices =
    [
        new("NORTHSIDE-FM", "billing-northside", "Grace Holloway", "1245319599", "364178915",
            new AddressSetup("4410 N Lincoln Ave", "Suite 200", "Chicago", "IL", "606251234"), "NSFM000101", "3125550142",
            [
                new("MEDICARE", "Medicare Part B Illinois (NGS J6)", "06102", "MB", MedicareGateway, 1.00m, 14, DayOfWeek.Tuesday),
                new("BCBS-IL", "Blue Cross Blue Shield of Illinois", "00621", "BL", Clearinghouse, 1.25m, 10, DayOfWeek.Thursday),
                new("AETNA", "Aetna", "60054", "CI", Clearinghouse, 1.30m, 12, DayOfWeek.Friday),
            ],
            2.0m, 30m, "Chicago", "IL", ["60613", "60618", "60625", "60640", "60645", "60659"]),
        new("HEARTWELL-CARDIO", "billing-heartwell", "Victor Alvarez", "1679576722", "133562847",
            new AddressSetup("215 E 68th St", "Floor 4", "New York", "NY", "100655701"), "HWCA000101", "2125550187",
            [
                new("MEDICARE", "Medicare Part B Downstate New York (NGS JK)", "13202", "MB", MedicareGateway, 1.00m, 14, DayOfWeek.Tuesday),
                new("AETNA", "Aetna", "60054", "CI", Clearinghouse, 1.30m, 12, DayOfWeek.Friday),
                new("UHC", "UnitedHealthcare", "87726", "CI", Clearinghouse, 1.22m, 9, DayOfWeek.Wednesday),
            ],
            2.3m, 50m, "New York", "NY", ["10021", "10028", "10065", "10075", "10128", "10162"]),
    ];

    public static Practice Of(string practiceCode) => Practices.Single(p => p.Code == practiceCode);

    /// <summary>The payers and billing profile of a practice's setup entry, as <c>setup apply</c> reads them.</summary>
    public static (IReadOnlyList<PayerSetup> Payers, BillingSetup Billing) Setup(string practiceCode)
    {
        var p = Of(practiceCode);
        return ([.. p.Payers.Select(y => new PayerSetup(y.Code, y.Name, y.PayerId, y.FilingIndicator, new ReceiverSetup("ZZ", y.Receiver, y.IsMedicare ? y.PayerId : y.Receiver)))],
            new BillingSetup(p.Npi, p.Ein, p.Address, new SubmitterSetup(p.Etin, PracticeName(practiceCode), "Billing Office", p.Phone)));
    }

    /// <summary>The practice admin who imports the fees, submits the claims and posts the acknowledgments and 835s.</summary>
    public static UserSetup Admin(string practiceCode) => new(Of(practiceCode).AdminUserName, Of(practiceCode).AdminName, null, practiceCode, UserRole.PracticeAdmin.Name(), null, null);

    public static Principal Principal(string practiceCode, Guid practiceId) => new(Of(practiceCode).AdminUserName, UserRole.PracticeAdmin, practiceId);

    /// <summary>
    /// The practice's chargemaster as a fee schedule CSV: each office E/M code at its 2026 Medicare
    /// rate times the practice's multiplier, to the whole dollar (practices set charges above every
    /// payer's allowed amount, so each payment carries a CO-45 contractual adjustment).
    /// </summary>
    public static string Chargemaster(string practiceCode)
    {
        var multiplier = Of(practiceCode).ChargeMultiplier;
        var csv = new StringBuilder("code,modifier,charge\n");
        foreach (var (code, rvu) in NonFacilityRvus.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{code},,{decimal.Round(rvu * ConversionFactor2026 * multiplier, 0, MidpointRounding.AwayFromZero):0.00}\n");
        }

        return csv.ToString();
    }

    /// <summary>Medicare's allowed amount for one unit of <paramref name="code"/> (national, no GPCI), or null for a code the demo does not price.</summary>
    public static decimal? MedicareAllowed(string code) =>
        NonFacilityRvus.TryGetValue(code, out var rvu) ? decimal.Round(rvu * ConversionFactor2026, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The coverage the practice's registration desk holds for a patient on the day of service:
    /// Medicare from 65 (a few younger patients on disability), otherwise one of the practice's
    /// commercial plans, as subscriber, or as a child or spouse on a parent's or partner's plan.
    /// Drawn from the demo's billing generator, never from the patient's own values.
    /// </summary>
    public static (ClaimCoverage Coverage, BillingAddress Address) Coverage(string practiceCode, PatientDemographics patient, DateOnly dateOfService, Random random)
    {
        var p = Of(practiceCode);
        var age = dateOfService.Year - patient.BirthDate.Year - (dateOfService < patient.BirthDate.AddYears(dateOfService.Year - patient.BirthDate.Year) ? 1 : 0);
        var commercial = p.Payers.Where(y => !y.IsMedicare).ToList();
        var medicare = age >= 65 ? random.NextDouble() < 0.92 : random.NextDouble() < 0.03;
        var payer = medicare ? p.Payers.Single(y => y.IsMedicare) : commercial[random.Next(commercial.Count)];
        ClaimCoverage coverage;
        if (payer.IsMedicare)
        {
            // A Medicare beneficiary is always the subscriber; Medicare has no group number.
            coverage = new ClaimCoverage(payer.Code, MedicareId(random), SubscriberRelationship.Self, null);
        }
        else
        {
            var member = string.Create(CultureInfo.InvariantCulture, $"{payer.Code[..1]}{random.Next(100_000_000, 999_999_999)}");
            var group = string.Create(CultureInfo.InvariantCulture, $"{random.Next(10_000, 99_999)}");
            coverage = age < 19
                ? new ClaimCoverage(payer.Code, member, SubscriberRelationship.Child, group, patient.FamilyName, Parent(random),
                    patient.BirthDate.AddYears(-(24 + random.Next(0, 16))).AddDays(-random.Next(0, 365)), random.NextDouble() < 0.5 ? PatientSex.Female : PatientSex.Male)
                : random.NextDouble() < 0.12
                    ? new ClaimCoverage(payer.Code, member, SubscriberRelationship.Spouse, group, patient.FamilyName, Parent(random),
                        patient.BirthDate.AddDays(random.Next(-2_000, 2_000)), patient.Sex == PatientSex.Female ? PatientSex.Male : PatientSex.Female)
                    : new ClaimCoverage(payer.Code, member, SubscriberRelationship.Self, group);
        }

        var address = new BillingAddress(
            string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 9_900)} {Streets[random.Next(Streets.Length)]}"),
            random.NextDouble() < 0.2 ? string.Create(CultureInfo.InvariantCulture, $"Apt {random.Next(1, 40)}{(char)('A' + random.Next(6))}") : null,
            p.City, p.State, p.Zips[random.Next(p.Zips.Length)]);
        return (coverage, address);
    }

    private static readonly string[] Streets =
        ["N Maple Ave", "W Elm St", "S Oak Blvd", "E Cedar Ln", "Birch Ct", "Willow Way", "N Spruce St", "W Chestnut Ave", "Linden Pl", "Aspen Dr"];

    private static readonly string[] ParentNames = ["Alex", "Jordan", "Taylor", "Morgan", "Casey", "Jamie", "Riley", "Avery", "Quinn", "Reese"];

    private static string Parent(Random random) => ParentNames[random.Next(ParentNames.Length)];

    /// <summary>A made-up Medicare Beneficiary Identifier in the MBI's 11-character pattern (digit, letter, alphanumeric, digit, letter, alphanumeric, digit, two letters, two digits).</summary>
    private static string MedicareId(Random random)
    {
        // The MBI alphabet leaves out S, L, O, I, B and Z so letters never read as digits.
        const string letters = "ACDEFGHJKMNPQRTUVWXY";
        const string digits = "0123456789";
        char L() => letters[random.Next(letters.Length)];
        char D() => digits[random.Next(digits.Length)];
        char A() => random.Next(2) == 0 ? L() : D();
        return new string([(char)('1' + random.Next(9)), L(), A(), D(), L(), A(), D(), L(), L(), D(), D()]);
    }

    private static string PracticeName(string code) => code switch
    {
        "NORTHSIDE-FM" => "Northside Family Medicine",
        _ => "Heartwell Cardiology Associates",
    };
}
