using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Tests.Support;

namespace OsintResolver.Resolution.Tests.Matching;

public class QueryEntityTests
{
    [Fact]
    public void Build_YenteStyleRequest_GivesAnEntityTheMatcherScores()
    {
        var query = QueryEntity.Build("Person", new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = ["Ivan Petrov"],
            ["birthDate"] = ["1970-05-01"],
            ["nationality"] = ["Russia"],
        }, out var errors);

        var result = Matcher.LoadShipped().Score(query, Entities.Person("c", "Иван Петров", "1970-05-01", "ru"));

        Assert.Empty(errors);
        Assert.Equal("ru", query.First("nationality"));
        Assert.True(result.Score > 0.5, result.Explanation);
    }

    [Fact]
    public void Build_InvalidValuesAndUnknownProperties_AreReportedNotDropped()
    {
        var query = QueryEntity.Build("Company", new Dictionary<string, IReadOnlyList<string>>
        {
            ["name"] = ["Acme"],
            ["incorporationDate"] = ["not a date"],
            ["colour"] = ["red"],
        }, out var errors);

        Assert.Equal("Acme", query.First("name"));
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("incorporationDate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("colour", StringComparison.Ordinal));
    }
}
