using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;

namespace CodeLedger.Core.Accounts;

/// <summary>
/// The rules an account must satisfy before it is stored, and the roles a piece of work needs.
/// Storage (<c>AccountDesk</c>) reads what these need and calls them; the CLI and the web host
/// only ask for the role set of the work they do.
/// </summary>
public static class AccountRules
{
    /// <summary>The roles that may submit coding (a lead may also override edit errors).</summary>
    public static IReadOnlySet<UserRole> Coding { get; } = new HashSet<UserRole> { UserRole.Coder, UserRole.CodingLead };

    /// <summary>The roles that may raise a documentation query: the coders who code.</summary>
    public static IReadOnlySet<UserRole> RaiseQuery { get; } = Coding;

    /// <summary>Only a physician answers a query (and only their own: the desk checks the NPI).</summary>
    public static IReadOnlySet<UserRole> AnswerQuery { get; } = new HashSet<UserRole> { UserRole.Physician };

    /// <summary>Who may read a chart: the coders (the desk checks the assignment), and the physician who wrote it.</summary>
    public static IReadOnlySet<UserRole> ReadChart { get; } = new HashSet<UserRole> { UserRole.Coder, UserRole.CodingLead, UserRole.Physician };

    /// <summary>Who may load a vendor's coded 837P for a practice: its admin or its own auditor (the claims desk checks the organization).</summary>
    public static IReadOnlySet<UserRole> ImportVendorClaims { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.Auditor };

    /// <summary>Who reads a vendor scorecard: the practice's admin (every vendor), a vendor's admin (its own card only; <c>Scorecard/ScorecardAccess</c>).</summary>
    public static IReadOnlySet<UserRole> ReadScorecard { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin };

    /// <summary>Who records scorecard answers: the practice's admin only (a vendor does not vouch for its own references or price).</summary>
    public static IReadOnlySet<UserRole> AnswerScorecard { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin };
    /// <summary>Who may load a practice's fee schedule: its practice admin (the billing desk checks the organization; docs/BILLING.md).</summary>
    public static IReadOnlySet<UserRole> ManageFees { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin };

    /// <summary>
    /// Who may read a practice's fee schedule: its admin, and the staff of a vendor under a BAA in force
    /// with it who bill for it (the tenant scope decides which practices they reach; docs/TENANCY.md).
    /// </summary>
    public static IReadOnlySet<UserRole> ReadFees { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };

    /// <summary>Who may post a payer's 835 and match its unmatched payments by hand: the practice's admin (the remittance desk checks the organization; docs/REMITTANCE.md).</summary>
    public static IReadOnlySet<UserRole> PostRemittances { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin };

    /// <summary>Who reads a practice's unmatched queue and denial figures: its admin, and a vendor's admin or coding lead under a BAA in force with it (the tenant scope decides).</summary>
    public static IReadOnlySet<UserRole> ReadRemittances { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };

    /// <summary>
    /// Who builds, submits, corrects and voids a practice's claims, and reads them: its admin, and the
    /// admins and coding leads of a vendor under a BAA in force with it who bill for it (the tenant
    /// scope decides which practices, and which of their encounters, they reach; docs/BILLING.md).
    /// </summary>
    public static IReadOnlySet<UserRole> Claims { get; } = new HashSet<UserRole> { UserRole.PracticeAdmin, UserRole.VendorAdmin, UserRole.CodingLead };

    /// <summary>
    /// Whether a role belongs in an organization of that kind: the vendor's staff in a vendor, the
    /// practice's staff in a practice, an auditor in an audit firm or in the practice it audits for.
    /// </summary>
    public static bool Fits(UserRole role, OrganizationKind kind) => role switch
    {
        UserRole.VendorAdmin or UserRole.CodingLead or UserRole.Coder => kind == OrganizationKind.CodingVendor,
        UserRole.PracticeAdmin or UserRole.Physician => kind == OrganizationKind.Practice,
        UserRole.Auditor => kind is OrganizationKind.AuditFirm or OrganizationKind.Practice,
        _ => false,
    };

    /// <summary>
    /// A user has a display name (what pages and reports show, the user name being an identifier):
    /// a spec without one, or with only spaces, is USER-NAME-INVALID.
    /// </summary>
    public static void RequireDisplayName(string userName, string? displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new DomainException(AccountErrors.UserNameInvalid, $"user {userName}: a display name is required");
        }
    }

    /// <summary>The role fits the organization's kind (<see cref="Fits"/>); else USER-ROLE-ORGANIZATION, naming the role, the organization's code and its kind.</summary>
    public static void RequireFits(string userName, UserRole role, Organization organization)
    {
        if (!Fits(role, organization.Kind))
        {
            throw new DomainException(AccountErrors.RoleOrganizationMismatch,
                $"user {userName}: a {role.Name()} cannot belong to {organization.Code}, {KindWithArticle(organization.Kind)}");
        }
    }

    /// <summary>The kind as a message names it, with its article ("an audit firm"); one wording for setup files and user commands.</summary>
    public static string KindWithArticle(OrganizationKind kind) => kind switch
    {
        OrganizationKind.CodingVendor => "a coding vendor",
        OrganizationKind.AuditFirm => "an audit firm",
        _ => "a practice",
    };

    /// <summary>
    /// A user name is what the ledger records as the actor, so it is an identifier, not a person's
    /// name: 3 to 64 of lower-case letters, digits, '.', '-' and '_', starting with a letter.
    /// </summary>
    public static string UserName(string? text)
    {
        if (text is null || text.Length is < 3 or > 64 || !char.IsAsciiLetterLower(text[0])
            || text.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_')))
        {
            throw new DomainException(AccountErrors.UserNameInvalid,
                "a user name is 3 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter");
        }

        return text;
    }

    /// <summary>
    /// The link a role needs, checked for its form: a coder or lead names a coder record (their own
    /// user name unless given), a physician names a valid NPI, every other role names neither. Whether
    /// that coder or physician belongs to the user's organization is for the caller, who holds them.
    /// </summary>
    public static (string? Coder, string? Npi) Link(string userName, UserRole role, string? coderUserName, string? physicianNpi)
    {
        switch (role)
        {
            case UserRole.Coder or UserRole.CodingLead:
                if (physicianNpi is { Length: > 0 })
                {
                    throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: a {role.Name()} links to a coder, not a physician");
                }

                return (coderUserName is { Length: > 0 } c ? c : userName, null);
            case UserRole.Physician:
                if (coderUserName is { Length: > 0 })
                {
                    throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: a physician links to a physician's NPI, not a coder");
                }

                return Codes.Npi.TryParse(physicianNpi, out var npi, out var error)
                    ? (null, npi.ToString())
                    : throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: a physician user names the physician's NPI ({error})");
            default:
                return coderUserName is { Length: > 0 } || physicianNpi is { Length: > 0 }
                    ? throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: a {role.Name()} links to no coder or physician")
                    : (null, null);
        }
    }

    /// <summary>
    /// A user stays in the organization it was added to: a spec naming another organization for an
    /// existing user is USER-CONFLICT, because moving the user would hand their history (the ledger's
    /// actor) to another tenant. Disable it and add a new one. Null <paramref name="currentOrganization"/>: a new user.
    /// </summary>
    public static void RequireNotMoved(string userName, Guid? currentOrganization, Guid organization)
    {
        if (currentOrganization is { } current && current != organization)
        {
            throw new DomainException(AccountErrors.UserConflict, $"user {userName} belongs to another organization; a user is never moved (disable it and add a new one)");
        }
    }

    /// <summary>
    /// A coder or lead links to a coder record of their own vendor: of the coder records named
    /// <paramref name="coderUserName"/> (any vendor's, as <c>(Id, VendorId)</c>), the one at
    /// <paramref name="vendor"/>; another vendor's coder of the same name is refused as USER-LINK-INVALID.
    /// </summary>
    public static Guid CoderOfOwnVendor(string userName, string coderUserName, Organization vendor, IEnumerable<(Guid Id, Guid VendorId)> coders) =>
        coders.Where(c => c.VendorId == vendor.Id).Select(c => (Guid?)c.Id).SingleOrDefault()
        ?? throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: no coder {coderUserName} at {vendor.Code}");

    /// <summary>
    /// A physician user links to an NPI enrolled at their own practice: <paramref name="enrolledAt"/>
    /// are the practices where the NPI is enrolled; one of them must be <paramref name="practice"/>,
    /// else USER-LINK-INVALID (an NPI of another practice gives no access to its charts).
    /// </summary>
    public static string NpiOfOwnPractice(string userName, string npi, Organization practice, IEnumerable<Guid> enrolledAt) =>
        enrolledAt.Contains(practice.Id) ? npi
        : throw new DomainException(AccountErrors.LinkInvalid, $"user {userName}: NPI {npi} is not enrolled at {practice.Code}");

    public static UserRole Role(string? text) =>
        UserRoles.TryParse(text, out var role) ? role
        : throw new DomainException(AccountErrors.RoleUnknown, $"role is not one of: {string.Join(", ", UserRoles.All)}");

    /// <summary>The user holds one of the roles the work needs; else ACCESS-ROLE-REFUSED (the tenant boundary's code), naming the roles (never the work's data).</summary>
    public static void Require(Principal principal, IReadOnlySet<UserRole> roles, string work)
    {
        if (!roles.Contains(principal.Role))
        {
            throw new DomainException(Tenancy.TenancyErrors.RoleRefused,
                $"user {principal.UserName} is a {principal.Role.Name()}; {work} needs {string.Join(" or ", roles.Select(r => r.Name()).Order(StringComparer.Ordinal))}");
        }
    }
}
