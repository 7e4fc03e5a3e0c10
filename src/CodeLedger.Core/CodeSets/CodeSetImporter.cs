using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Common;

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
        try
        {
            return ImportContent(kind, content, fileName, effective, effectiveThrough);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            // A damaged gzip or zip fails inside .NET's decompressor, possibly halfway through a
            // member: the import is refused like any malformed file, not with a stack trace.
            throw new CodeSetFormatException(fileName, 0, "the gzip or zip archive is damaged or uses an unsupported compression");
        }
    }

    private static CodeSetRelease ImportContent(CodeSetKind kind, byte[] content, string fileName, DateOnly effective, DateOnly? effectiveThrough)
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
            throw new CodeSetFormatException(fileName, 0, $"the archive holds {members.Count} candidate files ({string.Join(", ", members.Take(5).Select(m => Echo.Prefix(m.Name)))}); expected one");
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
                throw new CodeSetFormatException(fileName, 0, $"the zip holds no {kind.Token()} file ({string.Join(", ", zip.Entries.Take(5).Select(e => Echo.Prefix(e.Name)))})");
            }

            return picked.Select(e => (e.Name, (TextReader)new StreamReader(e.Open(), encoding))).ToList();
        }

        Stream stream = new MemoryStream(content);
        var name = fileName;
        if (content.Length >= 2 && content[0] == 0x1f && content[1] == 0x8b)
        {
            stream = new GzipLengthCheck(new GZipStream(stream, CompressionMode.Decompress), content);
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

    /// <summary>
    /// .NET's GZipStream ends quietly when the compressed data stops short, so a truncated download
    /// would import as a shorter release. At the end of the data the length read is compared with
    /// the gzip trailer's ISIZE (RFC 1952: the uncompressed length modulo 2^32, the file's last four
    /// bytes); a difference is a damaged file. CMS ships single-member files, whose ISIZE is the
    /// whole length.
    /// </summary>
    private sealed class GzipLengthCheck(Stream inner, byte[] content) : Stream
    {
        private readonly uint expected = content.Length >= 18 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(content.Length - 4)) : uint.MaxValue;
        private long length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            length += n;
            if (n == 0 && buffer.Length > 0 && unchecked((uint)length) != expected)
            {
                throw new InvalidDataException("gzip data ends before its trailer's length");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
