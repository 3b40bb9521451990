using System.Text.Json;
using System.Text.Json.Serialization;

namespace OsintResolver.Resolution.Matching;

/// <summary>
/// What travels with a trained matcher (<c>matcher.json</c>): version, features, the Platt
/// calibration of raw scores, the default thresholds and the metrics that justify them.
/// </summary>
public sealed record MatcherCard
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>Platt calibration: p = 1 / (1 + exp(slope · score + offset)).</summary>
    public double CalibrationSlope { get; init; }
    public double CalibrationOffset { get; init; }

    /// <summary>Pairs at or above this probability are merged without review.</summary>
    public double AutoMergeThreshold { get; init; } = 0.9;

    /// <summary>Pairs between this and the auto-merge threshold go to the review queue.</summary>
    public double ReviewThreshold { get; init; } = 0.5;

    public string? ThresholdRationale { get; init; }
    public string? Command { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
    public IReadOnlyList<SplitMetrics> Metrics { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static MatcherCard FromJson(string json) =>
        JsonSerializer.Deserialize<MatcherCard>(json, Json) ?? throw new InvalidDataException("empty matcher card");
}

/// <summary>Metrics of the matcher on one labelled split (by cluster) of one source.</summary>
public sealed record SplitMetrics(string Split, string Source, int Pairs, int Positives, double Threshold, double Precision, double Recall, double F1, double BestF1, double BestThreshold, double Auc);
