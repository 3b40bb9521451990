using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;

namespace OsintResolver.Cli.Commands;

/// <summary>Builds the crawl runner for CLI commands: the crawler catalogue, engine options, logging to stderr.</summary>
internal static class CrawlHost
{
    public static SourceCatalog Catalog => Crawlers.CrawlerCatalog.Load();

    /// <summary>Engine options, with a few environment overrides for mirrors, tests and benchmarks.</summary>
    public static CrawlerOptions Options(bool allowPrivateNetwork)
    {
        var options = new CrawlerOptions { AllowPrivateNetwork = allowPrivateNetwork };
        if (Env("OSINT_CRAWL_USER_AGENT") is { } ua)
        {
            options.UserAgent = ua;
        }

        if (Env("OSINT_CRAWL_CONCURRENCY") is { } c)
        {
            options.Concurrency = int.Parse(c, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Env("OSINT_CRAWL_PER_HOST_CONCURRENCY") is { } h)
        {
            options.PerHostConcurrency = int.Parse(h, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Durations.ParseOrNull(Env("OSINT_CRAWL_PER_HOST_DELAY"), "OSINT_CRAWL_PER_HOST_DELAY") is { } d)
        {
            options.PerHostDelay = d;
        }

        if (Durations.ParseOrNull(Env("OSINT_CRAWL_TIMEOUT"), "OSINT_CRAWL_TIMEOUT") is { } t)
        {
            options.AttemptTimeout = t;
        }

        if (Durations.ParseOrNull(Env("OSINT_CRAWL_RETRY_DELAY"), "OSINT_CRAWL_RETRY_DELAY") is { } r)
        {
            options.RetryBaseDelay = r;
        }

        if (Env("OSINT_CRAWL_MAX_RETRIES") is { } m)
        {
            options.MaxRetries = int.Parse(m, System.Globalization.CultureInfo.InvariantCulture);
        }

        // Validated (naming every bad setting) when the runner is built.
        return options;
    }

    // The browser starts on the first render: sources without render: browser never launch it.
    public static CrawlRunner Runner(CliContext ctx, bool allowPrivateNetwork) =>
        new(ctx.Store, Catalog, Options(allowPrivateNetwork), Loggers(ctx), renderer: Renderer.Value);

    private static readonly Lazy<Crawling.Browser.PlaywrightRenderer> Renderer = new(() => new Crawling.Browser.PlaywrightRenderer(
        Env("OSINT_CHROMIUM") ?? Crawling.Browser.PlaywrightRenderer.DefaultExecutable));

    public static ILoggerFactory Loggers(CliContext ctx) => LoggerFactory.Create(b =>
    {
        b.SetMinimumLevel(ctx.Json ? LogLevel.Error : LogLevel.Warning);
        b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        b.AddFilter("crawl", LogLevel.Warning);
        // Console logging writes to stdout by default; keep stdout for data.
        b.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
