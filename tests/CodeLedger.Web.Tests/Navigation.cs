using Microsoft.Playwright;

namespace CodeLedger.Web.Tests;

/// <summary>
/// A click that navigates, and the wait for where it lands. The wait starts before the click and
/// waits for the navigation to commit, not for the load event: begun after a fast redirect, with the
/// URL already matching, Playwright waits for a load state instead of the navigation, and on a loaded
/// CI machine that wait once ran out its two minutes after the page had long arrived (the sign-in
/// step of ReportBrowserTests, 5 December 2026). When the page never arrives, the error says where
/// the browser is and what it shows, so a refused form is told apart from a slow machine.
/// </summary>
internal static class Navigation
{
    public static Task ClickAndArriveAsync(this IPage page, string selector, string urlGlob) =>
        ClickAndArriveAsync(page, selector, urlGlob, page.WaitForURLAsync(urlGlob, Commit));

    public static Task ClickAndArriveAsync(this IPage page, string selector, string description, Func<string, bool> arrived) =>
        ClickAndArriveAsync(page, selector, description, page.WaitForURLAsync(arrived, Commit));

    private static PageWaitForURLOptions Commit => new() { WaitUntil = WaitUntilState.Commit };

    private static async Task ClickAndArriveAsync(IPage page, string selector, string destination, Task arrival)
    {
        await page.ClickAsync(selector);
        try
        {
            await arrival;
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"clicking {selector} did not reach {destination}: the browser is on {page.Url}, showing: {await page.InnerTextAsync("body")}");
        }
    }
}
