using OsintResolver.Crawling.Sources;

namespace OsintResolver.Crawlers;

/// <summary>The sources of this assembly: every <c>*/source.yml</c> with its <c>[Source]</c> crawler.</summary>
public static class CrawlerCatalog
{
    private static readonly Lazy<SourceCatalog> Catalog = new(() => SourceCatalog.FromAssemblies(typeof(CrawlerCatalog).Assembly));

    public static SourceCatalog Load() => Catalog.Value;
}
