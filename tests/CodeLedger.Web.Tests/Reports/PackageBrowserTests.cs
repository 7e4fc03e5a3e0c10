using CodeLedger.Core.Ledger.Checkpoints;
using CodeLedger.Core.Reports.Package;
using CodeLedger.Core.Tests.Reports.Package;
using Microsoft.Playwright;

namespace CodeLedger.Web.Tests.Reports;

/// <summary>
/// The package's index.html opened from disk (file://) in headless Chromium, as a practice would
/// open it: no console error, every section and chart there, nothing fetched from a network. Runs
/// when CODELEDGER_TEST_CHROMIUM names the browser; skips, saying why, when it is unset. The
/// screenshots (screen and print media) go to the test output's playwright-artifacts/package folder.
/// </summary>
public sealed class PackageBrowserTests : IAsyncLifetime
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "playwright-artifacts", "package");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "codeledger-package-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(BrowserTests.ChromiumVariable);
        if (string.IsNullOrEmpty(chromium))
        {
            Assert.Skip($"{BrowserTests.ChromiumVariable} is not set: set it to a Chromium executable (/usr/bin/chromium; apt-get install chromium) to open the package in a browser");
        }

        Assert.True(File.Exists(chromium), $"{BrowserTests.ChromiumVariable}={chromium} but there is no such file");
        Directory.CreateDirectory(Artifacts);
        using var key = SigningKey.Generate();
        PackageWriter.Write(SamplePackage.Document(physician: "<script>document.title='owned'</script>Dr. Chen"), SamplePackage.Figures, SamplePackage.Facts(key), _folder);
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
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_package_opens_from_disk_with_every_section_and_chart_no_console_error_and_no_request_beyond_the_file()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions());
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);
        var index = new Uri(Path.Combine(_folder, PackageFiles.Index)).AbsoluteUri;

        await page.GotoAsync(index);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "index.png"), FullPage = true });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, "index-print.png"), FullPage = true });

        var sections = await page.EvalOnSelectorAllAsync<string[]>("main > section", "s => s.map(e => e.id)");
        var document = SamplePackage.Document();
        foreach (var section in document.Sections)
        {
            foreach (var chart in section.Charts)
            {
                var svg = page.Locator($"#{section.Id} svg#{section.Id}-{chart.Id}-chart");
                Assert.Equal(1, await svg.CountAsync());
                var box = await svg.BoundingBoxAsync();
                Assert.True(box is { Width: > 100, Height: > 100 }, $"chart {section.Id}/{chart.Id} is drawn {box?.Width}x{box?.Height}");
            }
        }

        Assert.Equal(SamplePackage.SectionIds, sections);
        Assert.Equal(document.Sections.Sum(s => s.Charts.Count), await page.Locator("svg.chart").CountAsync());
        Assert.NotEqual("owned", await page.TitleAsync());
        Assert.Contains("<script>document.title='owned'</script>Dr. Chen", await page.Locator("#em-distribution-levels").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.Equal([index], requests);
        Assert.True(File.Exists(Path.Combine(Artifacts, "index.png")));
    }
}
