namespace CodeLedger.Core.Accounts;

/// <summary>
/// The signed-in person as the tenant boundary sees them: who (the user name the ledger records),
/// in which organization, in which role, and the record their role links to (a coder's record, a
/// physician's NPI). Built from the account store by the web host (cookie or token) and by the CLI
/// (<c>--as</c>); the access policy decides from this alone.
/// </summary>
public sealed record Principal
{
    public Principal(string userName, UserRole role, Guid organizationId, Guid? coderId = null, string? physicianNpi = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (organizationId == Guid.Empty)
        {
            throw new ArgumentException("a principal belongs to an organization", nameof(organizationId));
        }

        if (role is UserRole.Coder or UserRole.CodingLead && coderId is null)
        {
            throw new ArgumentException($"a {role.Name()} is linked to a coder record", nameof(coderId));
        }

        if (role is UserRole.Physician && string.IsNullOrEmpty(physicianNpi))
        {
            throw new ArgumentException("a physician is linked to an NPI", nameof(physicianNpi));
        }

        UserName = userName;
        Role = role;
        OrganizationId = organizationId;
        CoderId = coderId;
        PhysicianNpi = physicianNpi;
    }

    public string UserName { get; }

    public UserRole Role { get; }

    public Guid OrganizationId { get; }

    /// <summary>The coder record of a coder or coding lead.</summary>
    public Guid? CoderId { get; }

    /// <summary>The NPI of a physician user.</summary>
    public string? PhysicianNpi { get; }
}
