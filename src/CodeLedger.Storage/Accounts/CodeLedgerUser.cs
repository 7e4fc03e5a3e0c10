using CodeLedger.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace CodeLedger.Storage.Accounts;

/// <summary>
/// A person's account: Identity's user row (name, password hash, lockout, second factor) with the
/// one role they hold in one organization, and the record the role links to. The role is a column,
/// not Identity's role tables: a user has exactly one role, and the tenant boundary decides from
/// the organization and the link, which role tables would not hold (docs/ACCOUNTS.md).
/// </summary>
public sealed class CodeLedgerUser : IdentityUser<Guid>
{
    public Guid OrganizationId { get; set; }

    public UserRole Role { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The coder record of a coder or coding lead.</summary>
    public Guid? CoderId { get; set; }

    /// <summary>The NPI of a physician user, enrolled at their practice.</summary>
    public string? PhysicianNpi { get; set; }

    /// <summary>A disabled user signs in no more and their tokens stop working; the row stays, so history keeps its actor.</summary>
    public bool Disabled { get; set; }

    /// <summary>The last TOTP step accepted, so a code is used once (<see cref="Totp.Verify"/>).</summary>
    public long? SecondFactorLastStep { get; set; }

    public Principal ToPrincipal() => new(UserName!, Role, OrganizationId, CoderId, PhysicianNpi);
}
