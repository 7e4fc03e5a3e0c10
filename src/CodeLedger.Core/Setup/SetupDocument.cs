using CodeLedger.Core.Contracts;

namespace CodeLedger.Core.Setup;

/// <summary>
/// A setup file as a document: the organizations, their physicians and coders, the agreements
/// and the contracts, in the words of docs/SETUP.md. It holds checked values (an NPI that passed
/// its check digit, dates that parse) but no ids: the file names things by their natural keys
/// (organization code, NPI, coder user name, practice/vendor/effective date), so the same file
/// applies to any database. <see cref="SetupDiff"/> maps it onto the Core types.
/// </summary>
public sealed record SetupDocument(
    IReadOnlyList<OrganizationSetup> Vendors,
    IReadOnlyList<PracticeSetup> Practices,
    IReadOnlyList<OrganizationSetup> AuditFirms,
    IReadOnlyList<AgreementSetup> Agreements,
    IReadOnlyList<ContractSetup> Contracts,
    IReadOnlyList<UserSetup>? Users = null)
{
    /// <summary>No setup; no <c>users</c> key either, so it leaves user accounts alone.</summary>
    public static SetupDocument Empty { get; } = new([], [], [], [], []);

    /// <summary>
    /// The document in its one written order: organizations by code, physicians by NPI, coders by
    /// user name (their specialties, credentials and absences sorted), agreements and contracts by
    /// practice, vendor and date. Applying keeps the order it is given, which is the order events are recorded in.
    /// </summary>
    public SetupDocument Canonical() => new(
        [.. Vendors.OrderBy(v => v.Code, StringComparer.Ordinal).Select(v => v with { Coders = [.. v.Coders.OrderBy(c => c.UserName, StringComparer.Ordinal).Select(c => c.Sorted())] })],
        [.. Practices.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => p with
        {
            Physicians = [.. p.Physicians.OrderBy(d => d.Npi, StringComparer.Ordinal)],
            Payers = [.. p.Payers.OrderBy(x => x.Code, StringComparer.Ordinal)],
        })],
        [.. AuditFirms.OrderBy(a => a.Code, StringComparer.Ordinal)],
        [.. Agreements.OrderBy(a => a.Practice, StringComparer.Ordinal).ThenBy(a => a.Vendor, StringComparer.Ordinal).ThenBy(a => a.EffectiveOn)],
        [.. Contracts.OrderBy(c => c.Practice, StringComparer.Ordinal).ThenBy(c => c.Vendor, StringComparer.Ordinal).ThenBy(c => c.EffectiveOn)],
        Users is null ? null : [.. Users.OrderBy(u => u.UserName, StringComparer.Ordinal)]);

    /// <summary>Equal content, list by list (records compare lists by reference).</summary>
    public bool SameAs(SetupDocument other) => SetupWriter.Json(Canonical()) == SetupWriter.Json(other.Canonical());
}

/// <summary>
/// A user account: one role in one organization (by code), linked to the coder record a coder or
/// lead works as (<see cref="Coder"/>, their own user name unless the file says otherwise) or to the
/// physician a physician user is (<see cref="PhysicianNpi"/>). <see cref="Active"/> false keeps a
/// disabled account disabled. A setup file never holds a password or a token.
/// </summary>
public sealed record UserSetup(string UserName, string DisplayName, string? Email, string Organization, string Role, string? Coder, string? PhysicianNpi, bool Active = true);

/// <summary>A coding vendor (with its coders) or an audit firm.</summary>
public sealed record OrganizationSetup(string Code, string Name, IReadOnlyList<CoderSetup> Coders);

/// <summary>
/// A practice: its physicians and, for claims out (docs/SETUP.md, "Billing"), the payers it bills and
/// its billing profile (null until the practice bills through CodeLedger).
/// </summary>
public sealed record PracticeSetup(string Code, string Name, IReadOnlyList<PhysicianSetup> Physicians, IReadOnlyList<PayerSetup>? Payers = null, BillingSetup? Billing = null)
{
    public IReadOnlyList<PayerSetup> Payers { get; init; } = Payers ?? [];
}

/// <summary>
/// A payer the practice bills, by the practice's own code for it: name (NM1*PR NM103), payer id
/// (NM109), claim filing indicator (SBR09), the trading partner its claims go through, and
/// whether it is active (false: kept for the claims that name it, no new claim goes to it).
/// </summary>
public sealed record PayerSetup(string Code, string Name, string PayerId, string ClaimFilingIndicator, ReceiverSetup Receiver, bool Active = true);

/// <summary>The interchange receiver of a payer's claims: ISA07 qualifier, ISA08 id, GS03 group receiver code.</summary>
public sealed record ReceiverSetup(string Qualifier, string Id, string GroupCode);

/// <summary>
/// The practice as billing provider (loop 2010AA: group NPI, EIN, address with its nine-digit ZIP)
/// and as submitter (loop 1000A: the ETIN its clearinghouse assigned, name, contact), and whether its
/// interchanges are production (ISA15 P) or test (T).
/// </summary>
public sealed record BillingSetup(string Npi, string Ein, AddressSetup Address, SubmitterSetup Submitter, bool Production = false);

/// <summary>A US postal address: two-letter state, ZIP of five or nine digits (written without the dash).</summary>
public sealed record AddressSetup(string Line1, string? Line2, string City, string State, string Zip);

/// <summary>The submitter (loop 1000A): ETIN, name, contact name and a ten-digit telephone number.</summary>
public sealed record SubmitterSetup(string Etin, string Name, string ContactName, string ContactPhone);

/// <summary>A physician of a practice; <see cref="Active"/> false keeps the record for history while no new work is theirs.</summary>
public sealed record PhysicianSetup(string Npi, string Name, string Taxonomy, string Specialty, bool Active = true);

public sealed record CoderSetup(
    string UserName,
    string Name,
    bool Lead,
    bool Active,
    IReadOnlyList<string> Specialties,
    IReadOnlyList<CredentialSetup> Credentials,
    IReadOnlyList<AbsenceSetup> Absences)
{
    public CoderSetup Sorted() => this with
    {
        Specialties = [.. Specialties.Order(StringComparer.Ordinal)],
        Credentials = [.. Credentials.OrderBy(k => k.Kind, StringComparer.Ordinal).ThenBy(k => k.IssuedOn).ThenBy(k => k.Number, StringComparer.Ordinal)],
        Absences = [.. Absences.OrderBy(a => a.From).ThenBy(a => a.Through)],
    };

    /// <summary>The same coder, lists compared by content.</summary>
    public bool SameAs(CoderSetup other) =>
        UserName == other.UserName && Name == other.Name && Lead == other.Lead && Active == other.Active
        && Specialties.Order(StringComparer.Ordinal).SequenceEqual(other.Specialties.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && Credentials.ToHashSet().SetEquals(other.Credentials) && Credentials.Count == other.Credentials.Count
        && Absences.ToHashSet().SetEquals(other.Absences) && Absences.Count == other.Absences.Count;
}

/// <summary>A credential: its kind as printed (CPC, CCS-P), certificate number, issue and expiry dates.</summary>
public sealed record CredentialSetup(string Kind, string Number, DateOnly IssuedOn, DateOnly ExpiresOn);

public sealed record AbsenceSetup(DateOnly From, DateOnly Through, string Reason);

/// <summary>A business associate agreement, keyed by practice, vendor and effective date.</summary>
public sealed record AgreementSetup(
    string Practice,
    string Vendor,
    string PracticeSignatory,
    string VendorSignatory,
    DateOnly SignedOn,
    DateOnly EffectiveOn,
    DateOnly? ExpiresOn,
    string DocumentSha256,
    DateOnly? TerminatedOn = null)
{
    public string Key => $"{Practice}/{Vendor}/{EffectiveOn:yyyy-MM-dd}";
}

/// <summary>An SLA contract, keyed by practice, vendor and effective date: every term of <see cref="SlaContract"/>.</summary>
public sealed record ContractSetup(
    string Practice,
    string Vendor,
    DateOnly EffectiveOn,
    int TurnaroundTargetHours,
    TurnaroundClockKind Clock,
    string TimeZone,
    TimeOnly Opens,
    TimeOnly Closes,
    IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<DateOnly> Holidays,
    decimal AccuracyFloorPercent,
    int QueryResponseWindowHours,
    bool OpenQueryPausesClock,
    bool CorrectedDocumentationRestartsClock,
    string MonthlyFee,
    decimal CreditThresholdPercent,
    decimal CreditPercentOfFeePerPoint,
    decimal CreditCapPercentOfFee,
    int RemediationAfterConsecutiveBreachMonths)
{
    private static readonly DayOfWeek[] NoDays = [];
    private static readonly DateOnly[] NoHolidays = [];

    public string Key => $"{Practice}/{Vendor}/{EffectiveOn:yyyy-MM-dd}";

    /// <summary>The same terms, lists compared by content.</summary>
    public bool SameTerms(ContractSetup other) =>
        this with { WorkingDays = NoDays, Holidays = NoHolidays } == other with { WorkingDays = NoDays, Holidays = NoHolidays }
        && WorkingDays.Order().SequenceEqual(other.WorkingDays.Order()) && Holidays.Order().SequenceEqual(other.Holidays.Order());
}
