using Microsoft.Playwright;

namespace CustomerService.EndToEnd.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled Node driver. Nothing is downloaded: the browser is
/// /usr/bin/chromium (override with <c>CHROMIUM_PATH</c>), never a Playwright-managed build.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Chromium is not at {path}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.", path);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
        return new Chromium(playwright, browser);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
