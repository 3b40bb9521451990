using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OsintResolver.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>Registers the embedded store with validated <see cref="StoreOptions"/>.</summary>
    public static IServiceCollection AddOsintStore(this IServiceCollection services, Action<StoreOptions>? configure = null)
    {
        var builder = services.AddOptions<StoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EntityStore(
            sp.GetRequiredService<IOptions<StoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
