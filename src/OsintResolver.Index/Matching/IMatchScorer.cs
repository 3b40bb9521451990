using OsintResolver.Model.Entities;

namespace OsintResolver.Index.Matching;

/// <summary>
/// Re-scores match candidates against the query entity and explains the scores with named
/// features. The match API calls only this seam. Hosts with entity resolution register the
/// ML.NET matcher here; <see cref="TypeAwareMatchScorer"/> is the rule-based default for hosts
/// without it (and is labelled as the fallback in every response).
/// </summary>
public interface IMatchScorer
{
    /// <summary>The algorithm name reported to clients (yente's <c>algorithm</c>).</summary>
    string Algorithm { get; }

    /// <summary>A one-line description for the API docs.</summary>
    string Description { get; }

    /// <summary>Whether this is the rule-based fallback rather than a trained model.</summary>
    bool IsFallback { get; }

    /// <summary>Default threshold above which a result counts as a match.</summary>
    double DefaultThreshold { get; }

    MatchScore Score(Entity query, Entity candidate);

    /// <summary>Scores every candidate against one query (scorers that analyse the query once override this).</summary>
    IReadOnlyList<MatchScore> Score(Entity query, IReadOnlyList<Entity> candidates) =>
        candidates.Select(c => Score(query, c)).ToList();

    /// <summary>
    /// Each candidate's score explained in words ("names agree after transliteration (0.97); same
    /// IMO number"), or nulls when the scorer cannot.
    /// </summary>
    IReadOnlyList<string?> Explain(Entity query, IReadOnlyList<Entity> candidates) => new string?[candidates.Count];

    /// <summary>What each feature name in <see cref="MatchScore.Features"/> means, for the response's <c>matcher</c> section.</summary>
    string DescribeFeature(string feature) => feature;
}

/// <summary>A score in [0, 1] and the features that produced it (each in [0, 1]).</summary>
public sealed record MatchScore(double Score, IReadOnlyDictionary<string, double> Features);
