using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OsintResolver.Index.Canonical;
using OsintResolver.Index.Elasticsearch;
using OsintResolver.Index.LuceneIndex;
using OsintResolver.Index.Matching;

namespace OsintResolver.Index;

public static class IndexServiceCollectionExtensions
{
    /// <summary>
    /// Registers the entity index chosen by <see cref="IndexOptions.Backend"/> (validated at
    /// startup), the canonical entity source (resolved entities from the store) and a match
    /// scorer (the rule-based fallback; the web host replaces it with the ML.NET matcher).
    /// </summary>
    public static IServiceCollection AddOsintIndex(this IServiceCollection services, Action<IndexOptions>? configure = null)
    {
        var builder = services.AddOptions<IndexOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton<ICanonicalEntitySource, ResolvedEntitySource>();
        services.TryAddSingleton<IMatchScorer, TypeAwareMatchScorer>();
        services.TryAddSingleton(sp => EntityIndexFactory.Open(sp.GetRequiredService<IOptions<IndexOptions>>().Value));
        return services;
    }
}

/// <summary>Opens the configured backend.</summary>
public static class EntityIndexFactory
{
    public static IEntityIndex Open(IndexOptions options)
    {
        Model.Errors.OptionsValidation.Validate(options, "index options");

        return options.Backend switch
        {
            IndexBackend.Elasticsearch => new ElasticsearchEntityIndex(options),
            _ => new LuceneEntityIndex(options),
        };
    }
}
