using System.Reflection;
using OsintResolver.Crawling.Sites;
using OsintResolver.Model.Errors;

namespace OsintResolver.Crawling.Sources;

/// <summary>
/// The known sources: <c>source.yml</c> files embedded in crawler assemblies (resource names
/// ending in <c>.source.yml</c>) matched with the <see cref="ICrawler"/> classes marked
/// <c>[Source("name")]</c>. A <c>source.yml</c> on disk can also be crawled by path.
/// </summary>
public sealed class SourceCatalog
{
    /// <summary>The built-in crawler that follows links and stores each page's title and links.</summary>
    public const string SiteCrawlerName = "site";

    private readonly Dictionary<string, SourceDefinition> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _crawlers = new(StringComparer.Ordinal);

    public SourceCatalog(IEnumerable<SourceDefinition> sources, IEnumerable<Type> crawlerTypes)
    {
        foreach (var type in crawlerTypes)
        {
            if (type.GetCustomAttribute<SourceAttribute>() is { } attribute)
            {
                if (!typeof(ICrawler).IsAssignableFrom(type))
                {
                    throw new InvalidOperationException($"{type.FullName} is marked [Source] but is not an ICrawler");
                }

                if (!_crawlers.TryAdd(attribute.Name, type))
                {
                    throw new InvalidOperationException($"two crawlers claim source '{attribute.Name}'");
                }
            }
        }

        foreach (var source in sources)
        {
            if (!_sources.TryAdd(source.Name, source))
            {
                throw new InvalidOperationException($"two source definitions are named '{source.Name}'");
            }

            if (source.Crawler != SiteCrawlerName && !_crawlers.ContainsKey(source.Name))
            {
                throw new InvalidOperationException($"source '{source.Name}' ({source.Origin}) has no crawler marked [Source(\"{source.Name}\")]");
            }
        }
    }

    /// <summary>Sources and crawlers embedded in the given assemblies.</summary>
    public static SourceCatalog FromAssemblies(params Assembly[] assemblies)
    {
        var sources = new List<SourceDefinition>();
        var types = new List<Type>();
        foreach (var assembly in assemblies.Distinct())
        {
            foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.EndsWith("source.yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(resource)!;
                using var reader = new StreamReader(stream);
                sources.Add(SourceDefinition.Parse(reader.ReadToEnd(), resource));
            }

            types.AddRange(assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }));
        }

        return new SourceCatalog(sources, types);
    }

    public IReadOnlyList<SourceDefinition> Sources => _sources.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>A source by name, or a <c>source.yml</c> file by path.</summary>
    public SourceDefinition Get(string nameOrPath)
    {
        if (_sources.TryGetValue(nameOrPath, out var source))
        {
            return source;
        }

        if (nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(nameOrPath))
            {
                throw new NotFoundException($"no such source file: {nameOrPath}");
            }

            var loaded = SourceDefinition.Load(nameOrPath);
            if (loaded.Crawler != SiteCrawlerName && !_crawlers.ContainsKey(loaded.Name))
            {
                throw new InvalidInputException($"{nameOrPath}: no crawler for source '{loaded.Name}' (use crawler: {SiteCrawlerName} for the built-in link crawler)");
            }

            return loaded;
        }

        throw new NotFoundException($"unknown source '{nameOrPath}' (known: {string.Join(", ", _sources.Keys.Order(StringComparer.Ordinal))})");
    }

    public ICrawler CreateCrawler(SourceDefinition source) =>
        source.Crawler == SiteCrawlerName
            ? new SiteCrawler()
            : (ICrawler)Activator.CreateInstance(_crawlers[source.Name])!;
}
