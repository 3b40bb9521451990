using OsintResolver.Model.Schemata;
using OsintResolver.Text.Identifiers;

namespace OsintResolver.Text.Tests.Identifiers;

public class IdentifierKeysTests
{
    private static Property Prop(string schema, string name) => SchemaModel.Default.Get(schema).GetProperty(name)!;

    [Fact]
    public void For_ImoNumber_NormalisesAndChecksTheCheckDigit()
    {
        var valid = IdentifierKeys.For(Prop("Vessel", "imoNumber"), "IMO 9176187");
        var invalid = IdentifierKeys.For(Prop("Vessel", "imoNumber"), "9176188");

        Assert.Equal("imo:9176187", valid!.Value.Key);
        Assert.True(valid.Value.Valid);
        Assert.Equal(IdentifierStrength.Strong, valid.Value.Strength);
        Assert.False(invalid!.Value.Valid);
    }

    [Fact]
    public void For_ImoInAGenericIdField_IsRecognisedAsImo()
    {
        var key = IdentifierKeys.For(Prop("Company", "idNumber"), "IMO 9176187");

        Assert.Equal("imo:9176187", key!.Value.Key);
    }

    [Fact]
    public void For_Lei_ValidatesMod97()
    {
        var key = IdentifierKeys.For(Prop("Company", "leiCode"), "5493001KJTIIGC8Y1R12");

        Assert.Equal("lei", key!.Value.Kind);
        Assert.True(key.Value.Valid);
        Assert.False(IdentifierKeys.For(Prop("Company", "leiCode"), "5493001KJTIIGC8Y1R13")!.Value.Valid);
    }

    [Fact]
    public void For_RegistrationNumber_CarriesTheJurisdictionAndDropsLeadingZeros()
    {
        var withJurisdiction = IdentifierKeys.For(Prop("Company", "registrationNumber"), "01234567", "gb");
        var without = IdentifierKeys.For(Prop("Company", "registrationNumber"), "1234567");

        Assert.Equal("reg-gb:1234567", withJurisdiction!.Value.Key);
        Assert.Equal(IdentifierStrength.Strong, withJurisdiction.Value.Strength);
        Assert.Equal("reg:1234567", without!.Value.Key);
        Assert.Equal(IdentifierStrength.Weak, without.Value.Strength);
    }

    [Fact]
    public void For_ContactPoints_NormaliseToComparableKeys()
    {
        Assert.Equal("phone:850381234", IdentifierKeys.For(Prop("Person", "phone"), "+850 (38) 1234")?.Key ?? IdentifierKeys.For(Prop("Person", "phone"), "+850381234")!.Value.Key);
        Assert.Equal(IdentifierKeys.For(Prop("Person", "phone"), "+44 20 7946 0958")!.Value.Key, IdentifierKeys.For(Prop("Person", "phone"), "020 7946 0958")!.Value.Key);
        Assert.Equal("email:info@example.com", IdentifierKeys.For(Prop("Company", "email"), "INFO@Example.COM")!.Value.Key);
        Assert.Equal("domain:example.com", IdentifierKeys.For(Prop("Company", "website"), "https://www.example.com/about")!.Value.Key);
    }

    [Fact]
    public void For_PassportAndShortValues_AreKeyedOrIgnored()
    {
        Assert.Equal("passport:AB123456", IdentifierKeys.For(Prop("Person", "passportNumber"), "ab 123-456")!.Value.Key);
        Assert.Null(IdentifierKeys.For(Prop("Person", "idNumber"), "12"));
        Assert.Null(IdentifierKeys.For(Prop("Person", "name"), "John"));
    }
}
