using System.Text.Json;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class GraphApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    private static List<string> Ids(JsonElement body, string kind) =>
        body.GetProperty("elements").GetProperty(kind).EnumerateArray().Select(e => e.GetProperty("data").GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task GetGraph_OneHop_LinksOwnerAndDirectorThroughTheirRelationshipEntities()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/co-hongxiang/graph");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["co-hongxiang", "person-ma"], Ids(body, "nodes"));
        var edges = body.GetProperty("elements").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("data")).ToList();
        Assert.Contains(edges, e => e.GetProperty("label").GetString() == "owns" && e.GetProperty("source").GetString() == "person-ma"
                                    && e.GetProperty("target").GetString() == "co-hongxiang" && e.GetProperty("via_id").GetString() == "own-ma-hx");
        Assert.Contains(edges, e => e.GetProperty("label").GetString() == "directs" && e.GetProperty("via_schema").GetString() == "Directorship");
        // The sanction is a record on the company, not a node.
        Assert.DoesNotContain("sanc-hx", Ids(body, "nodes"));
        var root = body.GetProperty("elements").GetProperty("nodes")[0].GetProperty("data");
        Assert.True(root.GetProperty("sanctioned").GetBoolean());
        Assert.Equal(0, root.GetProperty("hop").GetInt32());
        Assert.False(body.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task GetGraph_VesselOwner_ReachesVessel()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/vessel-chonma/graph?hops=2");

        Assert.Equal(["vessel-chonma", "co-shipping"], Ids(body, "nodes"));
        Assert.Equal(2, body.GetProperty("hops").GetInt32());
    }

    [Fact]
    public async Task GetGraph_MaxNodesReached_SaysTruncated()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/co-hongxiang/graph?max_nodes=1");

        Assert.Equal(["co-hongxiang"], Ids(body, "nodes"));
        Assert.True(body.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("/api/entities/co-hongxiang/graph?hops=3", "hops must be 1–2")]
    [InlineData("/api/entities/co-hongxiang/graph?max_nodes=0", "max_nodes must be")]
    [InlineData("/api/entities/not%20an%20id/graph", "not an entity id")]
    public async Task GetGraph_BadRequest_Returns400(string path, string detail)
    {
        var (response, body) = await host.GetJsonAsync(path);

        Problem.Assert(response, body, 400, detail);
    }

    [Fact]
    public async Task GetGraph_UnknownEntity_Returns404()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/no-such-entity/graph");

        Problem.Assert(response, body, 404, "no-such-entity");
    }
}

public sealed class GraphApiSanctionTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task GetGraph_NeighbourSanctionedOnlyByARecord_IsMarkedAtTheEdgeOfThePicture()
    {
        // co-golden has no sanction topic; a Sanction entity names it. It is a hop-1 node of co-shipping.
        var (_, body) = await host.GetJsonAsync("/api/entities/co-shipping/graph");

        var nodes = body.GetProperty("elements").GetProperty("nodes").EnumerateArray()
            .ToDictionary(n => n.GetProperty("data").GetProperty("id").GetString()!, n => n.GetProperty("data"));
        Assert.True(nodes["co-golden"].GetProperty("sanctioned").GetBoolean());
        Assert.False(nodes.ContainsKey("reg-sanc-golden"));
    }
}
