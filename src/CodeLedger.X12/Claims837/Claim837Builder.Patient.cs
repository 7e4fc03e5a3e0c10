using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2000C (HL level 23) with its PAT and 2010CA patient (NM1*QC, address, DMG), both
/// required, when the patient is not the subscriber. Its HL02 must name the open subscriber's HL01.
/// </summary>
internal sealed partial class Claim837Builder
{
    private readonly PartyDraft _patient = new();
    private bool _inPatient;
    private long _patientHlPosition;
    private string? _patientRelationship;
    private Patient837? _patientRecord;

    /// <summary>HL*…*…*23: a patient under the open subscriber.</summary>
    private void OpenPatient(in X12Fields f)
    {
        var position = f.Position;
        CloseHierarchy(level: 23);
        if (!_inSubscriber)
        {
            context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 3, "patient HL (level 23) without a subscriber HL (level 22)");
        }
        else if (!f[2].SequenceEqual(_subscriberHlId.Value))
        {
            context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2,
                $"HL02 '{X12Bytes.Show(f[2])}' is not the current subscriber HL '{X12Bytes.Show(_subscriberHlId.Value)}'");
        }

        _inPatient = true;
        _patientHlPosition = position;
        _patientRelationship = null;
        _patient.Reset(position);
        _patientRecord = null;
        _target = _ignored;
        _loop = Loop.Patient;
    }

    private void OnPat(in X12Fields f)
    {
        if (!_inPatient)
        {
            return;
        }

        _patientRelationship = _strings.Get(f[1]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "PAT", 1, "PAT01 individual relationship code is required");
        }

        _patientRecord = null;
    }

    /// <summary>NM1*QC inside 2000C (2010CA); false otherwise.</summary>
    private bool TryPatient(ReadOnlySpan<byte> entity, X12Name name, long position)
    {
        if (!entity.SequenceEqual("QC"u8) || !_inPatient)
        {
            return false;
        }

        Assign(_patient, name, position, "2010CA patient");
        _patientRecord = null;
        return true;
    }

    private void CheckPatient()
    {
        if (_patientRelationship is null)
        {
            Missing(_patientHlPosition, "PAT", "loop 2000C has no PAT (patient relationship)");
        }

        if (_patient.Name is null)
        {
            Missing(_patientHlPosition, "NM1", "loop 2010CA patient (NM1*QC) is missing");
        }
    }

    private Patient837 PatientRecord() =>
        _patientRecord ??= new Patient837(_patientRelationship ?? string.Empty, _patient.Name ?? Empty("QC"), _patient.Address,
            _patient.BirthDate, _patient.Gender);
}
