using Microsoft.Playwright;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.BrowserTests.Support;

/// <summary>
/// One headless Debian Chromium for all browser tests, driven by Playwright. Name resolution
/// is mapped away for everything but 127.0.0.1, so a page can reach nothing but the test host.
/// A machine without /usr/bin/chromium skips these tests with the reason (CI installs it).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh context (cookies, storage) and page; skips the test when Chromium is missing.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        Skip.If(Browser is null, $"Chromium not found at {ExecutablePath}: apt-get install chromium (the README's test command does)");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "en-GB" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "chromium";
}

/// <summary>What a page did that it should not: dialogs (alert), console errors, CSP violations.</summary>
public sealed class PageWatch
{
    public List<string> Dialogs { get; } = [];
    public List<string> ConsoleErrors { get; } = [];

    public static PageWatch On(IPage page)
    {
        var watch = new PageWatch();
        page.Dialog += async (_, dialog) =>
        {
            watch.Dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                watch.ConsoleErrors.Add(message.Text);
            }
        };
        return watch;
    }
}

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string name)
    {
        var password = WebHostFixture.Users.Single(u => u.Name == name).Password;
        await page.GotoAsync("/login");
        await page.FillAsync("input[name=name]", name);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("form.stacked button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=who]");
    }
}
