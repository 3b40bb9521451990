using Microsoft.Extensions.DependencyInjection.Extensions;
using OsintResolver.Web.Crawls;
using OsintResolver.Web.Graph;
using OsintResolver.Web.Profiles;
using OsintResolver.Web.Reviews;

namespace OsintResolver.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>
    /// The services behind the pages. The seams (<see cref="IEntityClusters"/>,
    /// <see cref="IReviewQueue"/>, <see cref="ICrawlSources"/>) get store-only defaults here; a
    /// host with the resolver and the crawl engine registers its own in the host's configure
    /// callback, which runs later (the last registration wins).
    /// </summary>
    public static IServiceCollection AddOsintWebServices(this IServiceCollection services)
    {
        services.TryAddSingleton<IEntityClusters, ResolvedClusters>();
        services.TryAddSingleton<IReviewQueue, ResolverReviewQueue>();
        services.TryAddSingleton<ICrawlSources, StoreCrawlSources>();
        services.TryAddSingleton<EntityProfileBuilder>();
        services.TryAddSingleton<EntityGraphBuilder>();
        return services;
    }
}
