using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Training;

namespace OsintResolver.Resolution.Tests.Support;

/// <summary>One small matcher trained for real (ML.NET LightGBM) on synthetic people, shared by the tests that need one.</summary>
public sealed class TrainedMatcher
{
    public TrainedMatcher()
    {
        var records = Synthetic.People(400, seed: 7);
        Pairs = PairSampler.Sample(records, seed: 7);
        Options = new TrainingOptions { Iterations = 60, Leaves = 8, MinExamplesPerLeaf = 5, Seed = 7 };
        Result = MatcherTrainer.Train(Pairs, Options, ["synthetic people (tests)"]);
    }

    public List<LabelledPair> Pairs { get; }
    public TrainingOptions Options { get; }
    public TrainingResult Result { get; }
    public Matcher Matcher => Result.Matcher;
}

[CollectionDefinition(Name)]
public sealed class TrainedMatcherCollection : ICollectionFixture<TrainedMatcher>
{
    public const string Name = "trained matcher";
}
