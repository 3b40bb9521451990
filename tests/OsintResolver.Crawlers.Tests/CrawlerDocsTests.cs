using OsintResolver.Crawling.Sources;

namespace OsintResolver.Crawlers.Tests;

public sealed class CrawlerDocsTests
{
    [Fact]
    public void Markdown_OfTheCatalog_MatchesDocsCrawlersMd()
    {
        var path = RepositoryRoot.Combine("docs", "crawlers.md");
        var expected = SourceDocs.Markdown(CrawlerCatalog.Load().Sources);
        if (Environment.GetEnvironmentVariable("OSINT_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with OSINT_UPDATE_DOCS=1 to write it");
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Contains("## un_sc_consolidated", expected);
        Assert.Contains("## us_ofac_sdn", expected);
    }
}
