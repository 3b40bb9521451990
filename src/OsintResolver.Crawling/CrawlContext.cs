using System.Xml;
using Microsoft.Extensions.Logging;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Crawling.Parsing;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sites;
using OsintResolver.Crawling.Sources;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Store.Crawl;

namespace OsintResolver.Crawling;

/// <summary>A crawler: turns one source into entities. The engine does everything else.</summary>
public interface ICrawler
{
    Task CrawlAsync(CrawlContext context, CancellationToken cancellationToken);
}

/// <summary>Marks the crawler of a source named in a <c>source.yml</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SourceAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// What a crawler works with: its source definition (URLs after overrides), fetching through the
/// engine, and emitting entities with provenance. Bad values and records are reported here
/// (counted, logged, kept in the run's stats), never dropped silently.
/// </summary>
public sealed class CrawlContext
{
    private readonly HttpFetcher _fetcher;
    private readonly RunSink _sink;
    private readonly CrawlerOptions _options;
    private readonly CrawlStateStore _state;

    internal CrawlContext(SourceDefinition source, HttpFetcher fetcher, RunSink sink, CrawlStateStore state, CrawlStats stats,
        CrawlerOptions options, ILogger log, TimeProvider time)
    {
        Source = source;
        _fetcher = fetcher;
        _sink = sink;
        _state = state;
        _options = options;
        Stats = stats;
        Log = log;
        Time = time;
    }

    public SourceDefinition Source { get; }
    public string Dataset => Source.Name;
    public long RunId => _sink.Run.Id;
    public CrawlStats Stats { get; }
    public ILogger Log { get; }
    public TimeProvider Time { get; }
    public SchemaModel Model => SchemaModel.Default;

    /// <summary>The document most recently fetched by <see cref="FetchAsync"/>: the default provenance of <see cref="Emit"/>.</summary>
    public CrawlDocument? CurrentDocument { get; private set; }

    /// <summary>A URL of the source by key, after command-line and environment overrides.</summary>
    public string Url(string key) =>
        Source.Urls.TryGetValue(key, out var url) && !string.IsNullOrWhiteSpace(url)
            ? url
            : throw new InvalidInputException($"source {Source.Name} has no URL '{key}' (it has: {string.Join(", ", Source.Urls.Keys)})");

    public bool HasUrl(string key) => Source.Urls.TryGetValue(key, out var url) && !string.IsNullOrWhiteSpace(url);

    public string? Option(string key) => Source.Options.TryGetValue(key, out var value) ? value : null;

    /// <summary>Fetches through the engine (politeness, retries, cache, archive); throws <see cref="FetchFailedException"/>.</summary>
    public async Task<CrawlDocument> FetchAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new FetchFailedException(url, FetchFailureKind.InvalidUrl, "not an absolute URL");
        }

        var document = await _fetcher.FetchAsync(uri, ct).ConfigureAwait(false);
        CurrentDocument = document;
        return document;
    }

    /// <summary>A new entity of the schema, with a stable id from the dataset and the source's key parts.</summary>
    public Entity Make(string schema, params string?[] keyParts) => new(Model.Get(schema), EntityIds.Make(Dataset, keyParts));

    /// <summary>
    /// Adds a raw value if it is valid; an invalid one is reported (entity, property, value,
    /// reason) and counted, and the rest of the entity is kept. Blank values are skipped.
    /// </summary>
    public bool Add(Entity entity, string prop, string? raw, string? lang = null)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        if (entity.TryAdd(prop, raw, out var error, lang))
        {
            return true;
        }

        Stats.InvalidValue($"{entity.Schema.Name} {entity.Id}: {error}");
        Log.LogDebug("{Entity}: {Error}", entity.Id, error);
        return false;
    }

    /// <summary>Adds each value with <see cref="Add(Entity, string, string?, string?)"/>.</summary>
    public void Add(Entity entity, string prop, IEnumerable<string?> raws, string? lang = null)
    {
        foreach (var raw in raws)
        {
            Add(entity, prop, raw, lang);
        }
    }

    /// <summary>
    /// Stores an entity's values as statements with provenance (the given document, else the
    /// current one). An entity without values, of an abstract schema, or missing a required
    /// property is dropped with its reason.
    /// </summary>
    public void Emit(Entity entity, CrawlDocument? from = null)
    {
        if (Validate(entity) is { } problem)
        {
            Drop(entity.Id, problem);
            return;
        }

        _sink.Emit(entity, (from ?? CurrentDocument)?.Provenance);
    }

    /// <summary>Drops a bad record: logged with its key and reason, and counted.</summary>
    public void Drop(string record, string reason)
    {
        Stats.Drop($"dropped {record}: {reason}");
        Log.LogWarning("dropped {Record}: {Reason}", record, reason);
    }

    public void Warn(string message)
    {
        Stats.Warning(message);
        Log.LogWarning("{Message}", message);
    }

    /// <summary>Reports every field of the record that has a value and was never taken.</summary>
    public void AuditUnused(SourceRecord record)
    {
        foreach (var (path, value) in record.Unused())
        {
            if (Stats.Unused(path))
            {
                var sample = value.Length > 60 ? value[..57] + "..." : value;
                Warn($"unused field {path} (first seen on {record.Key}: \"{sample}\")");
            }
        }
    }

    /// <summary>An XML reader over a document with DTDs prohibited and a size cap.</summary>
    public XmlReader OpenXml(CrawlDocument document) => SafeXml.Open(document.OpenStream(), _options.MaxBodyBytes);

    /// <summary>
    /// Crawls a site from seed URLs through the resumable frontier: pages are fetched concurrently
    /// under the engine's politeness, handed to <paramref name="handler"/> (which emits entities and
    /// follows links), and each page's results are committed with its done mark.
    /// </summary>
    public Task<SiteCrawlResult> CrawlSiteAsync(IEnumerable<string> seeds, Func<PageContext, CancellationToken, Task> handler,
        SiteCrawlOptions? options, CancellationToken ct) =>
        new SiteCrawl(this, _fetcher, _sink, _state, options ?? new SiteCrawlOptions(), _options).RunAsync(seeds, handler, ct);

    internal string? Validate(Entity entity)
    {
        if (entity.Schema.Abstract)
        {
            return $"schema {entity.Schema.Name} is abstract";
        }

        if (entity.ValueCount == 0)
        {
            return "no values";
        }

        foreach (var property in entity.Schema.Properties.Values)
        {
            if (property.Required && !property.Stub && !entity.Has(property.Name))
            {
                return $"{entity.Schema.Name} requires '{property.Name}'";
            }
        }

        return null;
    }
}
