using OsintResolver.Model.Entities;

namespace OsintResolver.Index.Matching;

/// <summary>
/// Re-scores a match candidate against the query entity and explains the score with named
/// features. The match API calls only this seam; the ML.NET matcher from entity resolution
/// plugs in here (register it as the <see cref="IMatchScorer"/>) and replaces the fallback.
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
}

/// <summary>A score in [0, 1] and the features that produced it (each in [0, 1]).</summary>
public sealed record MatchScore(double Score, IReadOnlyDictionary<string, double> Features);
