namespace CodeLedger.Storage.Workflow;

/// <summary>
/// A version of the credential-to-specialty map a vendor set (table credential_map_versions). The
/// newest wins; with none stored, the map shipped in Core applies. Rows are only ever inserted.
/// </summary>
public sealed class CredentialMapVersion
{
    public Guid Id { get; set; }

    public string Json { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset SetAt { get; set; }

    public string SetBy { get; set; } = string.Empty;
}
