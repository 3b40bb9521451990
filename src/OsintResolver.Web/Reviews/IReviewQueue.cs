using OsintResolver.Store.Edges;

namespace OsintResolver.Web.Reviews;

/// <summary>A pair the model is unsure about, for an analyst to decide.</summary>
public sealed record ReviewSuggestion(string LeftId, string RightId, double? Score, string? Explanation)
{
    /// <summary>A stable key for the unordered pair.</summary>
    public string Key => $"{LeftId}~{RightId}";
}

/// <summary>A suggestion with both records compared side by side, ready to show.</summary>
public sealed record ReviewItem(ReviewSuggestion Suggestion, PairComparison Comparison);

/// <summary>What a decision changed: the stored edge and the canonical ids the pair now has.</summary>
public sealed record JudgementOutcome(ResolverEdge Edge, string LeftCanonical, string RightCanonical);

/// <summary>
/// The review queue as the web app drives it: suggestions ordered by uncertainty, judgements
/// stored in the edge log (with undo) and applied to clusters at once.
/// </summary>
public interface IReviewQueue
{
    /// <summary>The user's next suggestions, most uncertain first; pairs the user skipped come last.</summary>
    IReadOnlyList<ReviewItem> Next(string user, int count);

    /// <summary>How many suggestions wait between the review and auto-merge thresholds.</summary>
    long Pending();

    /// <summary>Puts a pair at the back of the user's queue.</summary>
    void Skip(string user, string a, string b);

    Task<JudgementOutcome> JudgeAsync(string a, string b, Judgement judgement, string user, CancellationToken ct = default);

    /// <summary>Undoes the user's latest judgement; null when there is nothing to undo.</summary>
    Task<EdgeLogEntry?> UndoAsync(string user, CancellationToken ct = default);
}
