using System.Text.Json;
using OsintResolver.Web.Tests.Support;

namespace OsintResolver.Web.Tests.Apis;

public sealed class EntitiesApiTests(WebHostFixture host) : IClassFixture<WebHostFixture>
{
    [Fact]
    public async Task GetEntity_KnownId_ReturnsFtmShapeWithValuesOfEveryDataset()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/co-hongxiang");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("co-hongxiang", body.GetProperty("id").GetString());
        Assert.Equal("Company", body.GetProperty("schema").GetString());
        Assert.True(body.GetProperty("target").GetBoolean());
        var names = Strings(body.GetProperty("properties").GetProperty("name"));
        Assert.Equal(["Dandong Hongxiang Industrial Development Co., Ltd.", "丹东鸿祥实业发展有限公司"], names.Order(StringComparer.Ordinal));
        Assert.Equal(["cn_registry", "fixture"], Strings(body.GetProperty("datasets")));
    }

    [Fact]
    public async Task GetEntity_Provenance_NamesTheDatasetOfEachValue()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/co-hongxiang");

        var provenance = body.GetProperty("provenance");
        var incorporation = Assert.Single(provenance.GetProperty("incorporationDate").EnumerateArray());
        Assert.Equal("2000-08-23", incorporation.GetProperty("value").GetString());
        Assert.Equal("cn_registry", incorporation.GetProperty("dataset").GetString());
        Assert.True(incorporation.GetProperty("current").GetBoolean());
        var registration = provenance.GetProperty("registrationNumber").EnumerateArray().Select(v => v.GetProperty("dataset").GetString()).Order().ToList();
        Assert.Equal(["cn_registry", "fixture"], registration);
    }

    [Fact]
    public async Task GetEntity_Relationships_ExpandOwnersDirectorsAndSanctionsWithTheOtherEnd()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/co-hongxiang");

        var groups = body.GetProperty("relationships").EnumerateArray().ToDictionary(g => g.GetProperty("label").GetString()!);
        var owner = Assert.Single(groups["Owners"].GetProperty("items").EnumerateArray());
        Assert.Equal("own-ma-hx", owner.GetProperty("entity").GetProperty("id").GetString());
        Assert.Equal("80", owner.GetProperty("entity").GetProperty("properties").GetProperty("percentage")[0].GetString());
        var other = Assert.Single(owner.GetProperty("others").EnumerateArray());
        Assert.Equal("person-ma", other.GetProperty("id").GetString());
        Assert.Equal("Ma Xiaohong", other.GetProperty("caption").GetString());

        Assert.Equal("person-ma", groups["Directors"].GetProperty("items")[0].GetProperty("others")[0].GetProperty("id").GetString());
        var sanction = Assert.Single(groups["Sanctions"].GetProperty("items").EnumerateArray());
        Assert.Equal("NPWMD", sanction.GetProperty("entity").GetProperty("properties").GetProperty("program")[0].GetString());
        Assert.Empty(sanction.GetProperty("others").EnumerateArray());
    }

    [Fact]
    public async Task GetEntity_VesselOwner_ListsTheVesselAsAsset()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/co-shipping");

        var group = body.GetProperty("relationships").EnumerateArray().Single(g => g.GetProperty("property").GetString() == "ownershipOwner");
        var vessel = group.GetProperty("items")[0].GetProperty("others")[0];
        Assert.Equal("vessel-chonma", vessel.GetProperty("id").GetString());
        Assert.Equal("Vessel", vessel.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task GetEntity_AddressReference_IsExpandedWithCaption()
    {
        var (_, body) = await host.GetJsonAsync("/api/entities/co-golden");

        var address = Assert.Single(body.GetProperty("references").GetProperty("addressEntity").EnumerateArray());
        Assert.Equal("addr-dandong", address.GetProperty("id").GetString());
        Assert.Equal("Address", address.GetProperty("schema").GetString());
        Assert.Equal("No. 8 Jiangcheng Street, Dandong, Liaoning", address.GetProperty("caption").GetString());
    }

    [Fact]
    public async Task GetEntity_UnknownId_Returns404ProblemDetailsFromNotFoundException()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/no-such-entity");

        Problem.Assert(response, body, 404, "no-such-entity");
        Assert.Equal("urn:osintresolver:problem:not-found", body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetEntity_MalformedId_Returns400ProblemDetails()
    {
        var (response, body) = await host.GetJsonAsync("/api/entities/not%20an%20id");

        Problem.Assert(response, body, 400, "not an entity id");
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(v => v.GetString()!).ToList();
}

/// <summary>The entity API on resolved data: a member's id answers with the canonical entity.</summary>
public sealed class EntitiesApiResolvedTests(UiHostFixture host) : IClassFixture<UiHostFixture>
{
    [Fact]
    public async Task GetEntity_MemberIdAfterMerge_ReturnsCanonicalEntityWithEveryRecordsValues()
    {
        var (judged, judgement) = await host.PostJsonAsync("/api/review/judgements", new { left_id = "reg-golden", right_id = "co-golden", judgement = "positive" });
        var canonical = judgement.GetProperty("left_canonical").GetString()!;

        var (response, body) = await host.GetJsonAsync("/api/entities/reg-golden");
        var (_, same) = await host.GetJsonAsync("/api/entities/co-golden");

        Assert.Equal(200, (int)judged.StatusCode);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(canonical, body.GetProperty("id").GetString());
        Assert.Equal(canonical, same.GetProperty("id").GetString());
        Assert.Equal(["co-golden", "reg-golden"], body.GetProperty("referents").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        var names = body.GetProperty("provenance").GetProperty("name").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString(), v.GetProperty("entity_id").GetString())).ToList();
        Assert.Contains(("Golden Star Trading LLC", "co-golden"), names);
        Assert.Contains(("Golden Star Trading L.L.C.", "reg-golden"), names);
        // Relationships of a member (the UAE sanction names co-golden) are the merged entity's.
        var sanctions = body.GetProperty("relationships").EnumerateArray().Single(g => g.GetProperty("schema").GetString() == "Sanction");
        var authorities = sanctions.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("entity").GetProperty("properties").GetProperty("authority")[0].GetString()).ToList();
        Assert.Contains("UAE Cabinet", authorities);
    }
}
