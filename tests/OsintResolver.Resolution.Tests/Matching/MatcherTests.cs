using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Resolution.Tests.Support;
using OsintResolver.Resolution.Training;

namespace OsintResolver.Resolution.Tests.Matching;

[Collection(TrainedMatcherCollection.Name)]
public class MatcherTests(TrainedMatcher trained)
{
    [Fact]
    public void Train_SmallSyntheticData_SeparatesHeldOutClusters()
    {
        var test = trained.Result.Card.Metrics.Single(m => m.Split == "test" && m.Source == "all");

        Assert.True(trained.Result.TestPairs > 50);
        Assert.True(test.Auc > 0.9, $"AUC {test.Auc}");
        Assert.True(test.BestF1 > 0.8, $"best F1 {test.BestF1}");
        Assert.InRange(trained.Result.Card.AutoMergeThreshold, 0.5, 0.99);
        Assert.True(trained.Result.Card.ReviewThreshold < trained.Result.Card.AutoMergeThreshold);
    }

    [Fact]
    public void Train_SplitsByCluster_NoClusterInTwoSplits()
    {
        var splits = trained.Pairs
            .SelectMany(p => new[] { p.LeftGroup, p.RightGroup })
            .Distinct()
            .GroupBy(g => MatcherTrainer.SplitOf(g, trained.Options));

        var train = splits.Single(s => s.Key == "train").ToHashSet();
        var test = splits.Single(s => s.Key == "test").ToHashSet();
        Assert.Empty(train.Intersect(test));
        Assert.NotEmpty(test);
    }

    private List<float[]> FeaturesOfTrainingPairs(int count) => trained.Pairs.Take(count).Select(p =>
    {
        var f = new float[PairFeatures.Count];
        PairFeatures.Compute(ProfileBuilder.Build(p.Left), ProfileBuilder.Build(p.Right), TokenStatistics.Uniform, f);
        return f;
    }).ToList();

    [Fact]
    public void Probability_FlattenedTrees_EqualMlNetScores()
    {
        var features = FeaturesOfTrainingPairs(200);

        var mlnet = trained.Matcher.MlNetScores(features);

        for (var i = 0; i < features.Count; i++)
        {
            var raw = Math.Log(1 / trained.Matcher.Probability(features[i]) - 1);
            var expected = trained.Result.Card.CalibrationSlope * mlnet[i] + trained.Result.Card.CalibrationOffset;
            Assert.Equal(expected, raw, 3);
        }
    }

    [Fact]
    public void Contributions_FlattenedTrees_EqualMlNetFeatureContributions()
    {
        var features = FeaturesOfTrainingPairs(200);

        var mlnet = trained.Matcher.MlNetContributions(features);
        var fast = trained.Matcher.Contributions(features);

        Assert.Contains(mlnet, row => row.Any(c => Math.Abs(c) > 0.01f));
        for (var i = 0; i < features.Count; i++)
        {
            for (var k = 0; k < PairFeatures.Count; k++)
            {
                Assert.True(Math.Abs(mlnet[i][k] - fast[i][k]) < 1e-3, $"pair {i}, {PairFeatures.Names[k]}: ML.NET {mlnet[i][k]}, fast {fast[i][k]}");
            }
        }
    }

    [Fact]
    public void Score_Duplicate_ScoresAboveNonDuplicateAndExplainsInWords()
    {
        var a = Entities.Person("a", "Sergei Ivanov", "1961-04-12", "ru", "P1234567");
        var same = Entities.Person("b", "Сергей Иванов", "1961-04-12", "ru", "P1234567");
        var other = Entities.Person("c", "Anna Garcia", "1990-01-01", "de");

        var results = trained.Matcher.Score([(a, same), (a, other)]);

        Assert.True(results[0].Score > 0.5, $"duplicate scored {results[0].Score}");
        Assert.True(results[1].Score < 0.5, $"non-duplicate scored {results[1].Score}");
        Assert.True(results[0].Score > results[1].Score);
        Assert.Equal(PairFeatures.Count, results[0].Features.Count);
        Assert.Equal(PairFeatures.Count, results[0].Contributions.Count);
        Assert.Contains("same date (1961-04-12)", results[0].Explanation);
        Assert.Contains("after transliteration", results[0].Explanation + string.Join(";", results[0].Contributions.Select(c => c.Feature)));
        Assert.False(string.IsNullOrWhiteSpace(results[1].Explanation));
    }

    [Fact]
    public void SaveLoad_RoundTrip_ScoresTheSame()
    {
        using var dir = new TempDirectory();
        trained.Result.Save(dir.Path);
        var loaded = Matcher.Load(dir.Path);
        var pair = (Entities.Person("a", "Omar Hassan", "1970"), Entities.Person("b", "Omar Hasan", "1970"));

        Assert.Equal(trained.Matcher.Score(pair.Item1, pair.Item2).Score, loaded.Score(pair.Item1, pair.Item2).Score, 9);
        Assert.Equal(trained.Matcher.Version, loaded.Version);
    }

    [Fact]
    public void Load_MissingFolder_SaysWhatIsMissing()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<NotFoundException>(() => Matcher.Load(dir.Path));

        Assert.Contains("matcher.zip", error.Message);
    }

    [Fact]
    public void LoadShipped_ModelCard_MatchesThisBuildsFeatures()
    {
        var shipped = Matcher.LoadShipped();

        Assert.Equal(PairFeatures.Names, shipped.Card.Features);
        Assert.True(shipped.Card.AutoMergeThreshold > shipped.Card.ReviewThreshold);
        Assert.Contains(shipped.Card.Metrics, m => m.Split == "test");
    }

    [Fact]
    public void LoadShipped_ImoAndTransliteratedName_ExplainedInWords()
    {
        var shipped = Matcher.LoadShipped();
        var a = Entities.Vessel("a", "丹东号", "IMO 9176187", "kp");
        var b = Entities.Vessel("b", "Dan Dong Hao", "9176187", "cn");

        var result = shipped.Score(a, b);

        Assert.True(result.Score > shipped.Card.AutoMergeThreshold, $"scored {result.Score}: {result.Explanation}");
        Assert.Contains("same IMO number", result.Explanation);
    }

    [Fact]
    public void LoadShipped_RenamedVesselWithSameImo_IsAMatch()
    {
        // Sanctioned ships change names and flags, not IMO numbers.
        var shipped = Matcher.LoadShipped();
        var a = Entities.Vessel("a", "Unknown Tanker", "IMO 8660313", "pa");
        var b = Entities.Vessel("b", "CHON MA SAN", "8660313", "kp");

        var result = shipped.Score(a, b);

        Assert.True(result.Score > shipped.Card.AutoMergeThreshold, $"scored {result.Score}: {result.Explanation}");
        Assert.Contains("same IMO number", result.Explanation);
    }

    [Fact]
    public void Score_IdenticalNames_ExplanationNeverSaysTheNamesDiffer()
    {
        // Trees may blame a high similarity through its interaction with other features; the
        // words must still follow the value ("names differ (1.00)" was once said of identical names).
        var shipped = Matcher.LoadShipped();
        var pairs = new[]
        {
            (Entities.Company("a", "丹东鸿祥实业发展有限公司", "cn"), Entities.Company("b", "丹东鸿祥实业发展有限公司", "cn")),
            (Entities.Company("c", "Golden Star Trading LLC", "ae"), Entities.Company("d", "Golden Star Trading LLC", "pa")),
            (Entities.Person("e", "Anna Tester", "1962"), Entities.Person("f", "Anna Tester", "1960-01-12")),
        };

        foreach (var result in shipped.Score(pairs))
        {
            Assert.DoesNotContain("names differ", result.Explanation);
            Assert.DoesNotContain("consonants differ", result.Explanation);
            Assert.DoesNotContain("names sound different", result.Explanation);
        }
    }
}
