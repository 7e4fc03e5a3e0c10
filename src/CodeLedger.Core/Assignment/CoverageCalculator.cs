using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Assignment;

/// <summary>Builds the coverage picture of a set of specialties from the coders and the credential map.</summary>
public static class CoverageCalculator
{
    public const int ExpiryWarningDays = 60;

    public static IReadOnlyList<SpecialtyCoverage> Build(IEnumerable<Specialty> specialties, IReadOnlyList<Coder> coders, CredentialSpecialtyMap map, DateOnly today)
    {
        var restOfWeek = Enumerable.Range(0, 7).Select(today.AddDays)
            .TakeWhile(d => d == today || d.DayOfWeek != DayOfWeek.Monday)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .ToList();
        var result = new List<SpecialtyCoverage>();
        foreach (var specialty in specialties.Distinct().OrderBy(s => s.Value, StringComparer.Ordinal))
        {
            var certified = coders.Where(c => map.Qualifies(c, specialty, today)).OrderBy(c => c.UserName, StringComparer.Ordinal).ToList();
            var available = certified
                .Where(c => restOfWeek.Any(d => !c.IsAwayOn(d) && map.Qualifies(c, specialty, d)))
                .Select(c => c.UserName)
                .ToList();
            var expiring = certified
                .SelectMany(c => c.Credentials
                    .Where(k => k.IsValidOn(today) && map.Covers(k.Kind, specialty) && k.ExpiresOn.DayNumber - today.DayNumber <= ExpiryWarningDays)
                    .Select(k => new ExpiringCredential(c.UserName, CredentialNames.Name(k.Kind), k.ExpiresOn, k.ExpiresOn.DayNumber - today.DayNumber)))
                .OrderBy(e => e.ExpiresOn)
                .ThenBy(e => e.Coder, StringComparer.Ordinal)
                .ToList();
            var risk = certified.Count switch
            {
                0 => "none",
                1 => "single",
                _ => null,
            };
            result.Add(new SpecialtyCoverage(specialty.Value, [.. certified.Select(c => c.UserName)], available, expiring, risk));
        }

        return result;
    }
}
