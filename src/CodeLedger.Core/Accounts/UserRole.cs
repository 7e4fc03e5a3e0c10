namespace CodeLedger.Core.Accounts;

/// <summary>
/// What a signed-in person does, and so what they may reach. Every user holds exactly one role in
/// exactly one organization: the vendor's staff (admin, lead, coder), the practice's staff (admin,
/// physician), or an auditor (of an audit firm, or of the practice itself).
/// </summary>
public enum UserRole
{
    /// <summary>Runs the vendor's operation: its coders, users and settings. Reads PHI of its practices.</summary>
    VendorAdmin,

    /// <summary>A lead coder: takes uncovered work and may override edit errors. Reads PHI.</summary>
    CodingLead,

    /// <summary>A coder, linked to the vendor's coder record. Reads the PHI of the work assigned to them.</summary>
    Coder,

    /// <summary>The practice's revenue-cycle leader: its setup, reports and users.</summary>
    PracticeAdmin,

    /// <summary>A physician of the practice, linked to their NPI: their own encounters and queries.</summary>
    Physician,

    /// <summary>An auditor: only what an audit engagement grants.</summary>
    Auditor,
}

/// <summary>The roles' names as users type them (<c>coding-lead</c>), and which of them read PHI.</summary>
public static class UserRoles
{
    private static readonly (UserRole Role, string Name)[] Names =
    [
        (UserRole.VendorAdmin, "vendor-admin"),
        (UserRole.CodingLead, "coding-lead"),
        (UserRole.Coder, "coder"),
        (UserRole.PracticeAdmin, "practice-admin"),
        (UserRole.Physician, "physician"),
        (UserRole.Auditor, "auditor"),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(this UserRole role) => Names.First(n => n.Role == role).Name;

    public static bool TryParse(string? text, out UserRole role)
    {
        foreach (var (r, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                role = r;
                return true;
            }
        }

        role = default;
        return false;
    }

    /// <summary>
    /// Roles whose work shows them patients' PHI (notes, demographics, query text): these need a
    /// second factor unless the deployment says otherwise. A practice admin reads reports, not charts.
    /// </summary>
    public static bool ReadsPhi(this UserRole role) => role is UserRole.VendorAdmin or UserRole.CodingLead or UserRole.Coder or UserRole.Physician or UserRole.Auditor;
}
