using OsintResolver.Model.Errors;
using OsintResolver.Model.Mapping;

namespace OsintResolver.Model.Tests.Mapping;

public class CsvMapperTests
{
    private const string Yaml = """
        invalid_values: drop
        csv: { header: false, columns: [id, name, imo, owner_id, owner_name], null_values: ["-0-"] }
        entities:
          vessel:
            schema: Vessel
            keys: [id]
            properties:
              name: { column: name }
              imoNumber: { column: imo }
              owner: { entity: owner }
          owner:
            schema: Company
            keys: [owner_id]
            properties:
              name: { column: owner_name, split: ";" }
        """;

    [Fact]
    public void Read_RowWithTwoEntities_LinksThemAndSplitsValues()
    {
        var mapper = new CsvMapper(MappingDefinition.Parse(Yaml, "test"), "ships");
        var rows = mapper.Read(new StringReader("1,CHON MA SAN,8660313,77,Korea Chonmyong Shipping;KCS\n")).ToList();

        var row = Assert.Single(rows);
        Assert.Null(row.Error);
        var vessel = row.Entities.Single(e => e.Schema.Name == "Vessel");
        var owner = row.Entities.Single(e => e.Schema.Name == "Company");
        Assert.Equal([owner.Id], vessel.Get("owner"));
        Assert.Equal(["Korea Chonmyong Shipping", "KCS"], owner.Get("name"));
    }

    [Fact]
    public void Read_NullMarkerAndBadValueWithDrop_WarnsAndKeepsRow()
    {
        var mapper = new CsvMapper(MappingDefinition.Parse(Yaml, "test"), "ships");
        var row = Assert.Single(mapper.Read(new StringReader("2,UNNAMED,1234568,-0-,-0-\n")));
        Assert.Null(row.Error);
        var vessel = Assert.Single(row.Entities);
        Assert.False(vessel.Has("imoNumber"));
        Assert.Contains("IMO check digit", Assert.Single(row.Warnings), StringComparison.Ordinal);
        Assert.Contains("line 1", row.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownProperty_FailsNamingIt()
    {
        var yaml = "entities:\n  p:\n    schema: Person\n    keys: [id]\n    properties:\n      tonnage: { column: t }\n";
        var ex = Assert.Throws<InvalidInputException>(() => new CsvMapper(MappingDefinition.Parse(yaml, "m.yml"), "x"));
        Assert.Contains("no property 'tonnage'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MappingUsesMissingColumn_FailsListingTheFileColumns()
    {
        var yaml = "entities:\n  p:\n    schema: Person\n    keys: [rec]\n    properties:\n      name: { column: full_name }\n";
        var mapper = new CsvMapper(MappingDefinition.Parse(yaml, "m.yml"), "x");
        var ex = Assert.Throws<InvalidInputException>(() => mapper.Read(new StringReader("rec,name\n1,A\n")).ToList());
        Assert.Contains("'full_name'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rec, name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowWithoutKeys_IsAnErrorNotADrop()
    {
        var yaml = "entities:\n  p:\n    schema: Person\n    keys: [rec]\n    properties:\n      name: { column: name }\n";
        var mapper = new CsvMapper(MappingDefinition.Parse(yaml, "m.yml"), "x");
        var row = Assert.Single(mapper.Read(new StringReader("rec,name\n,A\n")));
        Assert.Contains("no key values", row.Error!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, row.Line);
    }

    [Fact]
    public void Parse_BadInvalidValuesSetting_Fails() =>
        Assert.Throws<InvalidInputException>(() => MappingDefinition.Parse("invalid_values: ignore\nentities:\n  p: { schema: Person, keys: [a] }\n", "m"));
}
