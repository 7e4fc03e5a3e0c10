using CodeLedger.Core.Coding;
using CodeLedger.Core.Common;
using CodeLedger.Core.Workflow;

namespace CodeLedger.Core.Audits;

/// <summary>
/// The blind re-coding rules (docs/AUDIT.md, "Blind re-coding"): an auditor codes only sampled
/// encounters, once each, with codes that can be compared; and sees the vendor's codes of an
/// encounter only after recording their own. Storage loads what was recorded and asks.
/// </summary>
public static class AuditRecording
{
    /// <summary>Refuses an auditor coding for an encounter outside the sample, a second one, or one that cannot be compared.</summary>
    public static void Check(AuditSample sample, IReadOnlySet<Guid> recorded, Guid encounterId, CodingSubmission coding)
    {
        if (!sample.Contains(encounterId))
        {
            throw new DomainException(AuditErrors.NotInSample, $"encounter {encounterId} is not in the audit's sample");
        }

        if (recorded.Contains(encounterId))
        {
            // Named by the practice's encounter id, as every other audit message names it: the internal id means nothing to the auditor.
            throw new DomainException(AuditErrors.RecordedTwice, $"encounter {sample.Find(encounterId)!.Member.EncounterKey} already has the auditor's coding; an audit records one per encounter");
        }

        var problems = new List<string>();
        if (coding.Diagnoses.Count is 0 or > CodingResult.MaxDiagnoses)
        {
            problems.Add($"1 to {CodingResult.MaxDiagnoses} diagnoses, got {coding.Diagnoses.Count}");
        }

        if (coding.Lines.Count == 0)
        {
            problems.Add("at least one service line");
        }

        if (coding.Diagnoses.Distinct().Count() != coding.Diagnoses.Count)
        {
            problems.Add("each diagnosis once");
        }

        foreach (var (line, i) in coding.Lines.Select((l, i) => (l, i)))
        {
            if (line.Pointers.Any(p => p > coding.Diagnoses.Count))
            {
                problems.Add($"lines[{i}] ({line.Code}) points past the {coding.Diagnoses.Count} diagnoses");
            }
        }

        if (problems.Count > 0)
        {
            throw new DomainException(AuditErrors.CodingInvalid, $"encounter {sample.Find(encounterId)!.Member.EncounterKey}: the auditor's coding needs " + string.Join("; ", problems));
        }
    }

    /// <summary>Refuses the vendor's codes of an encounter to an auditor who has not recorded their own; the refusal names the practice's encounter id.</summary>
    public static void RequireRecordedBeforeReveal(IReadOnlySet<Guid> recorded, AuditPopulationMember encounter)
    {
        if (!recorded.Contains(encounter.EncounterId))
        {
            throw new DomainException(AuditErrors.Blind, $"encounter {encounter.EncounterKey}: record your own coding before the vendor's is shown (blind re-coding)");
        }
    }
}
