using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;
using OsintResolver.Web.Reviews;

namespace OsintResolver.Web.Tests.Reviews;

public sealed class PairComparisonTests
{
    [Fact]
    public void Build_CompanyAndLegalEntity_ComparesUnderTheNarrowerSchemaAndAlignsAgreeingValues()
    {
        var left = new Entity("Company", "a").Add("name", "Golden Star Trading LLC").Add("jurisdiction", "ae").Add("alias", ["Golden Star", "GST"]);
        var right = new Entity("LegalEntity", "b").Add("name", "Golden Star Trading L.L.C.").Add("country", "ae").Add("alias", ["Red Star", "Golden Star"]);

        var comparison = PairComparison.Build(left, right, SchemaModel.Default);
        var rows = comparison.Rows.ToDictionary(r => r.Property);

        Assert.Equal("Company", comparison.Schema);
        Assert.Equal("name", comparison.Rows[0].Property); // caption first
        Assert.Equal(Agreement.Same, rows["name"].Agreement); // punctuation and case do not matter for names
        Assert.Equal(Agreement.OnlyLeft, rows["jurisdiction"].Agreement);
        Assert.Equal(Agreement.OnlyRight, rows["country"].Agreement);
        Assert.Equal(Agreement.Partial, rows["alias"].Agreement);
        Assert.Equal(["Golden Star", "GST"], rows["alias"].Left.Select(v => v.Value).ToList());
        Assert.Equal([true, false], rows["alias"].Left.Select(v => v.Matched).ToList());
        Assert.Equal("Golden Star", rows["alias"].Right[0].Value); // the agreeing value moves up to align
    }

    [Fact]
    public void Build_DifferentIdentifiers_AreDifferent()
    {
        var left = new Entity("Company", "a").Add("registrationNumber", "12345");
        var right = new Entity("Company", "b").Add("registrationNumber", "99999");

        var row = Assert.Single(PairComparison.Build(left, right, SchemaModel.Default).Rows);

        Assert.Equal(Agreement.Different, row.Agreement);
    }
}
