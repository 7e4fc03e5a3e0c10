using CodeLedger.Core.Accounts;
using Microsoft.Playwright;

namespace CodeLedger.Web.Tests.Reports;

/// <summary>
/// The monthly package page in headless Chromium, signed in as the practice's admin: from /reports
/// to the month, the package framed with every section and chart, no console error (a content
/// security policy violation is one), and index.html opened on its own alike. Runs when
/// CODELEDGER_TEST_CHROMIUM names the browser; skips, saying why, when it is unset. Screenshots go
/// to the test output's playwright-artifacts/reports folder.
/// </summary>
public sealed class ReportBrowserTests : IAsyncLifetime
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "playwright-artifacts", "reports");
    private static readonly string[] Sections = ["executive-summary", "em", "turnaround", "queries", "denials", "audit", "code-sets"];

    private readonly List<string> consoleErrors = [];
    private WebWorld world = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(BrowserTests.ChromiumVariable);
        if (string.IsNullOrEmpty(chromium))
        {
            Assert.Skip($"{BrowserTests.ChromiumVariable} is not set: set it to a Chromium executable (/usr/bin/chromium; apt-get install chromium) to open the report page in a browser");
        }

        Assert.True(File.Exists(chromium), $"{BrowserTests.ChromiumVariable}={chromium} but there is no such file");
        Directory.CreateDirectory(Artifacts);
        world = await WebWorld.CreateAsync(kestrel: true);
        Assert.True((await world.AddReportingAsync()).Finalized);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (world is not null)
        {
            await world.DisposeAsync();
        }
    }

    private Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    [Fact]
    public async Task The_practice_admin_opens_the_month_from_the_list_and_sees_every_section_and_chart_with_no_console_error()
    {
        var key = await world.EnrolAsync("pa-north");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = world.Address!.ToString() });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);

        await page.GotoAsync("/reports");
        await page.FillAsync("#user-name", "pa-north");
        await page.FillAsync("#password", WebWorld.Password);
        await page.ClickAndArriveAsync("#sign-in", "**/sign-in/code");
        await page.FillAsync("#code", Totp.Code(key, Totp.StepAt(world.Clock.GetUtcNow())));
        await page.ClickAndArriveAsync("#verify", "a page past sign-in", url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync("/reports");
        await page.WaitForSelectorAsync("main");
        await ShotAsync(page, "reports-list");

        // Arrival is the navigation's commit (Navigation says why), and the load event would wait for the
        // framed package too, which a loaded CI machine once took over two minutes to finish; the
        // sections below are waited for one by one.
        await page.ClickAndArriveAsync("a.month[href='/reports/FM-NORTH/2026-03']", "**/reports/FM-NORTH/2026-03");
        var frame = page.FrameLocator("#package-frame");
        foreach (var section in Sections)
        {
            await frame.Locator($"section#{section}").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }

        var charts = await frame.Locator("svg").CountAsync();
        var fileLinks = await page.Locator("a.package-file").CountAsync();
        await ShotAsync(page, "package-page");

        await page.GotoAsync("/reports/FM-NORTH/2026-03/index.html");
        foreach (var section in Sections)
        {
            Assert.Equal(1, await page.Locator($"section#{section}").CountAsync());
        }

        // The package's own stylesheet applied (admitted by its hash): table headers are shaded.
        var header = await page.EvalOnSelectorAsync<string>("thead th", "th => getComputedStyle(th).backgroundColor");
        await ShotAsync(page, "package-index");

        Assert.True(charts > 0, "the framed package has its charts");
        Assert.True(fileLinks > 5, $"{fileLinks} file links");
        Assert.Equal("rgb(232, 238, 244)", header);
        Assert.Empty(consoleErrors);
    }
}
