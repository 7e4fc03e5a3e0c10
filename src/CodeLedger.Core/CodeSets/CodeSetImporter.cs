using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CodeLedger.Core.CodeSets;

/// <summary>
/// Turns one release file, as its publisher ships it (plain, gzip, or a zip with the release's
/// members), into an immutable <see cref="CodeSetRelease"/>. The SHA-256 is taken over the bytes
/// as given, so the same download is recognised however often it is imported.
/// </summary>
public static class CodeSetImporter
{
    public static CodeSetRelease Import(CodeSetKind kind, string path, DateOnly effective, DateOnly? effectiveThrough = null) =>
        Import(kind, File.ReadAllBytes(path), Path.GetFileName(path), effective, effectiveThrough ?? kind.DefaultEffectiveThrough(effective));

    /// <param name="effectiveThrough">Last day in force; null keeps the release in force until a later one replaces it.</param>
    public static CodeSetRelease Import(CodeSetKind kind, byte[] content, string fileName, DateOnly effective, DateOnly? effectiveThrough)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var members = Members(kind, content, fileName);
        var info = new CodeSetReleaseInfo(kind, effective, effectiveThrough, fileName, sha, 0);
        switch (kind)
        {
            case CodeSetKind.Icd10Cm:
            {
                var (name, reader) = Single(members, fileName);
                var entries = IcdOrderFileReader.Read(reader, name);
                return new IcdRelease(info with { EntryCount = entries.Count }, entries);
            }

            case CodeSetKind.Hcpcs:
            {
                var (name, reader) = Single(members, fileName);
                var entries = HcpcsAnwebReader.Read(reader, name);
                return new HcpcsRelease(info with { EntryCount = entries.Count }, entries);
            }

            case CodeSetKind.Rvu:
            {
                var (name, reader) = Single(members, fileName);
                var entries = RvuFileReader.Read(reader, name);
                return new RvuRelease(info with { EntryCount = entries.Count }, entries);
            }

            case CodeSetKind.Mue:
            {
                var (name, reader) = Single(members, fileName);
                var entries = MueFileReader.Read(reader, name);
                return new MueRelease(info with { EntryCount = entries.Count }, entries);
            }

            case CodeSetKind.Cpt:
            {
                var (name, reader) = Single(members, fileName);
                var entries = CptDescriptorReader.Read(reader, name);
                return new CptRelease(info with { EntryCount = entries.Count }, entries);
            }

            case CodeSetKind.NcciPtp:
            {
                // CMS ships the practitioner PTP table in parts (f1-f4); a zip may hold all of them.
                PtpRows? rows = null;
                foreach (var (name, reader) in members)
                {
                    using (reader)
                    {
                        var part = PtpFileReader.Read(reader, name, effective);
                        if (rows is null)
                        {
                            rows = part;
                        }
                        else
                        {
                            rows.Append(part);
                        }
                    }
                }

                return new PtpRelease(info with { EntryCount = rows!.Count }, rows);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static (string Name, TextReader Reader) Single(List<(string Name, TextReader Reader)> members, string fileName)
    {
        if (members.Count != 1)
        {
            throw new CodeSetFormatException(fileName, 0, $"the archive holds {members.Count} candidate files ({string.Join(", ", members.Select(m => m.Name))}); expected one");
        }

        return members[0];
    }

    private static List<(string Name, TextReader Reader)> Members(CodeSetKind kind, byte[] content, string fileName)
    {
        // CMS files are Windows-1252/Latin-1 text; the CPT CSV is the user's, read as UTF-8.
        var encoding = kind == CodeSetKind.Cpt ? Encoding.UTF8 : Encoding.Latin1;
        if (content.Length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)
        {
            var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var picked = zip.Entries.Where(e => IsMember(kind, e.Name)).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            if (picked.Count == 0)
            {
                throw new CodeSetFormatException(fileName, 0, $"the zip holds no {kind.Token()} file ({string.Join(", ", zip.Entries.Select(e => e.Name))})");
            }

            return picked.Select(e => (e.Name, (TextReader)new StreamReader(e.Open(), encoding))).ToList();
        }

        Stream stream = new MemoryStream(content);
        var name = fileName;
        if (content.Length >= 2 && content[0] == 0x1f && content[1] == 0x8b)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
            name = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        }

        return [(name, new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16))];
    }

    /// <summary>Which zip members carry the release, by CMS's file names.</summary>
    private static bool IsMember(CodeSetKind kind, string name)
    {
        var lower = name.ToLowerInvariant();
        return kind switch
        {
            CodeSetKind.Icd10Cm => lower.Contains("order", StringComparison.Ordinal) && !lower.Contains("addenda", StringComparison.Ordinal) && lower.EndsWith(".txt", StringComparison.Ordinal),
            CodeSetKind.Hcpcs => lower.Contains("anweb", StringComparison.Ordinal) && lower.EndsWith(".txt", StringComparison.Ordinal),
            CodeSetKind.Rvu => lower.StartsWith("pprrvu", StringComparison.Ordinal) && lower.EndsWith(".csv", StringComparison.Ordinal),
            CodeSetKind.NcciPtp => lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".tsv", StringComparison.Ordinal),
            CodeSetKind.Mue or CodeSetKind.Cpt => lower.EndsWith(".csv", StringComparison.Ordinal),
            _ => false,
        };
    }
}
