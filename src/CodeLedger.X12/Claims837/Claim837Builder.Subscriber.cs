using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2000B (HL level 22) with its SBR, 2010BA subscriber (NM1*IL, address, DMG) and 2010BB
/// payer (NM1*PR), all required. Its HL02 must name the open billing provider's HL01.
/// </summary>
internal sealed partial class Claim837Builder
{
    private readonly PartyDraft _subscriber = new();
    private readonly PartyDraft _payer = new();
    private bool _inSubscriber;
    private readonly HlId _subscriberHlId = new();
    private long _subscriberHlPosition;
    private bool _hasSbr;
    private string _sbr01 = string.Empty;
    private string? _sbr02;
    private string? _sbr03;
    private string? _sbr09;
    private Subscriber837? _subscriberRecord;

    /// <summary>HL*…*…*22: a new subscriber under the open billing provider.</summary>
    private void OpenSubscriber(in X12Fields f)
    {
        var position = f.Position;
        EnsureHeader(position);
        CloseHierarchy(level: 22);
        CheckBilling();
        if (!_inBilling)
        {
            context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 3, "subscriber HL (level 22) without a billing provider HL (level 20)");
        }
        else if (!f[2].SequenceEqual(_billingHlId.Value))
        {
            context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2,
                $"HL02 '{X12Bytes.Show(f[2])}' is not the current billing provider HL '{X12Bytes.Show(_billingHlId.Value)}'");
        }

        _inSubscriber = true;
        _subscriberHlId.Set(f[1]);
        _subscriberHlPosition = position;
        _hasSbr = false;
        _sbr01 = string.Empty;
        _sbr02 = _sbr03 = _sbr09 = null;
        _subscriber.Reset(position);
        _payer.Reset(position);
        _subscriberRecord = null;
        _target = _ignored;
        _loop = Loop.Subscriber;
    }

    private void OnSbr(in X12Fields f)
    {
        if (_loop is Loop.Claim or Loop.OtherSubscriber)
        {
            OpenOtherSubscriber();
            return;
        }

        if (!_inSubscriber || _inPatient)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "SBR", null, "SBR outside loop 2000B");
            return;
        }

        _hasSbr = true;
        _sbr01 = _strings.Get(f[1]);
        _sbr02 = _strings.GetOrNull(f[2]);
        _sbr03 = X12Bytes.TextOrNull(f[3]);
        _sbr09 = _strings.GetOrNull(f[9]);
        if (f[1].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, f.Position, "SBR", 1, "SBR01 payer responsibility sequence is required");
        }

        _subscriberRecord = null;
    }

    /// <summary>NM1*IL (2010BA) and NM1*PR (2010BB) inside 2000B; false otherwise.</summary>
    private bool TrySubscriberParty(ReadOnlySpan<byte> entity, X12Name name, long position)
    {
        if (!_inSubscriber)
        {
            return false;
        }

        if (entity.SequenceEqual("IL"u8))
        {
            Assign(_subscriber, name, position, "2010BA subscriber");
            _subscriberRecord = null;
            return true;
        }

        if (entity.SequenceEqual("PR"u8))
        {
            Assign(_payer, name, position, "2010BB payer");
            _subscriberRecord = null;
            return true;
        }

        return false;
    }

    private void CheckSubscriber()
    {
        if (!_hasSbr)
        {
            Missing(_subscriberHlPosition, "SBR", "loop 2000B has no SBR (subscriber information)");
        }

        if (_subscriber.Name is null)
        {
            Missing(_subscriberHlPosition, "NM1", "loop 2010BA subscriber (NM1*IL) is missing");
        }

        if (_payer.Name is null)
        {
            Missing(_subscriberHlPosition, "NM1", "loop 2010BB payer (NM1*PR) is missing");
        }
    }

    private Subscriber837 SubscriberRecord() =>
        _subscriberRecord ??= new Subscriber837(_sbr01, _sbr02, _sbr03, _sbr09, _subscriber.Name ?? Empty("IL"), _subscriber.Address,
            _subscriber.BirthDate, _subscriber.Gender, _payer.Name ?? Empty("PR"));
}
