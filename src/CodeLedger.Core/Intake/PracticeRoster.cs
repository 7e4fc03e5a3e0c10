using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Core.Intake;

/// <summary>
/// The physicians enrolled at a practice, by NPI: who an encounter's rendering NPI names. An
/// encounter whose NPI is not enrolled at the practice that sent it cannot be assigned a specialty
/// or billed under that practice (the 837P rendering provider must be the practice's), so the whole
/// file is refused, naming the first unknown NPI and where it was, before anything is written.
/// </summary>
public sealed class PracticeRoster
{
    private readonly Dictionary<Npi, Physician> _byNpi;

    public PracticeRoster(string practiceCode, IEnumerable<Physician> physicians)
    {
        PracticeCode = practiceCode;
        _byNpi = physicians.ToDictionary(p => p.Npi);
    }

    public string PracticeCode { get; }

    public bool TryFind(Npi npi, out Physician physician) => _byNpi.TryGetValue(npi, out physician!);

    /// <summary>The physician of each submission, in order; refuses (INTAKE-UNKNOWN-NPI) at the first NPI not enrolled.</summary>
    public IReadOnlyList<Physician> Resolve(IEnumerable<EncounterSubmission> submissions) =>
        [.. submissions.Select(s => TryFind(s.PhysicianNpi, out var physician) ? physician
            : throw new DomainException(IntakeErrors.UnknownNpi, $"{s.Location}: physician NPI {s.PhysicianNpi.Value} is not enrolled at practice {PracticeCode}; nothing was imported"))];
}
