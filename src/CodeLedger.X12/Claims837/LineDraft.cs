using CodeLedger.X12.Envelope;

namespace CodeLedger.X12.Claims837;

/// <summary>Loop 2400 being read.</summary>
internal sealed class LineDraft
{
    public long Position { get; set; }

    public int LineNumber { get; set; }

    public bool HasSv1 { get; set; }

    public string Qualifier { get; set; } = string.Empty;

    public string ProcedureCode { get; set; } = string.Empty;

    public string[] Modifiers { get; set; } = [];

    public string? Description { get; set; }

    public decimal Charge { get; set; }

    public string UnitBasis { get; set; } = string.Empty;

    public decimal Units { get; set; }

    public string? PlaceOfService { get; set; }

    public int[] Pointers { get; set; } = [];

    public DateOnly? ServiceFrom { get; set; }

    public DateOnly? ServiceTo { get; set; }

    public string? PriorAuthorization { get; set; }

    public X12Name? Rendering { get; set; }

    public void Reset(long position, int lineNumber)
    {
        Position = position;
        LineNumber = lineNumber;
        HasSv1 = false;
        Qualifier = ProcedureCode = UnitBasis = string.Empty;
        Modifiers = [];
        Description = PlaceOfService = PriorAuthorization = null;
        Charge = Units = 0m;
        Pointers = [];
        ServiceFrom = ServiceTo = null;
        Rendering = null;
    }

    public ServiceLine837 Build() => new(LineNumber, Qualifier, ProcedureCode, Modifiers, Description, Charge, UnitBasis, Units,
        PlaceOfService, Pointers, ServiceFrom ?? default, ServiceTo, PriorAuthorization, Rendering);
}
