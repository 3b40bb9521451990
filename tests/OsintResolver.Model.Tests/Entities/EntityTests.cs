using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;

namespace OsintResolver.Model.Tests.Entities;

public class EntityTests
{
    [Fact]
    public void Add_ValueNeedingCleaning_KeepsOriginal()
    {
        var e = new Entity("Person", "p1").Add("nationality", "North Korea");
        var value = Assert.Single(e.GetValues("nationality"));
        Assert.Equal("kp", value.Value);
        Assert.Equal("North Korea", value.Original);
    }

    [Fact]
    public void Add_DuplicateValue_IsStoredOnce()
    {
        var e = new Entity("Person", "p1").Add("name", "Kim").Add("name", " Kim ");
        Assert.Single(e.Get("name"));
    }

    [Fact]
    public void Add_UnknownProperty_ThrowsNamingSchemaAndProperty()
    {
        var ex = Assert.Throws<InvalidInputException>(() => new Entity("Vessel", "v1").Add("birthDate", "1990"));
        Assert.Contains("'Vessel' has no property 'birthDate'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryAdd_InvalidValue_ReturnsReasonAndAddsNothing()
    {
        var e = new Entity("Vessel", "v1");
        Assert.False(e.TryAdd("imoNumber", "1234568", out var error));
        Assert.Contains("Vessel:imoNumber", error, StringComparison.Ordinal);
        Assert.Equal(0, e.ValueCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading")]
    public void Constructor_InvalidId_Throws(string id) =>
        Assert.Throws<InvalidValueException>(() => new Entity("Person", id));

    [Fact]
    public void Caption_SeveralNames_PrefersLatinScriptRegardlessOfOrder()
    {
        var a = new Entity("Company", "c1").Add("name", "丹东鸿祥实业发展有限公司").Add("name", "Dandong Hongxiang");
        var b = new Entity("Company", "c1").Add("name", "Dandong Hongxiang").Add("name", "丹东鸿祥实业发展有限公司");
        Assert.Equal("Dandong Hongxiang", a.Caption);
        Assert.Equal(a.Caption, b.Caption);
        Assert.Equal("v1", new Entity("Vessel", "v1").Caption);
    }

    [Fact]
    public void Merge_LegalEntityAndCompany_NarrowsToCompanyAndUnionsValues()
    {
        var a = new Entity("LegalEntity", "a").Add("name", "KOMID");
        a.Datasets.Add("un");
        var b = new Entity("Company", "b").Add("name", "Korea Mining Development Trading Corporation").Add("jurisdiction", "kp");
        b.Datasets.Add("ofac");
        a.Merge(b);
        Assert.Equal("Company", a.Schema.Name);
        Assert.Equal(2, a.Get("name").Count());
        Assert.Equal(["ofac", "un"], a.Datasets);
    }

    [Fact]
    public void Merge_PersonAndVessel_Throws() =>
        Assert.Throws<InvalidInputException>(() =>
            new Entity("Person", "a").Add("name", "X").Merge(new Entity("Vessel", "b").Add("name", "X")));

    [Fact]
    public void MakeId_SameKeys_IsStableAndDatasetPrefixed()
    {
        var a = EntityIds.Make("us_ofac_sdn", "12345");
        Assert.Equal(a, EntityIds.Make("us_ofac_sdn", " 12345 "));
        Assert.StartsWith("us-ofac-sdn-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, EntityIds.Make("us_ofac_sdn", "12346"));
        Assert.NotEqual(EntityIds.Make("d", "a", "bc"), EntityIds.Make("d", "ab", "c"));
        Assert.Equal("un-sc-KPi.033", EntityIds.MakeReadable("un_sc", "KPi.033"));
    }

    [Fact]
    public void StatementMakeId_DiffersByEveryPart()
    {
        var ids = new[]
        {
            Statement.MakeId("d", "e", "p", "v", null), Statement.MakeId("d2", "e", "p", "v", null),
            Statement.MakeId("d", "e2", "p", "v", null), Statement.MakeId("d", "e", "p2", "v", null),
            Statement.MakeId("d", "e", "p", "v2", null), Statement.MakeId("d", "e", "p", "v", "eng"),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(ids[0], Statement.MakeId("d", "e", "p", "v", null));
        Assert.NotEqual(0, Statement.MakeId("d", "e", "p", new string('x', 2000), null));
    }
}
