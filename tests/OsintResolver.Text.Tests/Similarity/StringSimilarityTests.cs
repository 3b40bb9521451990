using OsintResolver.Text.Similarity;

namespace OsintResolver.Text.Tests.Similarity;

public class StringSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.9611)]
    [InlineData("dwayne", "duane", 0.84)]
    [InlineData("dixon", "dicksonx", 0.8133)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("same", "same", 1.0)]
    public void JaroWinkler_TextbookPairs_GiveTextbookValues(string a, string b, double expected)
    {
        Assert.Equal(expected, StringSimilarity.JaroWinkler(a, b), 3);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("flaw", "lawn", 2)]
    public void Levenshtein_TextbookPairs_GiveEditDistance(string a, string b, int expected)
    {
        Assert.Equal(expected, StringSimilarity.Levenshtein(a, b));
    }

    [Fact]
    public void TokenSet_ReorderedAndInitials_ScoreHigh()
    {
        Assert.Equal(1.0, StringSimilarity.TokenSet(["kim", "jong", "un"], ["un", "kim", "jong"]), 6);
        Assert.True(StringSimilarity.TokenSet(["j", "smith"], ["john", "smith"]) >= 0.85);
        Assert.True(StringSimilarity.TokenSet(["john", "smith"], ["peter", "jones"]) < 0.6);
    }

    [Theory]
    [InlineData("li", "lin", 0.0)]
    [InlineData("kim", "gim", 0.0)]
    [InlineData("kim", "kim", 1.0)]
    [InlineData("wang", "huang", 0.0)]
    [InlineData("j", "john", 0.8)]
    public void TokenSimilarity_ShortWords_CountOnlyWhenEqual(string a, string b, double expected)
    {
        Assert.Equal(expected, StringSimilarity.TokenSimilarity(a, b), 6);
    }

    [Fact]
    public void TokenSet_ExtraToken_CostsLessThanAWrongOne()
    {
        var extra = StringSimilarity.TokenSet(["john", "smith"], ["john", "paul", "smith"]);
        var wrong = StringSimilarity.TokenSet(["john", "smith"], ["john", "jones"]);

        Assert.True(extra > wrong);
    }
}
