using CodeLedger.Core.Codes;
using CodeLedger.Core.Common;
using CodeLedger.Core.Physicians;

namespace CodeLedger.Core.Intake;

/// <summary>
/// The physicians enrolled at a practice, by NPI: who an encounter's rendering NPI names. An
/// encounter whose NPI is not enrolled at the practice that sent it cannot be assigned a specialty
/// or billed under that practice (the 837P rendering provider must be the practice's), so the whole
/// file is refused, naming the first unknown NPI and where it was, before anything is written.
/// A physician deactivated at the practice (<c>physicians deactivate</c>, or removed from the setup
/// file) is refused the same way, whatever the date of service: the rule is "active now", not
/// "active on the date of service", because the record keeps no end date to compare with, and
/// because taking the work means the physician must answer its documentation queries within the
/// contract's window, which someone who left cannot do. A practice that must still send a departed
/// physician's late encounters re-activates them first (docs/INTAKE.md).
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

    /// <summary>
    /// The physician of each submission, in order; refuses at the first NPI not enrolled
    /// (INTAKE-UNKNOWN-NPI) or enrolled but deactivated (INTAKE-INACTIVE-PHYSICIAN).
    /// </summary>
    public IReadOnlyList<Physician> Resolve(IEnumerable<EncounterSubmission> submissions) =>
        [.. submissions.Select(s => !TryFind(s.PhysicianNpi, out var physician)
            ? throw new DomainException(IntakeErrors.UnknownNpi, $"{s.Location}: physician NPI {s.PhysicianNpi.Value} is not enrolled at practice {PracticeCode}; nothing was imported")
            : !physician.Active
                ? throw new DomainException(IntakeErrors.InactivePhysician,
                    $"{s.Location}: physician NPI {s.PhysicianNpi.Value} was deactivated at practice {PracticeCode} and takes no new encounters (re-activate them to send late ones); nothing was imported")
                : physician)];
}
