using System.Collections.Concurrent;
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
/// (the code `codeledger report monthly` runs) and kept while they are current, so that the page,
/// its frame and each download are files of one package: a package is signed when built (the
/// signature is randomized) and stamped with its time, so two builds never share a manifest.
/// A package is kept per reader, practice, vendor and month, for the ledger head it was built at
/// and the day (a BAA that ends at midnight ends the reader's access with it); the builder checks
/// the reader's access on every build, and a new ledger event or a new day means a new build.
/// </summary>
public sealed class PackageCache(CodeLedgerStore store)
{
    /// <summary>How many packages are kept; the oldest goes first.</summary>
    public const int Capacity = 32;

    /// <summary>The name of the zip of the whole package.</summary>
    public const string ZipName = "package.zip";

    private readonly ConcurrentDictionary<string, Lazy<Task<ServedPackage>>> packages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    /// <summary>The package; throws the builder's DomainException (ORGANIZATION-UNKNOWN outside the reader's reach).</summary>
    public async Task<ServedPackage> GetAsync(string practice, string month, Principal principal, CancellationToken ct)
    {
        var builder = new MonthlyPackageBuilder(store);
        var (sequence, hash) = await builder.LedgerHeadAsync(ct);
        var day = DateOnly.FromDateTime(store.Time.GetUtcNow().UtcDateTime);
        var key = string.Join('\n', principal.UserName, principal.Role, principal.OrganizationId, practice, month, sequence, hash, day.DayNumber);
        var entry = packages.GetOrAdd(key, k =>
        {
            order.Enqueue(k);
            return new Lazy<Task<ServedPackage>>(async () => ServedPackage.Of(await builder.BuildAsync(practice, null, month, principal,
                Environment.GetEnvironmentVariable(SigningKeys.Variable), CancellationToken.None)));
        });
        while (order.Count > Capacity && order.TryDequeue(out var old))
        {
            packages.TryRemove(old, out _);
        }

        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A refusal or a failed build is not kept: the next request asks again.
            packages.TryRemove(key, out _);
            throw;
        }
    }
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
