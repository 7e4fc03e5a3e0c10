using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// What every name loop shares: NM1 (entity code and type checked, the name built or shared),
/// then N3, N4 and DMG, which fill the party the last NM1 opened (<see cref="PartyDraft"/>). Which
/// loop an NM1 opens is each loop's own rule (TryHeaderParty, TryBillingProvider, …). A name loop
/// the model does not keep still has its N3/N4 order checked.
/// </summary>
internal sealed partial class Claim837Builder
{
    // The payer's and the providers' NM1 repeat from subscriber to subscriber: the name built
    // last time for the same bytes is handed back (see Name).
    private readonly NameSlot[] _names = new NameSlot[16];
    private readonly PartyDraft _ignored = new();

    // The party N3, N4, DMG and a tax-id REF fill: the one the last NM1 opened.
    private PartyDraft _target = new();

    private void OnNm1(in X12Fields f)
    {
        var position = f.Position;
        var entity = f[1];
        if (entity.IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "NM1", 1, "NM101 entity identifier code is required");
            Ignore(position);
            return;
        }

        if (f[2].IsEmpty)
        {
            context.Error(X12ErrorCodes.RequiredElementMissing, position, "NM1", 2, "NM102 entity type qualifier is required");
        }
        else if (!f[2].SequenceEqual("1"u8) && !f[2].SequenceEqual("2"u8))
        {
            context.Error(X12ErrorCodes.InvalidCode, position, "NM1", 2, $"NM102 '{X12Bytes.Show(f[2])}' is not 1 (person) or 2 (organization)");
        }

        // Providers, payers and common names repeat from claim to claim: the cache returns the
        // same strings instead of allocating new ones.
        var name = Name(f, entity);

        switch (_loop)
        {
            case Loop.OtherSubscriber:
                OnOtherSubscriberNm1(position, entity);
                return;
            case Loop.Line or Loop.LineOther:
                OnLineNm1(position, entity, name);
                return;
            case Loop.Claim:
                OnClaimNm1(position, entity, name);
                return;
            default:
                break;
        }

        // Above the claims, each name loop belongs to one level of the hierarchy; the order of
        // the checks is the order of the loops in the transaction.
        if (TryHeaderParty(entity, name, position) || TryBillingProvider(entity, name, position)
            || TrySubscriberParty(entity, name, position) || TryPatient(entity, name, position))
        {
            return;
        }

        if (!IsEntity(entity, HeaderEntities))
        {
            InvalidEntity(position, entity);
        }

        Ignore(position);
    }

    /// <summary>
    /// The NM1 as a name. The same NM1 bytes as the last NM1 of that entity code (the payer of
    /// every subscriber, the same rendering provider) give back the same name object.
    /// </summary>
    private X12Name Name(in X12Fields f, ReadOnlySpan<byte> entity)
    {
        var raw = f.Raw;
        ref var slot = ref _names[(entity[0] ^ (entity.Length > 1 ? entity[1] * 7 : 0)) & (_names.Length - 1)];
        if (slot.Name is { } known && raw.SequenceEqual(slot.Bytes.AsSpan(0, slot.Length)))
        {
            return known;
        }

        // Identifiers are unique per person or provider: never cached (see X12StringCache).
        var name = new X12Name(_strings.Get(entity), _strings.Get(f[2]), _personNames.Get(f[3]), _personNames.GetOrNull(f[4]),
            _personNames.GetOrNull(f[5]), _strings.GetOrNull(f[7]), _strings.GetOrNull(f[8]), X12Bytes.TextOrNull(f[9]));
        if (slot.Bytes is null || slot.Bytes.Length < raw.Length)
        {
            slot.Bytes = new byte[Math.Max(raw.Length, 64)];
        }

        raw.CopyTo(slot.Bytes);
        slot.Length = raw.Length;
        slot.Name = name;
        return name;
    }

    /// <summary>A name loop the model does not keep: its N3/N4 are still checked for order.</summary>
    private void Ignore(long position)
    {
        _ignored.Reset(position);
        _target = _ignored;
    }

    private void Assign(PartyDraft party, X12Name name, long position, string loop)
    {
        if (party.Name is not null)
        {
            context.Error(X12ErrorCodes.SegmentRepeatExceeded, position, "NM1", null, $"loop {loop} appears more than once (maximum 1)");
            Ignore(position);
            return;
        }

        party.Reset(position);
        party.Name = name;
        party.NameCount = 1;
        _target = party;
    }

    private void InvalidEntity(long position, ReadOnlySpan<byte> entity) =>
        context.Error(X12ErrorCodes.InvalidCode, position, "NM1", 1, $"NM101 '{X12Bytes.Show(entity)}' is not an entity code of this 837P loop");

    private void OnN3(in X12Fields f)
    {
        var target = _target;
        if (target.HasN4)
        {
            context.Error(X12ErrorCodes.SegmentOutOfOrder, f.Position, "N3", null, "N3 (address) must come before N4 (city, state, ZIP)");
        }

        target.HasN3 = true;
        // Address lines are close to unique: decoded, not cached (see X12StringCache).
        target.Line1 = X12Bytes.Text(f[1]);
        target.Line2 = X12Bytes.TextOrNull(f[2]);
        Invalidate(target);
    }

    private void OnN4(in X12Fields f)
    {
        var target = _target;
        target.HasN4 = true;
        target.City = _strings.Get(f[1]);
        target.State = _strings.GetOrNull(f[2]);
        target.PostalCode = _strings.GetOrNull(f[3]);
        Invalidate(target);
    }

    private void OnDmg(in X12Fields f)
    {
        var target = _target;
        if (f[1].SequenceEqual("D8"u8) && !f[2].IsEmpty)
        {
            if (X12Bytes.TryParseDate(f[2], out var birth))
            {
                target.BirthDate = birth;
            }
            else
            {
                // The value is the patient's birth date: the element is named, its value never repeated.
                context.Error(X12ErrorCodes.InvalidDate, f.Position, "DMG", 2, "DMG02 birth date is not a CCYYMMDD date");
            }
        }

        target.Gender = _strings.GetOrNull(f[3]);
        Invalidate(target);
    }

    private void Invalidate(PartyDraft target)
    {
        if (ReferenceEquals(target, _billing))
        {
            _billingRecord = null;
        }
        else if (ReferenceEquals(target, _subscriber) || ReferenceEquals(target, _payer))
        {
            _subscriberRecord = null;
        }
        else if (ReferenceEquals(target, _patient))
        {
            _patientRecord = null;
        }
    }

    // Entity codes of the name loops above the claims (pyx12 837.5010.X222.A1.xml; FACTS.md §4.2).
    private static readonly string[] HeaderEntities = ["41", "40", "85", "87", "PE", "IL", "PR", "QC"];

    /// <summary>The last NM1 seen for one entity code and the name built from it.</summary>
    private struct NameSlot
    {
        public byte[]? Bytes;
        public int Length;
        public X12Name? Name;
    }
}
