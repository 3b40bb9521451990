using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Reviews;

/// <summary>
/// The review queue read straight from the store's resolver edges: model suggestions that no
/// analyst has judged, the ones with a score nearest the decision threshold first. Judgements
/// go through <see cref="EdgeStore.Judge"/>, so they are logged and can be undone. Used when the
/// host has no resolver of its own; it does not re-cluster.
/// </summary>
internal sealed class ModelEdgeReviewQueue(EntityStore store, IEntityClusters clusters) : IReviewQueue
{
    public const double Threshold = 0.5;

    public IReadOnlyList<ReviewSuggestion> Next(int count, IReadOnlySet<string> skip) =>
        Open()
            .Select(e => new ReviewSuggestion(e.LeftId, e.RightId, e.Score, e.Explanation, e.ModelVersion))
            .Where(s => !skip.Contains(s.Key))
            .Take(count)
            .ToList();

    public long Pending() => Open().LongCount();

    public Task<JudgementOutcome> JudgeAsync(string a, string b, Judgement judgement, string user, CancellationToken ct = default)
    {
        RequestedIds.Check(a);
        RequestedIds.Check(b);
        if (store.GetEntities([a, b]).Count < 2)
        {
            throw new NotFoundException($"no entity '{(store.GetEntity(a) is null ? a : b)}'");
        }

        var edge = store.Edges.Judge(a, b, judgement, user);
        return Task.FromResult(new JudgementOutcome(edge, clusters.CanonicalOf(a), clusters.CanonicalOf(b)));
    }

    public Task<EdgeLogEntry?> UndoAsync(string user, CancellationToken ct = default) => Task.FromResult(store.Edges.Undo(user));

    private IEnumerable<ResolverEdge> Open() =>
        store.Edges.All()
            .Where(e => !e.IsUserJudgement && e.Judgement != Judgement.Negative)
            .OrderBy(e => Math.Abs((e.Score ?? Threshold) - Threshold))
            .ThenBy(e => e.LeftId, StringComparer.Ordinal)
            .ThenBy(e => e.RightId, StringComparer.Ordinal);
}
