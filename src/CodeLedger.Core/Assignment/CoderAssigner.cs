using CodeLedger.Core.Coders;
using CodeLedger.Core.Codes;

namespace CodeLedger.Core.Assignment;

/// <summary>
/// Chooses the coder for a new encounter. Eligible: present on the day (no absence) and holding a
/// credential valid that day that the map says covers the encounter's specialty. Among eligible
/// coders who work the specialty (it is in their list), the one with the least open work wins; if
/// none, the least-loaded eligible coder who does not usually work it (a backup); if none, uncovered.
/// Ties go to the user name in ordinal order, so assignment is deterministic.
/// </summary>
public sealed class CoderAssigner(CredentialSpecialtyMap map)
{
    public CoderAssignment Assign(Specialty specialty, DateOnly day, IEnumerable<Coder> coders, IReadOnlyDictionary<Guid, int> openWork)
    {
        Coder? primary = null;
        Coder? backup = null;
        foreach (var coder in coders)
        {
            if (coder.IsAwayOn(day) || !map.Qualifies(coder, specialty, day))
            {
                continue;
            }

            if (coder.Specialties.Contains(specialty))
            {
                primary = Better(primary, coder, openWork);
            }
            else
            {
                backup = Better(backup, coder, openWork);
            }
        }

        return primary is not null ? new CoderAssignment(primary.Id, primary.UserName, AssignmentBasis.Primary)
            : backup is not null ? new CoderAssignment(backup.Id, backup.UserName, AssignmentBasis.Backup)
            : new CoderAssignment(null, null, AssignmentBasis.Uncovered);
    }

    private static Coder Better(Coder? current, Coder candidate, IReadOnlyDictionary<Guid, int> openWork)
    {
        if (current is null)
        {
            return candidate;
        }

        var a = openWork.GetValueOrDefault(current.Id);
        var b = openWork.GetValueOrDefault(candidate.Id);
        return b < a || (b == a && string.CompareOrdinal(candidate.UserName, current.UserName) < 0) ? candidate : current;
    }
}
