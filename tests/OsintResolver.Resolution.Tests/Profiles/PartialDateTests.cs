using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Tests.Profiles;

public class PartialDateTests
{
    [Theory]
    [InlineData("1971-06-24", "1971-06-24", 1.0)]
    [InlineData("1971-06", "1971-06-24", 0.9)]
    [InlineData("1971", "1971-06-24", 0.8)]
    [InlineData("1971-06-04", "1971-04-06", 0.7)]
    [InlineData("1971-06-24", "1971-06-25", 0.6)]
    [InlineData("1971-06-30", "1971-07-01", 0.5)]
    [InlineData("1971-06-24", "1985-02-11", 0.0)]
    [InlineData("1971", "1972", 0.0)]
    public void Similarity_PartialAndNoisyDates_ScoreByAgreement(string a, string b, double expected)
    {
        var similarity = PartialDate.Similarity(PartialDate.Parse(a)!.Value, PartialDate.Parse(b)!.Value);

        Assert.Equal(expected, similarity, 6);
    }

    [Fact]
    public void Parse_Garbage_IsNull()
    {
        Assert.Null(PartialDate.Parse("abc"));
        Assert.Equal(new PartialDate(1999, 0, 0), PartialDate.Parse("1999"));
    }
}
