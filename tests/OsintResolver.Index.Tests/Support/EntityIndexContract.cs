using OsintResolver.Index.Querying;
using OsintResolver.Model.Errors;

namespace OsintResolver.Index.Tests.Support;

/// <summary>
/// The behaviour every <see cref="IEntityIndex"/> backend must show, on <see cref="ContractEntities"/>.
/// A backend's test class derives from this and provides an index already rebuilt from them.
/// </summary>
public abstract class EntityIndexContract
{
    protected abstract IEntityIndex Index { get; }

    private async Task<List<string>> Ids(SearchQuery query) =>
        (await Index.SearchAsync(query)).Hits.Select(h => h.Entity.Id).ToList();

    [SkippableFact]
    public async Task Search_RomanisedName_FindsHanScriptEntity()
    {
        var ids = await Ids(new SearchQuery { Text = "Dandong Hongxiang" });

        Assert.Contains("hx-cn", ids);
        Assert.Contains("hx-en", ids);
        Assert.DoesNotContain("co-golden", ids);
    }

    [SkippableFact]
    public async Task Search_HanScriptName_FindsRomanisedEntity()
    {
        var ids = await Ids(new SearchQuery { Text = "丹东鸿祥实业发展有限公司" });

        Assert.Equal("hx-cn", ids[0]);
        Assert.Contains("hx-en", ids);
    }

    [SkippableFact]
    public async Task Search_LatinName_FindsCyrillicEntity()
    {
        var ids = await Ids(new SearchQuery { Text = "Ivan Petrov" });

        Assert.Equal(["person-petrov"], ids);
    }

    [SkippableFact]
    public async Task Search_MisspeltName_StillFindsEntity()
    {
        Assert.Contains("hx-en", await Ids(new SearchQuery { Text = "Dandong Hongxaing" }));
        Assert.Contains("co-shipping", await Ids(new SearchQuery { Text = "Chonmasan Shiping" }));
    }

    [SkippableFact]
    public async Task Search_MisspeltNameWithoutFuzzy_FindsNothing()
    {
        Assert.Empty(await Ids(new SearchQuery { Text = "Chonmasan Shiping", Fuzzy = false }));
    }

    [SkippableFact]
    public async Task Search_Prefix_FindsEntitiesStartingWithIt()
    {
        var ids = await Ids(new SearchQuery { Text = "Chonma*" });

        Assert.Equal(["co-shipping"], ids);
    }

    [SkippableFact]
    public async Task Search_ShortPrefix_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => Index.SearchAsync(new SearchQuery { Text = "go*" }));
        Assert.Contains("at least 3", ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Search_Identifier_FindsByNormalisedForm()
    {
        Assert.Equal(["vessel-chonma"], await Ids(new SearchQuery { Text = "IMO 8660313" }));
        Assert.Equal(["vessel-chonma"], await Ids(new SearchQuery { Text = "8660313" }));
        Assert.Equal(["co-golden"], await Ids(new SearchQuery { Text = "529900t8bm49aursdo55" }));
    }

    [SkippableFact]
    public async Task Search_TopicFilter_CountsFacetsOverAllMatches()
    {
        var results = await Index.SearchAsync(new SearchQuery { Topics = ["sanction"], Limit = 2 });

        Assert.Equal(4, results.Total);
        Assert.Equal(2, results.Hits.Count);
        var schema = results.Facets[Facets.Schema].ToDictionary(f => f.Value, f => f.Count);
        Assert.Equal(new Dictionary<string, long> { ["Company"] = 2, ["Person"] = 1, ["Vessel"] = 1 }, schema);
        Assert.Equal(2, results.Facets[Facets.Datasets].Single(f => f.Value == "un_sc").Count);
        Assert.Equal(2, results.Facets[Facets.Countries].Single(f => f.Value == "cn").Count);
    }

    [SkippableFact]
    public async Task Search_SchemaFilter_IncludesDescendants()
    {
        var ids = await Ids(new SearchQuery { Text = "Ma Xiaohong", Schemata = ["LegalEntity"] });
        Assert.Equal(["person-ma"], ids);

        Assert.Empty(await Ids(new SearchQuery { Text = "Ma Xiaohong", Schemata = ["Company"] }));
    }

    [SkippableFact]
    public async Task Search_CountryAndDatasetFilters_Narrow()
    {
        Assert.Equal(["co-golden"], await Ids(new SearchQuery { Text = "Golden", Countries = ["United Arab Emirates"] }));
        Assert.Equal(["co-golden-gate"], await Ids(new SearchQuery { Text = "Golden Shipping", Datasets = ["gleif"] }));
    }

    [SkippableFact]
    public async Task Search_Pages_AreDisjointAndShareTheTotal()
    {
        var first = await Index.SearchAsync(new SearchQuery { Text = "Golden", Limit = 1, Offset = 0 });
        var second = await Index.SearchAsync(new SearchQuery { Text = "Golden", Limit = 1, Offset = 1 });

        Assert.Equal(2, first.Total);
        Assert.Equal(2, second.Total);
        Assert.NotEqual(first.Hits.Single().Entity.Id, second.Hits.Single().Entity.Id);
    }

    [SkippableFact]
    public async Task Search_EnormousLimitOrDeepPage_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidInputException>(() => Index.SearchAsync(new SearchQuery { Text = "Golden", Limit = 5000 }));
        var deep = await Assert.ThrowsAsync<InvalidInputException>(() => Index.SearchAsync(new SearchQuery { Text = "Golden", Offset = 9_995, Limit = 10 }));
        Assert.Contains("offset + limit", deep.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Search_Highlight_MarksMatchedWordsEscaped()
    {
        var hit = (await Index.SearchAsync(new SearchQuery { Text = "Golden Star" })).Hits[0];

        Assert.Equal("co-golden", hit.Entity.Id);
        Assert.Equal("<em>Golden</em> <em>Star</em> Trading LLC", Assert.Single(hit.Highlights["name"]));
    }

    [SkippableFact]
    public async Task Get_KnownId_ReturnsEntityWithItsValues()
    {
        var entity = await Index.GetAsync("vessel-chonma");

        Assert.NotNull(entity);
        Assert.Equal("Vessel", entity.Schema.Name);
        Assert.Equal(["IMO8660313"], entity.Get("imoNumber"));
        Assert.Null(await Index.GetAsync("no-such-id"));
    }

    [SkippableFact]
    public async Task FindCandidates_HanExample_FindsRomanisedCompanyOnly()
    {
        var example = new Model.Entities.Entity("Company", "query").Add("name", "丹东鸿祥实业发展有限公司");

        var ids = (await Index.FindCandidatesAsync(new MatchQuery { Example = example, Limit = 5 })).Select(h => h.Entity.Id).ToList();

        Assert.Contains("hx-cn", ids);
        Assert.Contains("hx-en", ids);
        Assert.DoesNotContain("person-ma", ids);
    }

    [SkippableFact]
    public async Task FindCandidates_IdentifierOnly_FindsHolder()
    {
        var example = new Model.Entities.Entity("Vessel", "query").Add("name", "Unknown Ship").Add("imoNumber", "8660313");

        var hits = await Index.FindCandidatesAsync(new MatchQuery { Example = example, Limit = 5 });

        Assert.Equal("vessel-chonma", hits[0].Entity.Id);
    }
}
