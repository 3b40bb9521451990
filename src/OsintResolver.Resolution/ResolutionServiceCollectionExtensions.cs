using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;

namespace OsintResolver.Resolution;

public static class ResolutionServiceCollectionExtensions
{
    /// <summary>
    /// Registers validated <see cref="ResolverOptions"/>, the <see cref="Matcher"/> (the options'
    /// model folder, else the shipped one; loaded once), the <see cref="Resolver"/> and the
    /// <see cref="ReviewQueue"/> with the thresholds of the last resolve run. Needs the store
    /// (<c>AddOsintStore</c>).
    /// </summary>
    public static IServiceCollection AddOsintResolution(this IServiceCollection services, Action<ResolverOptions>? configure = null)
    {
        var builder = services.AddOptions<ResolverOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(sp => Matcher.LoadOrShipped(sp.GetRequiredService<IOptions<ResolverOptions>>().Value.ModelDirectory));
        services.TryAddTransient(sp => new Resolver(sp.GetRequiredService<EntityStore>(), sp.GetRequiredService<Matcher>(),
            sp.GetRequiredService<IOptions<ResolverOptions>>().Value));
        services.TryAddTransient(sp => ReviewQueue.For(sp.GetRequiredService<EntityStore>(), sp.GetRequiredService<Matcher>().Card));
        return services;
    }
}
