using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;

namespace OsintResolver.Resolution.Tests;

public class ResolutionServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOsintResolution_InvalidThreshold_FailsWhenResolved()
    {
        using var dir = new TempDirectory();
        var services = new ServiceCollection();
        services.AddOsintStore(o => o.DataDir = dir.Path);
        services.AddOsintResolution(o => o.AutoMergeThreshold = 1.5);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Resolver>());
    }

    [Fact]
    public void AddOsintResolution_Defaults_GiveTheShippedMatcherAndAQueue()
    {
        using var dir = new TempDirectory();
        var services = new ServiceCollection();
        services.AddOsintStore(o => o.DataDir = dir.Path);
        services.AddOsintResolution();
        using var provider = services.BuildServiceProvider();

        var matcher = provider.GetRequiredService<Matcher>();
        var queue = provider.GetRequiredService<ReviewQueue>();

        Assert.Equal(matcher.Card.AutoMergeThreshold, queue.AutoMergeThreshold);
        Assert.Same(matcher, provider.GetRequiredService<Matcher>());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
