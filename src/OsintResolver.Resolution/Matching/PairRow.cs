using Microsoft.ML.Data;
using OsintResolver.Resolution.Features;

namespace OsintResolver.Resolution.Matching;

/// <summary>One pair as ML.NET sees it.</summary>
internal sealed class PairRow
{
    public bool Label { get; set; }

    [VectorType(PairFeatures.Count)]
    public float[] Features { get; set; } = [];

    public float Weight { get; set; } = 1f;
}

internal sealed class ContributionRow
{
    public float Score { get; set; }

    public float[] FeatureContributions { get; set; } = [];
}
