using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Model.Errors;
using OsintResolver.Store;

namespace OsintResolver.Crawling.Tests.Runs;

public sealed class CrawlRunnerTests
{
    [Fact]
    public void Constructor_InvalidOptions_FailsAtOnceNamingTheSetting()
    {
        using var dir = new TempDirectory();
        var store = EntityStore.Open(dir.Path);

        // Polly refuses breaks under half a second, but only when the first page is fetched.
        var error = Assert.Throws<InvalidInputException>(() => new CrawlRunner(store, new SourceCatalog([], []),
            new CrawlerOptions { BreakerBreakDuration = TimeSpan.FromMilliseconds(100), Concurrency = 0 }));

        Assert.StartsWith("invalid crawler options:", error.Message, StringComparison.Ordinal);
        Assert.Contains("BreakerBreakDuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("Concurrency", error.Message, StringComparison.Ordinal);
    }
}
