using CodeLedger.Core.Common;
using CodeLedger.Core.Encounters;

namespace CodeLedger.Core.Intake;

/// <summary>
/// One version of an encounter's documentation as received. A corrected note from the EHR becomes
/// a new version; earlier ones are kept, because what was coded must stay traceable to what was read.
/// </summary>
public sealed class DocumentationVersion
{
    private DocumentationVersion()
    {
        Text = string.Empty;
        Sha256 = string.Empty;
    }

    public DocumentationVersion(Guid id, Guid encounterId, int version, string text, DateTimeOffset completedAt, DateTimeOffset receivedAt)
    {
        if (version < 1)
        {
            throw new DomainException(EncounterErrors.DocumentationVersion, "documentation versions start at 1");
        }

        Id = id;
        EncounterId = encounterId;
        Version = version;
        Text = Guard.Text(text, "documentation text", 200_000);
        Sha256 = PhiHash.Sha256(Text);
        CompletedAt = Instants.Normalize(completedAt);
        ReceivedAt = Instants.Normalize(receivedAt);
    }

    public Guid Id { get; private set; }

    public Guid EncounterId { get; private set; }

    public int Version { get; private set; }

    /// <summary>The note (PHI).</summary>
    public string Text { get; private set; }

    public string Sha256 { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
