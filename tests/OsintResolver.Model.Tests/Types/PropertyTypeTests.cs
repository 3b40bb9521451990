using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;

namespace OsintResolver.Model.Tests.Types;

public class PropertyTypeTests
{
    [Theory]
    [InlineData("1957", "1957")]
    [InlineData("1957-08", "1957-08")]
    [InlineData("1957-08-15", "1957-08-15")]
    [InlineData("2012-02-29", "2012-02-29")]
    [InlineData("2001-03-04T05:06:07Z", "2001-03-04T05:06:07")]
    [InlineData(" 1957-08-15 ", "1957-08-15")]
    public void DateClean_PartialAndFullDates_KeepTheirPrecision(string raw, string expected) =>
        Assert.Equal(expected, PropertyTypes.Date.Clean(raw, "birthDate"));

    [Theory]
    [InlineData("1957-02-30", "day 30")]
    [InlineData("2011-02-29", "day 29")]
    [InlineData("1957-13", "month 13")]
    [InlineData("15/08/1957", "ISO 8601")]
    [InlineData("0099-01-01", "year")]
    public void DateClean_ImpossibleDate_FailsWithReason(string raw, string reason)
    {
        Assert.False(PropertyTypes.Date.TryClean(raw, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DateCompare_PrefixDates_Agree()
    {
        Assert.Equal(1.0, PropertyTypes.Date.Compare("1957", "1957-08-15"));
        Assert.Equal(0.0, PropertyTypes.Date.Compare("1957-09", "1957-08-15"));
    }

    [Theory]
    [InlineData("North Korea", "kp")]
    [InlineData("Korea, North", "kp")]
    [InlineData("DPRK", "kp")]
    [InlineData("PRK", "kp")]
    [InlineData("KP", "kp")]
    [InlineData("Democratic People's Republic of Korea", "kp")]
    [InlineData("Russian Federation", "ru")]
    [InlineData("United Kingdom", "gb")]
    [InlineData("UK", "gb")]
    [InlineData("Côte d'Ivoire", "ci")]
    [InlineData("Kosovo", "xk")]
    [InlineData("USSR", "suhh")]
    [InlineData("ua-cri", "ua-cri")]
    public void CountryClean_NamesAndCodes_MapToAlpha2(string raw, string expected) =>
        Assert.Equal(expected, PropertyTypes.Country.Clean(raw, "country"));

    [Fact]
    public void CountryClean_Unknown_Fails() =>
        Assert.False(PropertyTypes.Country.TryClean("Atlantis", out _, out _));

    [Theory]
    [InlineData("9176187")]
    [InlineData("IMO 9176187")]
    [InlineData("IMO9176187")]
    [InlineData("8660313")]
    public void ImoClean_ValidCheckDigit_IsKeptAsGiven(string raw) => Assert.Equal(raw, PropertyTypes.Imo.Clean(raw, "imoNumber"));

    [Theory]
    [InlineData("9176188", "check digit")]
    [InlineData("IMO 917618", "7 digits")]
    public void ImoClean_BadNumber_FailsWithReason(string raw, string reason)
    {
        var ex = Assert.Throws<InvalidValueException>(() => PropertyTypes.Imo.Clean(raw, "Vessel:imoNumber"));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Vessel:imoNumber", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImoNormalize_WithPrefix_GivesDigits() => Assert.Equal("9176187", PropertyTypes.Imo.Normalize("IMO 9176187"));

    [Theory]
    [InlineData("5493001KJTIIGC8Y1R12", true)]
    [InlineData("549300YX4S1LLSMK2627", true)]
    [InlineData("5493001KJTIIGC8Y1R13", false)]
    [InlineData("5493001KJTIIGC8Y1R1", false)]
    public void LeiClean_Mod97_ValidatesCheckDigits(string raw, bool valid) =>
        Assert.Equal(valid, PropertyTypes.Lei.IsValid(raw));

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("GB82 WEST 1234 5698 7654 33", false)]
    public void IbanClean_Mod97_ValidatesCheckDigits(string raw, bool valid) => Assert.Equal(valid, PropertyTypes.Iban.IsValid(raw));

    [Theory]
    [InlineData("US0378331005", true)]
    [InlineData("US0378331006", false)]
    public void IsinClean_Luhn_ValidatesCheckDigit(string raw, bool valid) => Assert.Equal(valid, PropertyTypes.Isin.IsValid(raw));

    [Theory]
    [InlineData("7707083893", true)]
    [InlineData("7707083894", false)]
    [InlineData("500100732259", true)]
    public void InnClean_Checksum_Validates(string raw, bool valid) => Assert.Equal(valid, PropertyTypes.Inn.IsValid(raw));

    [Theory]
    [InlineData("1027700132195", true)]
    [InlineData("1027700132196", false)]
    public void OgrnClean_Checksum_Validates(string raw, bool valid) => Assert.Equal(valid, PropertyTypes.Ogrn.IsValid(raw));

    [Theory]
    [InlineData("+850 2 381 8111", "+85023818111")]
    [InlineData("00850-2-381-8111", "+85023818111")]
    [InlineData("(02) 9876 5432", "0298765432")]
    public void PhoneClean_Formatting_IsRemoved(string raw, string expected) => Assert.Equal(expected, PropertyTypes.Phone.Clean(raw, "phone"));

    [Fact]
    public void PhoneClean_Letters_Fail() => Assert.False(PropertyTypes.Phone.IsValid("call me"));

    [Theory]
    [InlineData("Info@Example.COM", "Info@example.com")]
    [InlineData("mailto:a@b.kp", "a@b.kp")]
    public void EmailClean_Domain_IsLowerCased(string raw, string expected) => Assert.Equal(expected, PropertyTypes.Email.Clean(raw, "email"));

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@localhost")]
    public void EmailClean_Invalid_Fails(string raw) => Assert.False(PropertyTypes.Email.IsValid(raw));

    [Fact]
    public void UrlClean_Relative_FailsAndAbsoluteIsKept()
    {
        Assert.False(PropertyTypes.Url.IsValid("javascript:alert(1)"));
        Assert.Equal("https://example.org/a?b=c", PropertyTypes.Url.Clean("https://example.org/a?b=c", "url"));
        Assert.Equal("example.org", UrlType.Domain("https://www.example.org/x"));
    }

    [Fact]
    public void NameClean_Whitespace_IsCollapsedAndScriptKept()
    {
        Assert.Equal("丹东鸿祥实业发展有限公司", PropertyTypes.Name.Clean("  丹东鸿祥实业发展有限公司 ", "name"));
        Assert.Equal("KIM Jong Un", PropertyTypes.Name.Clean("KIM \t Jong\nUn", "name"));
        Assert.Equal("Acme", PropertyTypes.Name.Clean("\"Acme\"", "name"));
    }

    [Fact]
    public void NameClean_Punctuation_Fails() => Assert.False(PropertyTypes.Name.IsValid("--"));

    [Fact]
    public void NameClean_TooLong_FailsWithLength()
    {
        Assert.False(PropertyTypes.Name.TryClean(new string('a', 400), out _, out var error));
        Assert.Contains("400", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TextClean_KeepsLineBreaks() => Assert.Equal("a\nb", PropertyTypes.Text.Clean("a\nb", "notes"));

    [Theory]
    [InlineData("sanction")]
    [InlineData("role.pep")]
    public void TopicClean_KnownTopic_IsValid(string raw) => Assert.True(PropertyTypes.Topic.IsValid(raw));

    [Fact]
    public void TopicClean_UnknownTopic_Fails() => Assert.False(PropertyTypes.Topic.IsValid("gossip"));

    [Theory]
    [InlineData("1,234", true)]
    [InlineData("12.5 kg", true)]
    [InlineData("lots", false)]
    public void NumberClean_Numbers_Validate(string raw, bool valid) => Assert.Equal(valid, PropertyTypes.Number.IsValid(raw));

    [Fact]
    public void HsCodeCompare_SharedHeading_Agrees()
    {
        Assert.Equal(1.0, PropertyTypes.HsCode.Compare("8471", "8471.30"));
        Assert.Equal(0.0, PropertyTypes.HsCode.Compare("8471", "8472"));
    }

    [Fact]
    public void Clean_IsIdempotentOnCleanValues()
    {
        var samples = new (PropertyType Type, string Raw)[]
        {
            (PropertyTypes.Date, "1957-08-15T10:00"), (PropertyTypes.Country, "North Korea"), (PropertyTypes.Phone, "+850 2 381 8111"),
            (PropertyTypes.Email, "A@B.COM"), (PropertyTypes.Name, " Kim  Jong Un "), (PropertyTypes.Imo, "IMO 9176187"),
            (PropertyTypes.Gender, "M"), (PropertyTypes.Topic, "Sanction"), (PropertyTypes.MimeType, "Text/HTML; charset=utf-8"),
        };
        foreach (var (type, raw) in samples)
        {
            var once = type.Clean(raw, type.Name);
            Assert.Equal(once, type.Clean(once, type.Name));
        }
    }

    [Fact]
    public void Resolve_ClosedSet_HasEveryIssueType()
    {
        foreach (var name in new[] { "name", "date", "country", "identifier", "phone", "email", "url", "entity", "text", "number" })
        {
            Assert.NotNull(PropertyTypes.Resolve(name, null));
        }

        Assert.Same(PropertyTypes.Imo, PropertyTypes.Resolve("identifier", "imo"));
        Assert.Same(PropertyTypes.Lei, PropertyTypes.Resolve("identifier", "lei"));
        Assert.Null(PropertyTypes.Resolve("identifier", "nope"));
    }
}
