using OsintResolver.Model.Errors;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Reviews;

/// <summary>
/// The resolver's review queue (<see cref="ReviewQueue"/>): suggestions between the thresholds of
/// the last <c>osint resolve</c> run (else the shipped matcher's), judgements that re-cluster the
/// pair's neighbourhood at once, per-user skips and undo. The web app adds the side-by-side
/// comparison and checks the ids a request sends.
/// </summary>
internal sealed class ResolverReviewQueue(EntityStore store, IEntityClusters clusters) : IReviewQueue
{
    private readonly Lazy<ReviewQueue> _queue = new(() => ReviewQueue.For(store, ShippedCard()));

    public IReadOnlyList<ReviewItem> Next(string user, int count) =>
        _queue.Value.Next(user, count)
            .Select(i => new ReviewItem(new ReviewSuggestion(i.Left.Id, i.Right.Id, i.Score, i.Explanation),
                PairComparison.Build(i.Left, i.Right, store.Model)))
            .ToList();

    public long Pending() => _queue.Value.Pending();

    public void Skip(string user, string a, string b)
    {
        Require(a, b);
        _queue.Value.Skip(user, a, b);
    }

    public Task<JudgementOutcome> JudgeAsync(string a, string b, Judgement judgement, string user, CancellationToken ct = default)
    {
        Require(a, b);
        var edge = _queue.Value.Judge(a, b, judgement, user);
        return Task.FromResult(new JudgementOutcome(edge, clusters.CanonicalOf(a), clusters.CanonicalOf(b)));
    }

    public Task<EdgeLogEntry?> UndoAsync(string user, CancellationToken ct = default) => Task.FromResult(_queue.Value.Undo(user));

    private void Require(string a, string b)
    {
        RequestedIds.Check(a);
        RequestedIds.Check(b);
        if (a == b)
        {
            throw new InvalidInputException("an entity cannot be judged against itself");
        }

        var found = store.GetEntities([a, b]).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (found.Count < 2)
        {
            throw new NotFoundException($"no entity '{(found.Contains(a) ? b : a)}'");
        }
    }

    /// <summary>The shipped matcher's card, for its thresholds when no resolve run has set them.</summary>
    private static MatcherCard ShippedCard()
    {
        try
        {
            return Matcher.LoadShipped().Card;
        }
        catch (NotFoundException)
        {
            return new MatcherCard { Version = "none", Features = [] };
        }
    }
}
