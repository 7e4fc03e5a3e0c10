using CodeLedger.Core.Common;

namespace CodeLedger.Core.Organizations;

public sealed class Organization
{
    private Organization()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    public Organization(Guid id, string code, string name, OrganizationKind kind)
    {
        Id = id;
        Code = Guard.Text(code, "organization code", 40);
        if (!Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new DomainException(OrganizationErrors.Code, $"organization code '{code}' may hold only letters, digits, '-' and '_'");
        }

        Name = Guard.Text(name, "organization name");
        Kind = kind;
    }

    public Guid Id { get; private set; }

    /// <summary>Short handle used on the command line (--practice FM-NORTH).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public OrganizationKind Kind { get; private set; }
}
