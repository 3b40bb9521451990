using OsintResolver.Text.Phonetics;

namespace OsintResolver.Text.Tests.Phonetics;

public class DoubleMetaphoneTests
{
    [Theory]
    [InlineData("Smith", "SM0", "XMT")]
    [InlineData("Schmidt", "XMT", "SMT")]
    [InlineData("Thomas", "TMS", "TMS")]
    [InlineData("Philips", "FLPS", "FLPS")]
    [InlineData("Catherine", "K0RN", "KTRN")]
    [InlineData("Katherine", "K0RN", "KTRN")]
    [InlineData("Jose", "HS", "HS")]
    [InlineData("Knight", "NT", "NT")]
    [InlineData("Wright", "RT", "RT")]
    [InlineData("Caesar", "SSR", "SSR")]
    [InlineData("Michael", "MKL", "MXL")]
    [InlineData("Dumb", "TM", "TM")]
    [InlineData("Aubrey", "APR", "APR")]
    [InlineData("Xavier", "SF", "SFR")]
    [InlineData("Zhang", "JNK", "JNK")]
    public void Encode_KnownWords_GiveThePublishedCodes(string word, string primary, string alternate)
    {
        var (p, a) = DoubleMetaphone.Encode(word);

        Assert.Equal(primary, p);
        Assert.Equal(alternate, a);
    }

    [Fact]
    public void Encode_NoLetters_GivesEmptyCodes()
    {
        Assert.Equal(("", ""), DoubleMetaphone.Encode("1234 -"));
    }
}
