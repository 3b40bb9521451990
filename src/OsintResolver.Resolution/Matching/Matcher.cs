using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Matching;

/// <summary>
/// The learned matcher: scores pairs of entities with an ML.NET LightGBM binary classifier
/// (Platt-calibrated probabilities) over <see cref="PairFeatures"/>, and explains each score in
/// words from ML.NET's feature contributions. Load the shipped model with <see cref="LoadShipped"/>
/// or a trained one with <see cref="Load"/>. Thread-safe.
/// </summary>
public sealed class Matcher
{
    public const string ModelFile = "matcher.zip";
    public const string CardFile = "matcher.json";

    private readonly MLContext _ml;
    private readonly ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> _model;
    private readonly TreeEnsemble _trees;
    private readonly Lazy<ITransformer> _contributions;
    private readonly Lock _explainLock = new();

    internal Matcher(MLContext ml, ITransformer model, MatcherCard card)
    {
        if (card.Features.Count != PairFeatures.Count || !card.Features.SequenceEqual(PairFeatures.Names))
        {
            throw new OsintException($"matcher {card.Version} was trained on features [{string.Join(", ", card.Features)}], " +
                                     $"this build computes [{string.Join(", ", PairFeatures.Names)}]; train it again with 'osint train'");
        }

        _ml = ml;
        _model = model as ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>>
                 ?? throw new OsintException($"the matcher model is a {model.GetType().Name}, not a calibrated LightGBM binary classifier");
        _trees = TreeEnsemble.From(model);
        Card = card;
        _contributions = new Lazy<ITransformer>(() =>
        {
            var empty = _ml.Data.LoadFromEnumerable(new List<PairRow> { new() { Features = new float[PairFeatures.Count] } });
            return _ml.Transforms.CalculateFeatureContribution(_model, PairFeatures.Count, PairFeatures.Count, normalize: false)
                .Fit(_model.Transform(empty));
        });
    }

    public MatcherCard Card { get; }

    public string Version => Card.Version;

    /// <summary>The named features, in the order of <see cref="MatchResult.Features"/>.</summary>
    public static IReadOnlyList<string> FeatureNames => PairFeatures.Names;

    /// <summary>Loads a matcher from a folder holding matcher.zip and matcher.json.</summary>
    public static Matcher Load(string directory)
    {
        var model = Path.Combine(directory, ModelFile);
        var card = Path.Combine(directory, CardFile);
        if (!File.Exists(model) || !File.Exists(card))
        {
            throw new NotFoundException($"no matcher in {directory}: expected {ModelFile} and {CardFile} (train one with 'osint train')");
        }

        using var stream = File.OpenRead(model);
        return Load(stream, File.ReadAllText(card));
    }

    /// <summary>The matcher shipped in models/matcher/, embedded in this assembly.</summary>
    public static Matcher LoadShipped()
    {
        var assembly = typeof(Matcher).Assembly;
        using var model = assembly.GetManifestResourceStream("Matcher." + ModelFile);
        using var card = assembly.GetManifestResourceStream("Matcher." + CardFile);
        if (model is null || card is null)
        {
            throw new NotFoundException("this build ships no matcher model (models/matcher/ was empty when it was built); train one with 'osint train'");
        }

        using var reader = new StreamReader(card);
        return Load(model, reader.ReadToEnd());
    }

    /// <summary>The matcher in <paramref name="directory"/>, or the shipped one when it is null.</summary>
    public static Matcher LoadOrShipped(string? directory) => directory is null ? LoadShipped() : Load(directory);

    private static Matcher Load(Stream model, string cardJson)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(model, out _);
        return new Matcher(ml, transformer, MatcherCard.FromJson(cardJson));
    }

    /// <summary>Saves the model and its card to a folder.</summary>
    public void Save(string directory, DataViewSchema inputSchema)
    {
        Directory.CreateDirectory(directory);
        _ml.Model.Save(_model, inputSchema, Path.Combine(directory, ModelFile));
        File.WriteAllText(Path.Combine(directory, CardFile), Card.ToJson() + "\n");
    }

    /// <summary>
    /// Scores pairs in one batch. <paramref name="statistics"/> gives token frequencies for IDF
    /// weighting (e.g. of the store being resolved); without it every token weighs the same.
    /// </summary>
    public IReadOnlyList<MatchResult> Score(IReadOnlyList<(Entity Left, Entity Right)> pairs, TokenStatistics? statistics = null, bool explain = true)
    {
        var stats = statistics ?? TokenStatistics.Uniform;
        var profiles = new Dictionary<Entity, EntityProfile>(ReferenceEqualityComparer.Instance);
        EntityProfile Profile(Entity e)
        {
            if (!profiles.TryGetValue(e, out var p))
            {
                p = ProfileBuilder.Build(e);
                profiles[e] = p;
            }

            return p;
        }

        var features = new float[pairs.Count][];
        var details = new PairDetails[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            features[i] = new float[PairFeatures.Count];
            details[i] = new PairDetails();
            PairFeatures.Compute(Profile(pairs[i].Left), Profile(pairs[i].Right), stats, features[i], details[i]);
        }

        var contributions = explain ? Contributions(features) : null;
        var results = new MatchResult[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var named = new Dictionary<string, double>(PairFeatures.Count, StringComparer.Ordinal);
            for (var k = 0; k < PairFeatures.Count; k++)
            {
                named[PairFeatures.Names[k]] = features[i][k];
            }

            var list = contributions is null
                ? []
                : Enumerable.Range(0, PairFeatures.Count)
                    .Select(k => new FeatureContribution(PairFeatures.Names[k], features[i][k], contributions[i][k]))
                    .OrderByDescending(c => Math.Abs(c.Contribution)).ToList();
            var explanation = contributions is null ? "" : Explainer.Explain(features[i], contributions[i], details[i]);
            results[i] = new MatchResult(Probability(features[i]), named, explanation, list);
        }

        return results;
    }

    /// <summary>Scores one pair.</summary>
    public MatchResult Score(Entity left, Entity right, TokenStatistics? statistics = null) => Score([(left, right)], statistics)[0];

    /// <summary>The calibrated probability for a feature vector (fast path, no allocation).</summary>
    internal double Probability(ReadOnlySpan<float> features) => Calibrate(_trees.Score(features));

    internal double Calibrate(double raw) => 1.0 / (1.0 + Math.Exp(Card.CalibrationSlope * raw + Card.CalibrationOffset));

    /// <summary>The raw score ML.NET computes, for checking the fast path against it.</summary>
    internal float[] MlNetScores(IReadOnlyList<float[]> features)
    {
        var data = _ml.Data.LoadFromEnumerable(features.Select(f => new PairRow { Features = f }).ToList());
        return _model.Transform(data).GetColumn<float>("Score").ToArray();
    }

    /// <summary>Per-feature contributions to the raw score (the flattened trees; equal to ML.NET's calculator, see the tests).</summary>
    internal float[][] Contributions(IReadOnlyList<float[]> features)
    {
        var result = new float[features.Count][];
        for (var i = 0; i < features.Count; i++)
        {
            result[i] = new float[PairFeatures.Count];
            _trees.Contributions(features[i], result[i]);
        }

        return result;
    }

    /// <summary>Per-feature contributions from ML.NET's feature contribution calculator, to check the fast path against.</summary>
    internal float[][] MlNetContributions(IReadOnlyList<float[]> features)
    {
        if (features.Count == 0)
        {
            return [];
        }

        lock (_explainLock)
        {
            var data = _ml.Data.LoadFromEnumerable(features.Select(f => new PairRow { Features = f }).ToList());
            var scored = _contributions.Value.Transform(_model.Transform(data));
            return _ml.Data.CreateEnumerable<ContributionRow>(scored, reuseRowObject: false)
                .Select(r => r.FeatureContributions).ToArray();
        }
    }

    /// <summary>An explanation for a pair whose features (and details) were computed already.</summary>
    internal string Explain(float[] features, float[] contributions, PairDetails details) =>
        Explainer.Explain(features, contributions, details);
}
