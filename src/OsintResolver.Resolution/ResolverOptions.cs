using System.ComponentModel.DataAnnotations;
using OsintResolver.Resolution.Blocking;

namespace OsintResolver.Resolution;

/// <summary>How <c>osint resolve</c> runs. Thresholds default to those in the matcher's card.</summary>
public sealed class ResolverOptions
{
    public const string Section = "Resolver";

    /// <summary>Pairs scoring at least this are merged without review (default: the model card's).</summary>
    [Range(0.0, 1.0)]
    public double? AutoMergeThreshold { get; set; }

    /// <summary>Pairs between this and the auto-merge threshold go to the review queue (default: the model card's).</summary>
    [Range(0.0, 1.0)]
    public double? ReviewThreshold { get; set; }

    /// <summary>Score every pair again, not only those involving new or changed entities.</summary>
    public bool Full { get; set; }

    /// <summary>Blocks with more entities than this are dropped.</summary>
    [Range(2, 100_000)]
    public int MaxBlockSize { get; set; } = 200;

    /// <summary>Folder of a trained matcher; null for the one shipped in models/matcher.</summary>
    public string? ModelDirectory { get; set; }

    internal BlockingOptions Blocking => new() { MaxBlockSize = MaxBlockSize };

    internal (double Auto, double Review) Thresholds(Matching.MatcherCard card)
    {
        var auto = AutoMergeThreshold ?? card.AutoMergeThreshold;
        var review = ReviewThreshold ?? Math.Min(card.ReviewThreshold, auto);
        if (review > auto)
        {
            throw new Model.Errors.InvalidInputException($"the review threshold ({review}) must not be above the auto-merge threshold ({auto})");
        }

        return (auto, review);
    }
}
