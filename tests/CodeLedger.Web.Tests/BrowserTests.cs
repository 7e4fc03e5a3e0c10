using CodeLedger.Core.Accounts;
using Microsoft.Playwright;

namespace CodeLedger.Web.Tests;

/// <summary>
/// The pages in a real browser: Debian's Chromium driven by Playwright (no browser is downloaded),
/// against the host on a loopback port. Runs when CODELEDGER_TEST_CHROMIUM names the browser
/// (<c>.ci/run</c> sets /usr/bin/chromium); skips, saying why, when it is unset; fails when it is
/// set and the file is missing. Screenshots go to the test output's playwright-artifacts folder.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    public const string ChromiumVariable = "CODELEDGER_TEST_CHROMIUM";

    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "playwright-artifacts");

    private readonly List<string> consoleErrors = [];
    private WebWorld world = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (string.IsNullOrEmpty(chromium))
        {
            Assert.Skip($"{ChromiumVariable} is not set: set it to a Chromium executable (/usr/bin/chromium; apt-get install chromium) to run the browser tests");
        }

        Assert.True(File.Exists(chromium), $"{ChromiumVariable}={chromium} but there is no such file");
        Directory.CreateDirectory(Artifacts);
        world = await WebWorld.CreateAsync(kestrel: true);
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

    private async Task<IPage> PageAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = world.Address!.ToString() });

        // Playwright's 30 s default was exceeded twice in CI while a navigation waited for its load
        // event on a machine at load 30-40 (two shared vCPUs, a whole suite beside it): the page was
        // slow, not wrong. A generous wait keeps the test about what the page does.
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
        return page;
    }

    private Task ShotAsync(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    private async Task SignInAsync(IPage page, string userName, byte[] key)
    {
        await page.GotoAsync("/queries");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", WebWorld.Password);
        await page.ClickAndArriveAsync("#sign-in", "**/sign-in/code");
        await page.FillAsync("#code", Totp.Code(key, Totp.StepAt(world.Clock.GetUtcNow())));
        await ShotAsync(page, $"{userName}-code");

        try
        {
            await page.ClickAndArriveAsync("#verify", "**/queries");
        }
        catch (InvalidOperationException)
        {
            await ShotAsync(page, $"{userName}-code-refused");
            throw;
        }

        await page.WaitForSelectorAsync("main");
    }

    [Fact]
    public async Task A_physician_signs_in_with_totp_answers_a_query_and_sees_it_answered()
    {
        var key = await world.EnrolAsync("dr-chen");
        var page = await PageAsync();

        await SignInAsync(page, "dr-chen", key);
        await ShotAsync(page, "inbox-open");
        await page.ClickAndArriveAsync($"a[href='/queries/{world.Query}']", $"**/queries/{world.Query}");
        Assert.Equal("Which knee was examined?", await page.TextContentAsync("#question"));
        await page.FillAsync("#answer", "left knee");
        await page.ClickAsync("#submit-answer");
        await page.WaitForSelectorAsync("#answer-given");
        await ShotAsync(page, "query-answered");
        var status = await page.TextContentAsync("#status");
        await page.GotoAsync("/queries");
        var closed = await page.TextContentAsync("#closed-queries");
        await ShotAsync(page, "inbox-answered");

        Assert.Equal("answered", status);
        Assert.Contains("answered", closed, StringComparison.Ordinal);
        Assert.Equal("answered", (await new Storage.Workflow.QueryDesk(world.Store).ListByIdAsync(world.Query, TestContext.Current.CancellationToken)).Status);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_physician_of_another_practice_opening_the_querys_url_sees_not_found()
    {
        var key = await world.EnrolAsync("dr-south");
        var page = await PageAsync();

        await SignInAsync(page, "dr-south", key);
        var response = await page.GotoAsync($"/queries/{world.Query}");
        await ShotAsync(page, "other-practice-not-found");
        var body = await page.TextContentAsync("main");

        Assert.Equal(404, response!.Status);
        Assert.Contains("Not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Which knee", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("open", (await new Storage.Workflow.QueryDesk(world.Store).ListByIdAsync(world.Query, TestContext.Current.CancellationToken)).Status);
        Assert.All(consoleErrors, e => Assert.Contains("404", e, StringComparison.Ordinal));
    }
}
