using OsintResolver.Store.Edges;

namespace OsintResolver.Web.Reviews;

/// <summary>A pair the model is unsure about, for an analyst to decide.</summary>
public sealed record ReviewSuggestion(string LeftId, string RightId, double? Score, string? Explanation, string? ModelVersion)
{
    /// <summary>A stable key for the unordered pair (used to skip it).</summary>
    public string Key => $"{LeftId}~{RightId}";
}

/// <summary>What a decision changed: the stored edge and the canonical ids the pair now has.</summary>
public sealed record JudgementOutcome(ResolverEdge Edge, string LeftCanonical, string RightCanonical);

/// <summary>
/// The review queue: suggestions ordered by uncertainty, and judgements that are stored in the
/// edge log (with undo) and applied to clusters at once. The resolver supplies the real queue;
/// the web app only drives it.
/// </summary>
public interface IReviewQueue
{
    /// <summary>The most uncertain open suggestions first, leaving out skipped pair keys.</summary>
    IReadOnlyList<ReviewSuggestion> Next(int count, IReadOnlySet<string> skip);

    /// <summary>How many suggestions are open.</summary>
    long Pending();

    Task<JudgementOutcome> JudgeAsync(string a, string b, Judgement judgement, string user, CancellationToken ct = default);

    /// <summary>Undoes the user's latest judgement; null when there is nothing to undo.</summary>
    Task<EdgeLogEntry?> UndoAsync(string user, CancellationToken ct = default);
}
