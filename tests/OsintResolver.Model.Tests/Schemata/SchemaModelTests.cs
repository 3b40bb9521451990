using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Model.Tests.Schemata;

public class SchemaModelTests
{
    private static readonly SchemaModel Model = SchemaModel.Default;

    [Theory]
    [InlineData("Thing")]
    [InlineData("LegalEntity")]
    [InlineData("Organization")]
    [InlineData("Company")]
    [InlineData("Person")]
    [InlineData("Vessel")]
    [InlineData("Address")]
    [InlineData("Ownership")]
    [InlineData("Directorship")]
    [InlineData("Employment")]
    [InlineData("Associate")]
    [InlineData("Family")]
    [InlineData("Sanction")]
    [InlineData("Identification")]
    [InlineData("Article")]
    [InlineData("Mention")]
    [InlineData("Shipment")]
    public void Get_RequiredSchema_IsDeclared(string name) => Assert.Equal(name, Model.Get(name).Name);

    [Fact]
    public void Get_UnknownSchema_ThrowsInvalidInput()
    {
        var ex = Assert.Throws<InvalidInputException>(() => Model.Get("Spaceship"));
        Assert.Contains("Spaceship", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Properties_Company_InheritsFromOrganizationLegalEntityAndThing()
    {
        var company = Model.Get("Company");
        Assert.True(company.IsA("Organization"));
        Assert.True(company.IsA("LegalEntity"));
        Assert.True(company.IsA("Asset"));
        Assert.Same(PropertyTypes.Name, company.Properties["name"].Type);
        Assert.Same(PropertyTypes.Country, company.Properties["jurisdiction"].Type);
        Assert.Same(PropertyTypes.Lei, company.Properties["leiCode"].Type);
        Assert.Equal("Thing", company.Properties["name"].Schema.Name);
    }

    [Fact]
    public void Properties_VesselImoNumber_IsImoType() =>
        Assert.IsType<ImoType>(Model.Get("Vessel").Properties["imoNumber"].Type);

    [Fact]
    public void Edge_Ownership_NamesOwnerAndAsset()
    {
        var edge = Model.Get("Ownership").Edge!;
        Assert.Equal("owner", edge.Source.Name);
        Assert.Equal("asset", edge.Target.Name);
        Assert.True(edge.Directed);
    }

    [Theory]
    [InlineData("Directorship", "director", "organization")]
    [InlineData("Employment", "employee", "employer")]
    [InlineData("Associate", "person", "associate")]
    [InlineData("Family", "person", "relative")]
    [InlineData("Shipment", "shipper", "consignee")]
    [InlineData("UnknownLink", "subject", "object")]
    public void Edge_RelationshipSchema_NamesItsEnds(string schema, string source, string target)
    {
        var edge = Model.Get(schema).Edge!;
        Assert.Equal(source, edge.Source.Name);
        Assert.Equal(target, edge.Target.Name);
    }

    [Fact]
    public void AttachedTo_SanctionAndIdentification_PointAtTheirEntity()
    {
        Assert.Equal("entity", Model.Get("Sanction").AttachedTo!.Name);
        Assert.Equal("holder", Model.Get("Passport").AttachedTo!.Name);
    }

    [Fact]
    public void Reverse_SanctionEntity_AddsStubToEveryThing()
    {
        var stub = Model.Get("Person").Properties["sanctions"];
        Assert.True(stub.Stub);
        Assert.Equal("Sanction", stub.Range!.Name);
        Assert.Same(Model.Get("Sanction").Properties["entity"], stub.Reverse);
    }

    [Fact]
    public void Shipment_DeclaresBillOfLadingFields()
    {
        var shipment = Model.Get("Shipment");
        foreach (var p in new[] { "shipper", "consignee", "notifyParty", "vessel", "portOfLoading", "portOfDischarge", "date", "goodsDescription", "hsCode", "weight", "value" })
        {
            Assert.True(shipment.Properties.ContainsKey(p), p);
        }

        Assert.Equal("Vessel", shipment.Properties["vessel"].Range!.Name);
    }

    [Theory]
    [InlineData("LegalEntity", "Company", "Company")]
    [InlineData("Company", "Organization", "Company")]
    [InlineData("Person", "LegalEntity", "Person")]
    [InlineData("Organization", "Asset", "Company")]
    public void Common_CompatibleSchemata_GivesMostSpecific(string left, string right, string expected) =>
        Assert.Equal(expected, Model.Common(Model.Get(left), Model.Get(right))!.Name);

    [Theory]
    [InlineData("Person", "Company")]
    [InlineData("Person", "Vessel")]
    public void Common_IncompatibleSchemata_IsNull(string left, string right) =>
        Assert.Null(Model.Common(Model.Get(left), Model.Get(right)));

    [Fact]
    public void Load_PropertyWithUnknownType_FailsNamingIt()
    {
        var ex = Assert.Throws<OsintException>(() => SchemaModel.Load([("x.yaml", "X:\n  properties:\n    foo: { type: colour }\n")]));
        Assert.Contains("X:foo", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schemata_EveryConcreteSchemaHasACaptionProperty()
    {
        foreach (var schema in Model.Schemata.Where(s => !s.Abstract))
        {
            Assert.NotEmpty(schema.Caption);
        }
    }
}
