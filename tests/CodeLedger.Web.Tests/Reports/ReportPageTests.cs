using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLedger.Core.Reports.Package;

namespace CodeLedger.Web.Tests.Reports;

/// <summary>
/// The monthly package on the web host (docs/WEB.md, "Monthly packages"): /reports lists what the
/// reader may open, /reports/{practice}/{month} frames the package and links its files, each file
/// is the package's own bytes (the zip checks clean against its manifest, as `report verify` checks
/// a folder), and the tenant boundary holds: another organization's user, a vendor whose BAA has
/// ended, a physician and a coder get the same "not found" as a practice that does not exist.
/// </summary>
public sealed partial class ReportPageTests : IAsyncLifetime
{
    private const string Package = "/reports/FM-NORTH/2026-03";
    private WebWorld world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        world = await WebWorld.CreateAsync();
        var outcome = await world.AddReportingAsync();
        Assert.True(outcome.Finalized, "EHR-2 is finalized");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return world.DisposeAsync();
    }

    private readonly Dictionary<string, HttpClient> clients = [];

    /// <summary>A GET as <paramref name="user"/>, with one token per user (issuing a token is a ledger event, which would rebuild the package).</summary>
    private async Task<HttpResponseMessage> GetAsync(string user, string path)
    {
        if (!clients.TryGetValue(user, out var client))
        {
            client = clients[user] = await world.ApiClientAsync(user);
        }

        return await client.GetAsync(path, Ct);
    }

    private static async Task<byte[]> BytesAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.RequestUri}: {response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private static void AssertNotFound(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/not-found",
            $"{response.RequestMessage?.RequestUri}: expected the one not-found page, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task A_practice_admin_lists_their_practice_with_its_month_and_no_other_practice()
    {
        var page = Encoding.UTF8.GetString(await BytesAsync(await GetAsync("pa-north", "/reports")));

        Assert.Contains($"href=\"{Package}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SOUTH", page, StringComparison.Ordinal);
        Assert.Single(MonthLink().Matches(page));
    }

    [Fact]
    public async Task The_vendor_admin_under_a_baa_in_force_lists_both_practices_and_the_one_with_finalized_work_has_its_month()
    {
        var page = Encoding.UTF8.GetString(await BytesAsync(await GetAsync("acme-admin", "/reports")));

        Assert.Contains("id=\"practice-FM-NORTH\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"practice-SOUTH\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Package}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/reports/SOUTH/", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_package_page_frames_index_html_and_links_every_file_of_the_manifest()
    {
        var page = Encoding.UTF8.GetString(await BytesAsync(await GetAsync("pa-north", Package)));
        var manifest = PackageManifest.Parse(await BytesAsync(await GetAsync("pa-north", Package + "/manifest.json")));

        Assert.Contains($"<iframe id=\"package-frame\"", page, StringComparison.Ordinal);
        Assert.Contains($"src=\"{Package}/index.html\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Package}/package.zip\"", page, StringComparison.Ordinal);
        foreach (var file in manifest.Files)
        {
            Assert.Contains($"href=\"{Package}/{file.Name}\"", page, StringComparison.Ordinal);
            Assert.Contains(file.Sha256, page, StringComparison.Ordinal);
        }

        Assert.Contains(manifest.Files, f => f.Name == "queries.csv");
    }

    [Fact]
    public async Task Index_html_is_served_as_written_under_a_policy_admitting_only_its_own_style_element()
    {
        using var response = await GetAsync("pa-north", Package + "/index.html");
        var bytes = await BytesAsync(response);
        var manifest = PackageManifest.Parse(await BytesAsync(await GetAsync("pa-north", Package + "/manifest.json")));
        var html = Encoding.UTF8.GetString(bytes);
        var style = html[(html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(manifest.Files.Single(f => f.Name == PackageFiles.Index).Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Contains($"style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        foreach (var section in new[] { "executive-summary", "em", "turnaround", "queries", "denials", "audit", "code-sets" })
        {
            Assert.Contains($"<section id=\"{section}\"", html, StringComparison.Ordinal);
        }

        // The rest of the host keeps its strict policy.
        using var other = await GetAsync("pa-north", Package);
        Assert.Contains("style-src 'self';", string.Join(";", other.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("DENY", other.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task The_zip_is_one_package_that_checks_clean_against_its_manifest_and_its_figures_count_the_finalized_encounter()
    {
        var zip = await BytesAsync(await GetAsync("pa-north", Package + "/package.zip"));
        var figures = JsonNode.Parse(await BytesAsync(await GetAsync("pa-north", Package + "/package.json")))!;
        var folder = Path.Combine(world.Folder, "unzipped");
        using (var archive = new ZipArchive(new MemoryStream(zip)))
        {
            archive.ExtractToDirectory(folder);
        }

        var verification = PackageVerifier.CheckFiles(folder);
        Assert.True(verification.FilesIntact, string.Join("\n", verification.FileProblems));

        // The downloads and the zip are the same package: package.json downloaded alone is the zip's.
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder, PackageFiles.Figures), Ct), await BytesAsync(await GetAsync("pa-north", Package + "/package.json")));

        // Independently: one encounter of the month, dr-chen's, an established 99213.
        Assert.Equal(1, figures["encounters"]!.GetValue<int>());
        var chen = figures["emDistribution"]!.AsArray().Single()!;
        Assert.Equal(WebWorld.ChenNpi, chen["npi"]!.GetValue<string>());
        Assert.Equal(1, chen["established"]!["levels"]!.AsArray().Single(l => l!["code"]!.GetValue<string>() == "99213")!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_files_are_those_of_the_page_just_opened_even_after_the_ledger_moves_and_the_page_opened_again_covers_the_new_event()
    {
        var page = Encoding.UTF8.GetString(await BytesAsync(await GetAsync("pa-north", Package)));
        var before = await BytesAsync(await GetAsync("pa-north", Package + "/manifest.json"));
        var listed = PackageManifest.Parse(before).Files.Single(f => f.Name == PackageFiles.Figures).Sha256;
        Assert.Contains(listed, page, StringComparison.Ordinal);

        await world.Accounts.ApplyAsync("setup", new Storage.Accounts.UserSpec("pa-north-2", "North Admin Two", null, "FM-NORTH", "practice-admin"), Ct);
        Assert.Equal(before, await BytesAsync(await GetAsync("pa-north", Package + "/manifest.json")));

        await BytesAsync(await GetAsync("pa-north", Package));
        var after = PackageManifest.Parse(await BytesAsync(await GetAsync("pa-north", Package + "/manifest.json")));
        Assert.True(after.Ledger.Last > PackageManifest.Parse(before).Ledger.Last, $"{after.Ledger} after {PackageManifest.Parse(before).Ledger}");
    }

    [Fact]
    public async Task A_vendor_admin_whose_baa_is_terminated_after_opening_the_page_gets_not_found_for_its_files()
    {
        await BytesAsync(await GetAsync("acme-admin", Package));
        await world.Store.WriteAsync("setup", async (db, ledger) =>
        {
            var north = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organizations, o => o.Code == "FM-NORTH");
            var acme = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Organizations, o => o.Code == "ACME");
            var baa = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.BusinessAssociateAgreements, a => a.PracticeId == north.Id && a.VendorId == acme.Id);
            // Terminated with yesterday its last day, as `setup apply` records a termination.
            var lastDay = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
            baa.Terminate(lastDay);
            ledger.Append(north.Code, new Core.Ledger.Events.BaaTerminated(baa.Id, north.Code, acme.Code, lastDay));
        });

        AssertNotFound(await GetAsync("acme-admin", Package + "/package.zip"));
        AssertNotFound(await GetAsync("acme-admin", Package));
    }

    [Fact]
    public async Task Another_organizations_admin_and_a_vendor_whose_baa_ended_get_the_same_not_found_as_a_practice_that_does_not_exist()
    {
        AssertNotFound(await GetAsync("pa-south", Package));
        AssertNotFound(await GetAsync("pa-south", Package + "/package.json"));
        AssertNotFound(await GetAsync("pa-north", "/reports/NO-SUCH-PRACTICE/2026-03"));
        AssertNotFound(await GetAsync("beta-admin", Package));
        AssertNotFound(await GetAsync("beta-admin", Package + "/package.zip"));

        var beta = Encoding.UTF8.GetString(await BytesAsync(await GetAsync("beta-admin", "/reports")));
        Assert.DoesNotContain("FM-NORTH", beta, StringComparison.Ordinal);
        Assert.Contains("id=\"no-practices\"", beta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_physician_and_a_coder_of_the_practices_work_get_not_found_for_the_list_and_the_package()
    {
        foreach (var user in new[] { "dr-chen", "jdoe" })
        {
            AssertNotFound(await GetAsync(user, "/reports"));
            AssertNotFound(await GetAsync(user, Package));
            AssertNotFound(await GetAsync(user, Package + "/manifest.json"));
        }
    }

    [Fact]
    public async Task A_file_the_package_does_not_hold_and_a_month_that_is_not_a_month_are_not_found()
    {
        AssertNotFound(await GetAsync("pa-north", Package + "/secrets.txt"));
        AssertNotFound(await GetAsync("pa-north", Package + "/..%2Fd.db"));
        AssertNotFound(await GetAsync("pa-north", "/reports/FM-NORTH/2026-13"));
        AssertNotFound(await GetAsync("pa-north", "/reports/FM-NORTH/march"));
    }

    [Fact]
    public async Task Without_sign_in_the_pages_send_to_sign_in_and_say_nothing()
    {
        using var anonymous = world.Client();
        foreach (var path in new[] { "/reports", Package, Package + "/package.zip" })
        {
            using var response = await anonymous.GetAsync(path, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
        }
    }

    [GeneratedRegex("class=\"month\" href=\"/reports/[^\"]+\"")]
    private static partial Regex MonthLink();
}
