namespace OsintResolver.Resolution.Matching;

/// <summary>How much one feature pushed a pair's score up (positive) or down (negative).</summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

/// <summary>
/// The matcher's verdict on a pair: a calibrated probability that both are the same thing,
/// the named feature values it saw, and an explanation in words from the features'
/// contributions (e.g. "names agree after transliteration (0.97); same IMO number; countries differ").
/// </summary>
public sealed record MatchResult(
    double Score,
    IReadOnlyDictionary<string, double> Features,
    string Explanation,
    IReadOnlyList<FeatureContribution> Contributions);
