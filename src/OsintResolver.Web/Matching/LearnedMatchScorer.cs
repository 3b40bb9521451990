using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OsintResolver.Index.Matching;
using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Matching;

namespace OsintResolver.Web.Matching;

/// <summary>
/// The match API's scorer: the same ML.NET matcher that resolves entities, so a screening
/// result and a merge are judged by one model. Scores are its calibrated probabilities; the
/// features are its named pair features, and the explanation comes from ML.NET's feature
/// contributions.
/// </summary>
internal sealed class LearnedMatchScorer(Matcher matcher) : IMatchScorer
{
    public string Algorithm => matcher.Version;

    public string Description =>
        "ML.NET LightGBM matcher with Platt-calibrated probabilities over transliteration-aware name, identifier, date, " +
        $"country, address and neighbour features (model card: models/matcher/README.md; {matcher.Card.Version})";

    public bool IsFallback => false;

    /// <summary>The model card's auto-merge threshold: a screening "match" is what the resolver would merge.</summary>
    public double DefaultThreshold => matcher.Card.AutoMergeThreshold;

    public MatchScore Score(Entity query, Entity candidate) => Score(query, [candidate])[0];

    public IReadOnlyList<MatchScore> Score(Entity query, IReadOnlyList<Entity> candidates)
    {
        // One batch: the query's profile (transliteration, phonetic keys) is built once.
        var results = matcher.Score(candidates.Select(c => (query, c)).ToList(), explain: false);
        return results.Select(r => new MatchScore(Math.Round(r.Score, 4), r.Features)).ToList();
    }

    public IReadOnlyList<string?> Explain(Entity query, IReadOnlyList<Entity> candidates) =>
        matcher.Score(candidates.Select(c => (query, c)).ToList()).Select(r => (string?)r.Explanation).ToList();

    public string DescribeFeature(string feature) =>
        PairFeatures.Descriptions.TryGetValue(feature, out var description) ? description : feature;
}

internal static class MatchingServiceCollectionExtensions
{
    /// <summary>
    /// Makes the ML.NET matcher the match API's scorer, replacing the index's rule-based default.
    /// The model is the one shipped in models/matcher/ unless <paramref name="modelDirectory"/>
    /// names a folder trained with <c>osint train</c>.
    /// </summary>
    public static IServiceCollection AddLearnedMatcher(this IServiceCollection services, string? modelDirectory)
    {
        services.TryAddSingleton(_ => Matcher.LoadOrShipped(modelDirectory));
        services.Replace(ServiceDescriptor.Singleton<IMatchScorer, LearnedMatchScorer>());
        return services;
    }
}
