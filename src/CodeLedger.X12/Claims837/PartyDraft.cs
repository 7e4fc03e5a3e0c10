using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>A name loop being read: NM1 plus the N3, N4, DMG and REF that follow it.</summary>
internal sealed class PartyDraft
{
    public X12Name? Name { get; set; }

    public long Position { get; set; }

    public int NameCount { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? PostalCode { get; set; }

    public bool HasN3 { get; set; }

    public bool HasN4 { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Gender { get; set; }

    public string? TaxIdQualifier { get; set; }

    public string? TaxId { get; set; }

    public int TaxIdCount { get; set; }

    public X12Address? Address => HasN3 || HasN4 ? new X12Address(Line1 ?? string.Empty, Line2, City ?? string.Empty, State, PostalCode) : null;

    public void Reset(long position)
    {
        Name = null;
        Position = position;
        NameCount = 0;
        Line1 = Line2 = City = State = PostalCode = null;
        HasN3 = HasN4 = false;
        BirthDate = null;
        Gender = null;
        TaxIdQualifier = TaxId = null;
        TaxIdCount = 0;
    }
}
