using CodeLedger.Storage;
using CodeLedger.Storage.Reports;
using CodeLedger.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CodeLedger.Web.Pages;

/// <summary>
/// The monthly packages the signed-in user may open: a practice admin their practice's, vendor
/// staff (vendor admin, coding lead) those of the practices bound to their vendor by a BAA in force,
/// each with the months that have finalized encounters (<see cref="MonthlyReportLoader.AvailableAsync"/>).
/// Other roles get "not found".
/// </summary>
[Authorize]
public sealed class ReportsIndexModel(CodeLedgerStore store) : PageModel
{
    public IReadOnlyList<ReportPractice> Practices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (WebPrincipal.Of(User) is not { } principal || !MonthlyReportLoader.Readers.Contains(principal.Role))
        {
            return Redirect("/not-found");
        }

        Practices = await new MonthlyReportLoader(store).AvailableAsync(principal, ct);
        return Page();
    }
}
