using CodeLedger.X12.Envelope;
using CodeLedger.X12.Reading;

namespace CodeLedger.X12.Claims837;

/// <summary>
/// The transaction's header: BHT, loop 1000A submitter (NM1*41 and its PER contact) and loop
/// 1000B receiver (NM1*40). The header goes to the sink once, before the first claim, when the
/// first HL (or the end of the set) shows that no more header segments can follow.
/// </summary>
internal sealed partial class Claim837Builder
{
    private readonly PartyDraft _submitter = new();
    private readonly PartyDraft _receiver = new();

    private bool _hasBht;
    private string _purpose = string.Empty;
    private string _reference = string.Empty;
    private string _date = string.Empty;
    private string _time = string.Empty;
    private string _claimOrEncounter = string.Empty;
    private string? _contactName;
    private string? _contactPhone;
    private bool _headerEmitted;

    private void OnBht(in X12Fields f)
    {
        _hasBht = true;
        _purpose = X12Bytes.Text(f[2]);
        _reference = X12Bytes.Text(f[3]);
        _date = X12Bytes.Text(f[4]);
        _time = X12Bytes.Text(f[5]);
        _claimOrEncounter = X12Bytes.Text(f[6]);
    }

    private void OnPer(in X12Fields f)
    {
        if (ReferenceEquals(_target, _submitter) && _contactName is null)
        {
            _contactName = X12Bytes.TextOrNull(f[2]);
            _contactPhone = X12Bytes.TextOrNull(f[4]);
        }
    }

    /// <summary>NM1*41 (1000A) and NM1*40 (1000B); false for any other entity.</summary>
    private bool TryHeaderParty(ReadOnlySpan<byte> entity, X12Name name, long position)
    {
        if (entity.SequenceEqual("41"u8))
        {
            Assign(_submitter, name, position, "1000A submitter");
            return true;
        }

        if (entity.SequenceEqual("40"u8))
        {
            Assign(_receiver, name, position, "1000B receiver");
            return true;
        }

        return false;
    }

    private void EnsureHeader(long position)
    {
        if (_headerEmitted)
        {
            return;
        }

        _headerEmitted = true;
        if (!_hasBht)
        {
            Missing(position, "BHT", "the transaction has no BHT (beginning of hierarchical transaction)");
        }

        if (_submitter.Name is null)
        {
            Missing(position, "NM1", "loop 1000A submitter (NM1*41) is missing");
        }

        if (_receiver.Name is null)
        {
            Missing(position, "NM1", "loop 1000B receiver (NM1*40) is missing");
        }

        context.Sink?.OnTransaction837(Header());
    }

    internal Transaction837Header Header() => new(controlNumber, _purpose, _reference, _date, _time, _claimOrEncounter,
        _submitter.Name ?? Empty("41"), _contactName, _contactPhone, _receiver.Name ?? Empty("40"));
}
