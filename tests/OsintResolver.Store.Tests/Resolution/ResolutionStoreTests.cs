using OsintResolver.Store.Resolution;
using OsintResolver.Store.Tests.Support;

namespace OsintResolver.Store.Tests.Resolution;

public sealed class ResolutionStoreTests
{
    [Fact]
    public void ClustersOf_MemberOrCanonicalId_ReturnsOnlyTheClustersInvolvedWithAllTheirMembers()
    {
        using var fx = new StoreFixture();
        var resolution = new ResolutionStore(fx.Store);
        resolution.ApplyClusters(["a", "b", "c", "x", "y"],
            new Dictionary<string, string> { ["a"] = "nk-1", ["b"] = "nk-1", ["c"] = "nk-1", ["x"] = "nk-2", ["y"] = "nk-2" });

        var byMember = resolution.ClustersOf(["b", "lone"]);
        var byCanonical = resolution.ClustersOf(["nk-2"]);

        Assert.Equal(new Dictionary<string, string> { ["a"] = "nk-1", ["b"] = "nk-1", ["c"] = "nk-1" }, byMember);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "nk-2", ["y"] = "nk-2" }, byCanonical);
        Assert.Equal(resolution.LoadClusters(), resolution.ClustersOf(["a", "x"]));
    }
}
