using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// Loop 2000A (HL level 20) and 2010AA billing provider: NM1*85, its address (N3, N4, both
/// required) and one tax id (REF*EI or REF*SY, required). Every claim under the HL carries the
/// same <see cref="BillingProvider837"/>, made once and again only when the loop changes.
/// </summary>
internal sealed partial class Claim837Builder
{
    private readonly PartyDraft _billing = new();
    private bool _inBilling;
    private readonly HlId _billingHlId = new();
    private long _billingHlPosition;
    private bool _billingChecked;
    private BillingProvider837? _billingRecord;

    /// <summary>HL*…**20: a new billing provider; the one before it is closed and checked.</summary>
    private void OpenBillingProvider(in X12Fields f)
    {
        var position = f.Position;
        EnsureHeader(position);
        CloseHierarchy(level: 20);
        _inBilling = true;
        _billingHlId.Set(f[1]);
        _billingHlPosition = position;
        _billingChecked = false;
        _billingRecord = null;
        _billing.Reset(position);
        _target = _ignored;
        _loop = Loop.BillingProvider;
        if (!f[2].IsEmpty)
        {
            context.Error(X12ErrorCodes.InvalidHierarchy, position, "HL", 2, "a billing provider HL (level 20) has no parent");
        }
    }

    /// <summary>NM1*85 inside 2000A and before any subscriber (2010AA); false otherwise.</summary>
    private bool TryBillingProvider(ReadOnlySpan<byte> entity, X12Name name, long position)
    {
        if (!entity.SequenceEqual("85"u8) || !_inBilling || _inSubscriber)
        {
            return false;
        }

        Assign(_billing, name, position, "2010AA billing provider");
        _billingRecord = null;
        return true;
    }

    /// <summary>REF*EI or REF*SY right after NM1*85: the tax id, at most once.</summary>
    private void OnBillingProviderRef(in X12Fields f)
    {
        var qualifier = f[1];
        if (!ReferenceEquals(_target, _billing) || (!qualifier.SequenceEqual("EI"u8) && !qualifier.SequenceEqual("SY"u8)))
        {
            return;
        }

        if (++_billing.TaxIdCount > 1)
        {
            context.Error(X12ErrorCodes.SegmentRepeatExceeded, f.Position, "REF", null,
                "loop 2010AA carries more than one tax id REF (maximum 1)");
            return;
        }

        _billing.TaxIdQualifier = _strings.Get(qualifier);
        _billing.TaxId = X12Bytes.Text(f[2]);
        _billingRecord = null;
    }

    private void CheckBilling()
    {
        if (_billingChecked || !_inBilling)
        {
            return;
        }

        _billingChecked = true;
        if (_billing.Name is null)
        {
            Missing(_billingHlPosition, "NM1", "loop 2010AA billing provider (NM1*85) is missing");
            return;
        }

        CheckAddress(_billing, "2010AA billing provider");
        if (_billing.TaxId is null)
        {
            Missing(_billing.Position, "REF", "loop 2010AA billing provider has no tax id (REF*EI or REF*SY)");
        }
    }

    private void CheckAddress(PartyDraft party, string loop)
    {
        if (!party.HasN3)
        {
            Missing(party.Position, "N3", $"loop {loop} has no N3 (address)");
        }

        if (!party.HasN4)
        {
            Missing(party.Position, "N4", $"loop {loop} has no N4 (city, state, ZIP)");
        }
    }

    private BillingProvider837 BillingRecord() =>
        _billingRecord ??= new BillingProvider837(_billing.Name ?? Empty("85"), _billing.Address, _billing.TaxIdQualifier, _billing.TaxId);
}
