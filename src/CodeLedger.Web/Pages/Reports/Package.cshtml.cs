using CodeLedger.Core.Common;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Core.Turnaround;
using CodeLedger.Web.Accounts;
using CodeLedger.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>
/// One practice's monthly package: the package's own index.html in a frame (served as written, by
/// <see cref="ReportFileModel"/>), and a link to each of its files and to a zip of them all. For the
/// practice's admins and its vendor's staff under a BAA in force; anyone else, another
/// organization's user as much as a physician or coder, and a practice that does not exist, gets
/// the same "not found".
/// </summary>
[Authorize]
public sealed class ReportPackageModel(PackageCache packages) : PageModel
{
    public ServedPackage? Served { get; private set; }

    /// <summary>Why no package could be built (a contract question, not an access one), or null.</summary>
    public string? Error { get; private set; }

    public string Practice { get; private set; } = string.Empty;

    public string Month { get; private set; } = string.Empty;

    /// <summary>The package's files as its manifest lists them, with sizes and hashes.</summary>
    public IReadOnlyList<ManifestFile> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string practice, string month, CancellationToken ct)
    {
        (Practice, Month) = (practice, month);
        var (served, error, notFound) = await ReportRequest.LoadAsync(packages, User, practice, month, fresh: true, ct);
        if (notFound)
        {
            return Redirect("/not-found");
        }

        if (error is not null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Served = served;
        Files = PackageManifest.Parse(served!.Package.Files[PackageFiles.Manifest]).Files;
        return Page();
    }
}

/// <summary>
/// A file of a practice's monthly package (index.html, a CSV, package.json, checkpoint.json,
/// manifest.json) or the whole package as package.zip, to the same readers as <see cref="ReportPackageModel"/>.
/// index.html is served inline under a policy that admits only its own style element; the others as downloads.
/// </summary>
[Authorize]
public sealed class ReportFileModel(PackageCache packages) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string practice, string month, string file, CancellationToken ct)
    {
        var (served, _, notFound) = await ReportRequest.LoadAsync(packages, User, practice, month, fresh: false, ct);
        if (notFound || served is null)
        {
            return Redirect("/not-found");
        }

        if (file == PackageCache.ZipName)
        {
            return File(served.Zip, ServedPackage.ContentType(file), $"{served.Package.Practice}-{served.Package.Month}-package.zip");
        }

        if (!served.Package.Files.TryGetValue(file, out var bytes))
        {
            return Redirect("/not-found");
        }

        if (file == PackageFiles.Index)
        {
            HttpContext.Items[Hosting.SecurityHeaders.PackageStyleItemKey] = served.IndexStyleSha256;
            return File(bytes, ServedPackage.ContentType(file));
        }

        return File(bytes, ServedPackage.ContentType(file), file);
    }
}

/// <summary>The two report pages' one way of getting a package for the signed-in user.</summary>
internal static class ReportRequest
{
    /// <returns>The package; or an error to show (a contract question); or not found (no such practice or month, or outside the user's reach).</returns>
    public static async Task<(ServedPackage? Served, string? Error, bool NotFound)> LoadAsync(PackageCache packages, System.Security.Claims.ClaimsPrincipal user, string practice, string month, bool fresh, CancellationToken ct)
    {
        if (WebPrincipal.Of(user) is not { } principal || !Storage.Reports.MonthlyReportLoader.Readers.Contains(principal.Role) || !SlaMonth.TryParse(month, out _))
        {
            return (null, null, true);
        }

        try
        {
            return (await packages.GetAsync(practice, month, principal, fresh, ct), null, false);
        }
        catch (DomainException e) when (e.Error == OrganizationErrors.Unknown)
        {
            return (null, null, true);
        }
        catch (DomainException e)
        {
            return (null, e.Message, false);
        }
    }
}
