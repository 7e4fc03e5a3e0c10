using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Storage;
using CodeLedger.Storage.Protection;
using CodeLedger.Storage.Reports;

namespace CodeLedger.Web.Reports;

/// <summary>
/// The monthly packages the /reports pages serve, built on request by <see cref="MonthlyPackageBuilder"/>
/// (the code `codeledger report monthly` runs). A package is signed when built (the signature is
/// randomized) and stamped with its time, so two builds never share a manifest: the page a reader
/// opens builds the package afresh when the ledger has moved since their last one, and the files it
/// links (the framed index.html, each CSV, the zip) are served from that same build, so what they
/// download is the package whose hashes the page listed. Kept per reader, practice and month, for
/// the day (a BAA that ends at midnight ends the reader's access with it). Access is checked on every
/// build and again whenever a file is served after the ledger moved (an ended BAA, a removed role).
/// </summary>
public sealed class PackageCache(CodeLedgerStore store)
{
    /// <summary>How many readers' packages are kept; the oldest goes first.</summary>
    public const int Capacity = 32;

    /// <summary>The name of the zip of the whole package.</summary>
    public const string ZipName = "package.zip";

    private readonly ConcurrentDictionary<string, Entry> latest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>The reader's package; throws the builder's DomainException (ORGANIZATION-UNKNOWN outside the reader's reach).</summary>
    /// <param name="fresh">The package page: build again when the ledger has moved. False for its files: the reader's last build, if of today.</param>
    public async Task<ServedPackage> GetAsync(string practice, string month, Principal principal, bool fresh, CancellationToken ct)
    {
        var builder = new MonthlyPackageBuilder(store);
        var (sequence, hash) = await builder.LedgerHeadAsync(ct);
        var head = string.Create(CultureInfo.InvariantCulture, $"{sequence}:{hash}");
        var day = DateOnly.FromDateTime(store.Time.GetUtcNow().UtcDateTime).DayNumber;
        var key = string.Join('\n', principal.UserName, principal.Role, principal.OrganizationId, practice, month);
        if (latest.TryGetValue(key, out var kept) && kept.Day == day && (kept.Head == head || !fresh))
        {
            if (kept.Head != head)
            {
                await new MonthlyReportLoader(store).AuthorizeAsync(practice, null, month, principal, ct);
            }

            return await ValueAsync(key, kept, ct);
        }

        var entry = new Entry(head, day, new Lazy<Task<ServedPackage>>(async () => ServedPackage.Of(await builder.BuildAsync(practice, null, month, principal,
            Environment.GetEnvironmentVariable(SigningKeys.Variable), CancellationToken.None))));
        entry = latest.AddOrUpdate(key, entry, (_, old) => old.Day == day && old.Head == head ? old : entry);
        order.Enqueue(key);
        while (order.Count > Capacity && order.TryDequeue(out var old))
        {
            if (old != key)
            {
                latest.TryRemove(old, out _);
            }
        }

        return await ValueAsync(key, entry, ct);
    }

    private async Task<ServedPackage> ValueAsync(string key, Entry entry, CancellationToken ct)
    {
        try
        {
            return await entry.Build.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A refusal or a failed build is not kept: the next request asks again.
            latest.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private sealed record Entry(string Head, int Day, Lazy<Task<ServedPackage>> Build);
}

/// <summary>A built package as the host serves it: the files, the zip of them, and the hash its index.html's style element is admitted by.</summary>
public sealed record ServedPackage(BuiltPackage Package, byte[] Zip, string IndexStyleSha256)
{
    public static ServedPackage Of(BuiltPackage package)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in package.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var item = zip.CreateEntry(name, CompressionLevel.Optimal);
                item.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var stream = item.Open();
                stream.Write(bytes);
            }
        }

        return new ServedPackage(package, buffer.ToArray(), StyleHash(package.Files[PackageFiles.Index]));
    }

    /// <summary>The content type a file of the package is served with.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".json" => "application/json",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>SHA-256 (base64) of the text between the page's first &lt;style&gt; and &lt;/style&gt;, as CSP hashes it.</summary>
    private static string StyleHash(byte[] index)
    {
        var html = Encoding.UTF8.GetString(index);
        var start = html.IndexOf("<style>", StringComparison.Ordinal);
        var end = html.IndexOf("</style>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return Convert.ToBase64String(SHA256.HashData([]));
        }

        start += "<style>".Length;
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(html[start..end])));
    }
}
