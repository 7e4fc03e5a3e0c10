using System.Globalization;
using System.Text;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Demo;

/// <summary>
/// Builds the demo's vendor, practices, coders and one month of encounters that look like real
/// clinics: weekday and morning peaks, documentation signed minutes to days after the visit, and
/// diagnoses and visit complexity typical of each specialty. Everything, identifiers included,
/// comes from one seeded <see cref="Random"/>, so a seed always gives the same world.
/// </summary>
public sealed class DemoGenerator
{
    /// <summary>Relative visit volume by local hour of day (index = hour): a morning peak and a smaller afternoon one.</summary>
    private static readonly double[] HourWeights = [0, 0, 0, 0, 0, 0, 0, 0, 1.2, 1.6, 1.5, 1.3, 0.4, 1.0, 1.1, 1.0, 0.6];

    private readonly Random _random;

    private DemoGenerator(int seed) => _random = new Random(seed);

    public static DemoWorld Generate(int seed, int encounterCount, DateOnly month)
    {
        if (encounterCount is < 1 or > 5_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(encounterCount), encounterCount, "the demo makes 1 to 5,000,000 encounters");
        }

        return new DemoGenerator(seed).Build(encounterCount, new DateOnly(month.Year, month.Month, 1));
    }

    private sealed record PracticeProfile(
        string Code, string Name, string TimeZoneId, Specialty Specialty, TaxonomyCode Taxonomy, double Share,
        double NewPatientShare, DemoCatalog.Condition[] Conditions, int MinAge, int MaxAge, bool OpenSaturday, string[] Doctors);

    private static readonly PracticeProfile[] Profiles =
    [
        new("NORTHSIDE-FM", "Northside Family Medicine", "America/Chicago", Specialty.Parse("family-medicine"), TaxonomyCode.Parse("207Q00000X"),
            0.64, 0.12, DemoCatalog.FamilyMedicine, 2, 90, true,
            ["Dr. Maya Chen", "Dr. Samuel Okafor", "Dr. Laura Bennett", "Dr. Ravi Menon", "Dr. Elena Petrova"]),
        new("HEARTWELL-CARDIO", "Heartwell Cardiology Associates", "America/New_York", Specialty.Parse("cardiology"), TaxonomyCode.Parse("207RC0000X"),
            0.36, 0.22, DemoCatalog.Cardiology, 38, 94, false,
            ["Dr. Thomas Reyes", "Dr. Hannah Weiss", "Dr. Kwame Mensah", "Dr. Julia Park"]),
    ];

    private DemoWorld Build(int encounterCount, DateOnly month)
    {
        var vendor = new Organization(_random.NextGuid(), "ACME-CODING", "Acme Coding Partners", OrganizationKind.CodingVendor);
        var contractStart = new DateOnly(month.Year, 1, 1);
        var practices = new List<DemoPractice>();
        var doctorPace = new Dictionary<Guid, double>();
        var doctorVolume = new Dictionary<Guid, double>();
        foreach (var profile in Profiles)
        {
            var practice = new Organization(_random.NextGuid(), profile.Code, profile.Name, OrganizationKind.Practice);
            var signed = contractStart.AddDays(-_random.Next(20, 60));
            var baa = new BusinessAssociateAgreement(_random.NextGuid(), practice.Id, vendor.Id,
                $"{profile.Doctors[0]}, Managing Partner", "Dana Whitfield, Chief Executive Officer",
                signed, contractStart, contractStart.AddYears(3).AddDays(-1), NextHex(64));
            var contract = new SlaContract(_random.NextGuid(), practice.Id, vendor.Id, contractStart,
                turnaroundTargetHours: 48, TurnaroundClockKind.BusinessHours, profile.TimeZoneId,
                WorkingHours.MondayToFriday(new TimeOnly(8, 0), new TimeOnly(17, 0)), UsFederalHolidays(month.Year),
                SlaContract.DefaultAccuracyFloorPercent, queryResponseWindowHours: 72, openQueryPausesClock: true,
                correctedDocumentationRestartsClock: false, new ServiceCreditSchedule(95m, 2m, 20m),
                Money.Parse(profile.Share > 0.5 ? "18500.00" : "11200.00"), remediationAfterConsecutiveBreachMonths: 3);
            var physicians = new List<Physician>();
            foreach (var name in profile.Doctors)
            {
                var physician = new Physician(_random.NextGuid(), practice.Id, name, _random.NextNpi(), profile.Taxonomy, profile.Specialty);
                physicians.Add(physician);

                // Some physicians see more patients; some sign notes late, and keep doing so.
                doctorVolume[physician.Id] = 0.6 + _random.NextDouble();
                doctorPace[physician.Id] = _random.NextDouble() < 0.25 ? 2.5 : 0.7 + (_random.NextDouble() * 0.6);
            }

            practices.Add(new DemoPractice(practice, baa, contract, physicians, profile.TimeZoneId));
        }

        var coders = BuildCoders(vendor, month);
        var encounters = new List<Encounter>(encounterCount);
        var workingDays = Enumerable.Range(0, month.AddMonths(1).DayNumber - month.DayNumber).Select(month.AddDays).ToList();
        var sequence = 0;
        for (var i = 0; i < encounterCount; i++)
        {
            var p = _random.NextDouble() < Profiles[0].Share ? 0 : 1;
            var profile = Profiles[p];
            var practice = practices[p];
            var physician = Pick(practice.Physicians, ph => doctorVolume[ph.Id]);
            var day = Pick(workingDays, d => DayWeight(d, profile.OpenSaturday, practice.Contract.Holidays));
            var hour = Pick(Enumerable.Range(0, HourWeights.Length).ToList(), h => day.DayOfWeek == DayOfWeek.Saturday && h >= 12 ? 0 : HourWeights[h]);
            var local = day.ToDateTime(new TimeOnly(hour, _random.Next(12) * 5));
            var zone = TimeZoneInfo.FindSystemTimeZoneById(profile.TimeZoneId);
            var visitStart = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            var visitLength = TimeSpan.FromMinutes(_random.Next(12, 45));
            var documented = visitStart + visitLength + DocumentationLag(doctorPace[physician.Id]);
            var received = documented + TimeSpan.FromMinutes(_random.Next(1, 16));
            sequence++;
            var externalId = string.Create(CultureInfo.InvariantCulture, $"{profile.Code[..2]}-{day:yyyyMMdd}-{sequence:D6}");
            var isNew = _random.NextDouble() < profile.NewPatientShare;
            var patient = NextPatient(profile, day);
            var note = Note(profile, patient, day, isNew, visitLength);
            encounters.Add(new Encounter(_random.NextGuid(), practice.Practice.Id, physician.Id, externalId, patient, day, PlaceOfService.Office,
                profile.Specialty, note, documented, received));
        }

        // Encounters reach the vendor in the order their documentation is signed.
        encounters.Sort((a, b) => a.ReceivedAt != b.ReceivedAt ? a.ReceivedAt.CompareTo(b.ReceivedAt) : string.CompareOrdinal(a.ExternalId, b.ExternalId));
        return new DemoWorld(vendor, practices, coders, encounters, month);
    }

    private List<Coder> BuildCoders(Organization vendor, DateOnly month)
    {
        var fm = Specialty.Parse("family-medicine");
        var im = Specialty.Parse("internal-medicine");
        var cardio = Specialty.Parse("cardiology");
        var ortho = Specialty.Parse("orthopedic-surgery");
        Credential Cred(CredentialKind kind, int issuedYearsAgo, int expiresInDays) =>
            new(kind, string.Create(CultureInfo.InvariantCulture, $"{CredentialNames.Name(kind)}-{_random.Next(10_000_000, 99_999_999)}"),
                month.AddYears(-issuedYearsAgo), month.AddDays(expiresInDays));

        return
        [
            new Coder(_random.NextGuid(), vendor.Id, "pmorales", "Paula Morales", [Cred(CredentialKind.Cpc, 6, 400), Cred(CredentialKind.Cemc, 3, 220)], [fm, im]),
            new Coder(_random.NextGuid(), vendor.Id, "bturner", "Brian Turner", [Cred(CredentialKind.Cpc, 4, 45)], [fm, im],
                [new Absence(month.AddDays(9), month.AddDays(13), "annual leave")]),
            new Coder(_random.NextGuid(), vendor.Id, "snair", "Sunita Nair", [Cred(CredentialKind.CcsP, 8, 610), Cred(CredentialKind.Cfpc, 2, 300)], [fm]),
            new Coder(_random.NextGuid(), vendor.Id, "jokoye", "Joseph Okoye", [Cred(CredentialKind.Coc, 5, 500), Cred(CredentialKind.Cpc, 5, 500)], [fm, im]),

            // The only certified cardiology coder: the coverage report flags cardiology as a staffing risk.
            new Coder(_random.NextGuid(), vendor.Id, "lhartley", "Lena Hartley", [Cred(CredentialKind.Ccc, 7, 380), Cred(CredentialKind.Cpc, 9, 380)], [cardio]),
            new Coder(_random.NextGuid(), vendor.Id, "dkowalski", "Dominik Kowalski", [Cred(CredentialKind.Cosc, 3, 700), Cred(CredentialKind.Cpma, 2, 200)], [ortho]),
        ];
    }

    private static double DayWeight(DateOnly day, bool openSaturday, IReadOnlyList<DateOnly> holidays)
    {
        if (holidays.Contains(day))
        {
            return 0;
        }

        return day.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.25,
            DayOfWeek.Tuesday => 1.1,
            DayOfWeek.Wednesday => 1.0,
            DayOfWeek.Thursday => 1.05,
            DayOfWeek.Friday => 0.85,
            DayOfWeek.Saturday => openSaturday ? 0.3 : 0,
            _ => 0,
        };
    }

    /// <summary>Minutes after the visit for most notes, the same evening for many, days for a tail.</summary>
    private TimeSpan DocumentationLag(double pace)
    {
        var u = _random.NextDouble();
        var minutes = u switch
        {
            < 0.45 => 5 + (_random.NextDouble() * 115),
            < 0.75 => 120 + (_random.NextDouble() * 480),
            < 0.93 => 1440 + (_random.NextDouble() * 2880),
            _ => 4320 + (_random.NextDouble() * 7200),
        };
        return TimeSpan.FromMinutes(Math.Round(minutes * pace));
    }

    private PatientDemographics NextPatient(PracticeProfile profile, DateOnly visitDay)
    {
        var female = _random.NextDouble() < 0.53;
        var given = female ? DemoCatalog.GivenNamesFemale[_random.Next(DemoCatalog.GivenNamesFemale.Length)] : DemoCatalog.GivenNamesMale[_random.Next(DemoCatalog.GivenNamesMale.Length)];
        var family = DemoCatalog.FamilyNames[_random.Next(DemoCatalog.FamilyNames.Length)];

        // Triangular age distribution leaning to the older end of each practice's range.
        var age = (int)Math.Round(profile.MinAge + ((profile.MaxAge - profile.MinAge) * Math.Sqrt(_random.NextDouble())));
        var birth = visitDay.AddYears(-age).AddDays(-_random.Next(0, 365));
        var member = string.Create(CultureInfo.InvariantCulture, $"{(char)('A' + _random.Next(26))}{_random.Next(100_000_000, 999_999_999)}");
        return new PatientDemographics(family, given, birth, female ? PatientSex.Female : PatientSex.Male, member);
    }

    private string Note(PracticeProfile profile, PatientDemographics patient, DateOnly day, bool isNew, TimeSpan visitLength)
    {
        var count = 1 + (int)Math.Floor(Math.Pow(_random.NextDouble(), 1.6) * 3.2);
        var conditions = new List<DemoCatalog.Condition>();
        while (conditions.Count < count)
        {
            var c = Pick(profile.Conditions, x => x.Weight);
            if (!conditions.Contains(c))
            {
                conditions.Add(c);
            }
        }

        var age = day.Year - patient.BirthDate.Year - (day < new DateOnly(day.Year, patient.BirthDate.Month, Math.Min(patient.BirthDate.Day, 28)) ? 1 : 0);
        var sb = new StringBuilder();
        var sex = patient.Sex == PatientSex.Female ? "woman" : "man";
        sb.Append(CultureInfo.InvariantCulture, $"{(isNew ? "NEW PATIENT" : "ESTABLISHED PATIENT")} OFFICE VISIT ({profile.Specialty}).\n");
        sb.Append(CultureInfo.InvariantCulture, $"HPI: {age}-year-old {sex} seen for {string.Join(", ", conditions.Select(c => c.Name))}.\n");
        sb.Append("Exam: vitals reviewed; focused exam documented below.\n");
        sb.Append("Assessment and plan:\n");
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {char.ToUpperInvariant(c.Name[0])}{c.Name[1..]}: {c.Assessment} {c.Plan}\n");
        }

        var minutes = (int)visitLength.TotalMinutes + _random.Next(5, 20);
        sb.Append(CultureInfo.InvariantCulture, $"Total time on the date of the encounter: {minutes} minutes.\n");
        sb.Append("Electronically signed.");
        return sb.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = 0.0;
        foreach (var item in items)
        {
            total += weight(item);
        }

        var target = _random.NextDouble() * total;
        foreach (var item in items)
        {
            target -= weight(item);
            if (target < 0)
            {
                return item;
            }
        }

        return items.Last(i => weight(i) > 0);
    }

    private string NextHex(int length)
    {
        var bytes = new byte[length / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>US federal holidays observed by the practices that fall in a year (fixed-date ones moved off weekends).</summary>
    public static List<DateOnly> UsFederalHolidays(int year)
    {
        static DateOnly Observed(DateOnly d) => d.DayOfWeek switch
        {
            DayOfWeek.Saturday => d.AddDays(-1),
            DayOfWeek.Sunday => d.AddDays(1),
            _ => d,
        };

        static DateOnly Nth(int year, int month, DayOfWeek dow, int n)
        {
            var first = new DateOnly(year, month, 1);
            var offset = ((int)dow - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(offset + (7 * (n - 1)));
        }

        static DateOnly Last(int year, int month, DayOfWeek dow)
        {
            var last = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
            return last.AddDays(-(((int)last.DayOfWeek - (int)dow + 7) % 7));
        }

        return
        [
            Observed(new DateOnly(year, 1, 1)),
            Nth(year, 1, DayOfWeek.Monday, 3),
            Nth(year, 2, DayOfWeek.Monday, 3),
            Last(year, 5, DayOfWeek.Monday),
            Observed(new DateOnly(year, 6, 19)),
            Observed(new DateOnly(year, 7, 4)),
            Nth(year, 9, DayOfWeek.Monday, 1),
            Nth(year, 11, DayOfWeek.Thursday, 4),
            Observed(new DateOnly(year, 12, 25)),
        ];
    }
}
