using OsintResolver.Model.Errors;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;
using OsintResolver.Index;
using OsintResolver.Web.Profiles;

namespace OsintResolver.Web.Reviews;

/// <summary>
/// The resolver's review queue (<see cref="ReviewQueue"/>): suggestions between the thresholds of
/// the last <c>osint resolve</c> run (else the shipped matcher's), judgements that re-cluster the
/// pair's neighbourhood at once, per-user skips and undo. The web app adds the side-by-side
/// comparison, checks the ids a request sends, and brings the search index up to date with the
/// new clusters before answering.
/// </summary>
internal sealed class ResolverReviewQueue(EntityStore store, IEntityClusters clusters, IEntityIndex index) : IReviewQueue
{
    private readonly Lazy<ReviewQueue> _queue = new(() => ReviewQueue.For(store, ShippedCard()));
    private readonly ResolvedEntities _resolved = new(store);

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

    public async Task<JudgementOutcome> JudgeAsync(string a, string b, Judgement judgement, string user, CancellationToken ct = default)
    {
        Require(a, b);
        var before = Neighbourhood(a, b);
        var edge = _queue.Value.Judge(a, b, judgement, user);
        await ReindexAsync(before, a, b, ct).ConfigureAwait(false);
        return new JudgementOutcome(edge, clusters.CanonicalOf(a), clusters.CanonicalOf(b));
    }

    public async Task<EdgeLogEntry?> UndoAsync(string user, CancellationToken ct = default)
    {
        var last = store.Edges.Log(1000).FirstOrDefault(e => e.User == user && e.UndoneAt is null);
        var before = last is null ? [] : Neighbourhood(last.LeftId, last.RightId);
        var entry = _queue.Value.Undo(user);
        if (entry is not null)
        {
            await ReindexAsync(before, entry.LeftId, entry.RightId, ct).ConfigureAwait(false);
        }

        return entry;
    }

    /// <summary>Every id a judgement on the pair can re-cluster: both clusters, members and canonical ids.</summary>
    private HashSet<string> Neighbourhood(string a, string b)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in new[] { a, b })
        {
            ids.Add(id);
            ids.Add(_resolved.CanonicalOf(id));
            ids.UnionWith(_resolved.Members(id));
        }

        return ids;
    }

    /// <summary>
    /// Keeps search in step with the clusters at once: the pair's canonical entities as they
    /// are now are written to the index, and ids that stopped being canonical are removed.
    /// </summary>
    private async Task ReindexAsync(HashSet<string> before, string a, string b, CancellationToken ct)
    {
        var after = Neighbourhood(a, b);
        var all = before.Union(after).ToList();
        // A canonical id whose cluster dissolved has no members any more: it is gone, not rewritten.
        var entities = all.SelectMany(_resolved.Members).Select(_resolved.CanonicalOf).Distinct(StringComparer.Ordinal)
            .Select(id => _resolved.Get(id)).OfType<Model.Entities.Entity>().ToList();
        var canonical = entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var gone = all.Where(id => !canonical.Contains(id)).ToList();
        if (gone.Count > 0)
        {
            await index.DeleteAsync(gone, ct).ConfigureAwait(false);
        }

        await index.UpsertAsync(entities, ct: ct).ConfigureAwait(false);
    }

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
