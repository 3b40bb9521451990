using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.LightGbm;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Evaluation;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Training;

/// <summary>How the matcher is trained and its thresholds chosen.</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Share of clusters held out for the test metrics.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of clusters held out to fit the calibration and choose thresholds.</summary>
    public double CalibrationFraction { get; init; } = 0.15;

    public int Iterations { get; init; } = 300;
    public int Leaves { get; init; } = 24;
    public int MinExamplesPerLeaf { get; init; } = 20;
    public double LearningRate { get; init; } = 0.05;

    /// <summary>The review threshold is the highest at which the calibration split keeps this recall.</summary>
    public double ReviewRecall { get; init; } = 0.995;
}

/// <summary>A trained matcher with its card (metrics per split and source).</summary>
public sealed record TrainingResult(Matcher Matcher, MatcherCard Card, int TrainPairs, int CalibrationPairs, int TestPairs, int DroppedPairs)
{
    internal Microsoft.ML.DataViewSchema? InputSchema { get; init; }

    public void Save(string directory) => Matcher.Save(directory, InputSchema!);
}

/// <summary>
/// Trains the matcher: features for labelled pairs, a split by cluster (train / calibration /
/// test), LightGBM on the train split, Platt calibration and threshold choice on the
/// calibration split, metrics on the test split.
/// </summary>
public static class MatcherTrainer
{
    public static TrainingResult Train(IReadOnlyList<LabelledPair> pairs, TrainingOptions options, IEnumerable<string> sources, string? command = null,
        Action<string>? log = null)
    {
        if (pairs.Count(p => p.Match) < 5 || pairs.Count(p => !p.Match) < 5)
        {
            throw new InvalidInputException($"training needs at least 5 positive and 5 negative pairs (got {pairs.Count(p => p.Match)} and {pairs.Count(p => !p.Match)})");
        }

        log?.Invoke($"profiling {pairs.Count:N0} pairs");
        var profiles = new Dictionary<Entity, EntityProfile>(ReferenceEqualityComparer.Instance);
        foreach (var p in pairs)
        {
            profiles.TryAdd(p.Left, null!);
            profiles.TryAdd(p.Right, null!);
        }

        var entities = profiles.Keys.ToList();
        var built = new EntityProfile[entities.Count];
        Parallel.For(0, entities.Count, i => built[i] = ProfileBuilder.Build(entities[i]));
        for (var i = 0; i < entities.Count; i++)
        {
            profiles[entities[i]] = built[i];
        }

        var stats = new TokenStatistics();
        foreach (var p in built)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        stats.Freeze();

        var features = new float[pairs.Count][];
        Parallel.For(0, pairs.Count, i =>
        {
            features[i] = new float[PairFeatures.Count];
            PairFeatures.Compute(profiles[pairs[i].Left], profiles[pairs[i].Right], stats, features[i]);
        });

        var split = new string?[pairs.Count];
        var dropped = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            var a = Split(pairs[i].LeftGroup, options);
            var b = Split(pairs[i].RightGroup, options);
            split[i] = a == b ? a : null;
            dropped += a == b ? 0 : 1;
        }

        List<int> Of(string name) => Enumerable.Range(0, pairs.Count).Where(i => split[i] == name).ToList();
        var train = Of("train");
        var calibration = Of("calibration");
        var test = Of("test");
        log?.Invoke($"split by cluster: {train.Count:N0} train, {calibration.Count:N0} calibration, {test.Count:N0} test pairs ({dropped:N0} straddling splits dropped)");

        var ml = new MLContext(seed: options.Seed);
        var trainRows = train.Select(i => new PairRow { Label = pairs[i].Match, Features = features[i] }).ToList();
        var trainData = ml.Data.LoadFromEnumerable(trainRows);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            Seed = options.Seed,
            NumberOfThreads = Math.Max(1, Environment.ProcessorCount),
            Verbose = false,
            Silent = true,
        });
        log?.Invoke("training LightGBM");
        var model = trainer.Fit(trainData);

        // Platt scaling on clusters the trees never saw, so probabilities mean what they say.
        var calibrationRows = (calibration.Count > 0 ? calibration : train).Select(i => new PairRow { Label = pairs[i].Match, Features = features[i] }).ToList();
        var calibrated = ml.BinaryClassification.Calibrators.Platt().Fit(model.Transform(ml.Data.LoadFromEnumerable(calibrationRows)));
        var platt = ((ISingleFeaturePredictionTransformer<PlattCalibrator>)calibrated).Model;

        var provisional = new MatcherCard
        {
            Version = "provisional",
            Features = PairFeatures.Names,
            CalibrationSlope = platt.Slope,
            CalibrationOffset = platt.Offset,
        };
        var matcher = new Matcher(ml, model, provisional);
        double Prob(int i) => matcher.Probability(features[i]);

        var calibrationScored = (calibration.Count > 0 ? calibration : train).Select(i => (Prob(i), pairs[i].Match)).ToList();
        var (auto, review, rationale) = ChooseThresholds(calibrationScored, options);

        var metrics = new List<SplitMetrics>();
        foreach (var (name, indexes) in new[] { ("calibration", calibration), ("test", test) })
        {
            foreach (var group in indexes.GroupBy(i => pairs[i].Source).Select(g => (g.Key, g.ToList())).Prepend(("all", indexes)))
            {
                if (group.Item2.Count == 0)
                {
                    continue;
                }

                var scored = group.Item2.Select(i => (Prob(i), pairs[i].Match)).ToList();
                var m = Metrics.Pairs(scored, auto);
                metrics.Add(new SplitMetrics(name, group.Item1, m.Pairs > int.MaxValue ? int.MaxValue : (int)m.Pairs, (int)m.Positives, auto,
                    Round(m.AtThreshold.Precision), Round(m.AtThreshold.Recall), Round(m.AtThreshold.F1), Round(m.BestF1), Round(m.BestThreshold), Round(m.Auc)));
            }
        }

        var card = provisional with
        {
            Version = Version(features, options),
            CreatedAt = DateTimeOffset.UtcNow,
            AutoMergeThreshold = auto,
            ReviewThreshold = review,
            ThresholdRationale = rationale,
            Command = command,
            Sources = sources.ToList(),
            Parameters = new Dictionary<string, double>
            {
                ["seed"] = options.Seed,
                ["iterations"] = options.Iterations,
                ["leaves"] = options.Leaves,
                ["min_examples_per_leaf"] = options.MinExamplesPerLeaf,
                ["learning_rate"] = options.LearningRate,
                ["test_fraction"] = options.TestFraction,
                ["calibration_fraction"] = options.CalibrationFraction,
                ["train_pairs"] = train.Count,
                ["calibration_pairs"] = calibration.Count,
                ["test_pairs"] = test.Count,
            },
            Metrics = metrics,
        };

        return new TrainingResult(new Matcher(ml, model, card), card, train.Count, calibration.Count, test.Count, dropped)
        {
            InputSchema = trainData.Schema,
        };
    }

    /// <summary>
    /// Auto-merge at the threshold of best F1 on the calibration split (never below 0.5: a
    /// merge needs the model to think a match more likely than not); review from the highest
    /// threshold that still keeps the wanted recall, so what is not merged is at least seen.
    /// </summary>
    internal static (double Auto, double Review, string Rationale) ChooseThresholds(IReadOnlyList<(double Score, bool Match)> scored, TrainingOptions options)
    {
        var metrics = Metrics.Pairs(scored, 0.5);
        var auto = Math.Clamp(Math.Round(metrics.BestThreshold, 2), 0.5, 0.99);
        var positives = scored.Where(s => s.Match).Select(s => s.Score).OrderByDescending(s => s).ToList();
        var keep = (int)Math.Ceiling(positives.Count * options.ReviewRecall);
        var review = positives.Count == 0 ? 0.2 : positives[Math.Clamp(keep - 1, 0, positives.Count - 1)];
        review = Math.Clamp(Math.Floor(review * 100) / 100, 0.05, auto - 0.05);
        var rationale = string.Create(CultureInfo.InvariantCulture,
            $"auto-merge {auto:0.00}: best F1 ({metrics.BestF1:0.000}) on the calibration split, floored at 0.5; " +
            $"review {review:0.00}: the calibration split keeps {options.ReviewRecall:P1} of true matches at or above it");
        return (auto, review, rationale);
    }

    /// <summary>Which split (train, calibration, test) a cluster falls in; stable for a seed.</summary>
    public static string SplitOf(string group, TrainingOptions options) => Split(group, options);

    private static string Split(string group, TrainingOptions options)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{options.Seed}:{group}"));
        var u = (hash % 10_000) / 10_000.0;
        return u < options.TestFraction ? "test" : u < options.TestFraction + options.CalibrationFraction ? "calibration" : "train";
    }

    private static string Version(float[][] features, TrainingOptions options)
    {
        var hash = new XxHash64(options.Seed);
        foreach (var f in features)
        {
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.AsSpan()));
        }

        return $"matcher-{DateTime.UtcNow:yyyyMMdd}-{hash.GetCurrentHashAsUInt64():x16}"[..33];
    }

    private static double Round(double v) => double.IsNaN(v) ? v : Math.Round(v, 4);
}
