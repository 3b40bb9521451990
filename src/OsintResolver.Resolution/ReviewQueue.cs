using System.Globalization;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Resolution.Clustering;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Resolution;

/// <summary>One property of a pair under review, with each side's values.</summary>
public sealed record PropertyComparison(string Property, string Label, IReadOnlyList<string> Left, IReadOnlyList<string> Right)
{
    /// <summary>Both sides state the same values.</summary>
    public bool Same => Left.Count > 0 && Left.Order(StringComparer.Ordinal).SequenceEqual(Right.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Only one side states anything.</summary>
    public bool OneSided => Left.Count == 0 || Right.Count == 0;
}

/// <summary>A suggestion waiting for an analyst: two entities, the model's score and explanation.</summary>
public sealed record ReviewItem(Entity Left, Entity Right, double Score, string? Explanation, IReadOnlyList<PropertyComparison> Properties);

/// <summary>
/// The review queue: model suggestions between the review and auto-merge thresholds, most
/// uncertain first, leaving out pairs already in one cluster or kept apart by an analyst's
/// negative judgement. Judging re-clusters the pair's neighbourhood at once, so the next
/// suggestion reflects it; judgements can be undone. Shared by the CLI and the web UI.
/// </summary>
public sealed class ReviewQueue
{
    private const int Window = 500;
    private readonly EntityStore _store;
    private readonly ResolutionStore _resolution;

    public ReviewQueue(EntityStore store, double reviewThreshold, double autoMergeThreshold)
    {
        if (reviewThreshold > autoMergeThreshold)
        {
            throw new InvalidInputException($"the review threshold ({reviewThreshold}) must not be above the auto-merge threshold ({autoMergeThreshold})");
        }

        _store = store;
        _resolution = new ResolutionStore(store);
        ReviewThreshold = reviewThreshold;
        AutoMergeThreshold = autoMergeThreshold;
    }

    /// <summary>A queue with the thresholds of the last resolve run, else the matcher's defaults.</summary>
    public static ReviewQueue For(EntityStore store, Matching.MatcherCard card)
    {
        var resolution = new ResolutionStore(store);
        double Read(string key, double fallback) =>
            double.TryParse(resolution.GetState(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : fallback;
        return new ReviewQueue(store, Read(Resolver.StateReview, card.ReviewThreshold), Read(Resolver.StateAuto, card.AutoMergeThreshold));
    }

    public double ReviewThreshold { get; }
    public double AutoMergeThreshold { get; }

    /// <summary>Suggestions waiting between the thresholds (before filtering out settled pairs).</summary>
    public long Pending() => _resolution.CountReviewCandidates(ReviewThreshold, AutoMergeThreshold);

    /// <summary>The next suggestion for a user, or null when the queue is empty. Skipped pairs come last.</summary>
    public ReviewItem? Next(string user) => Next(user, 1).FirstOrDefault();

    public IReadOnlyList<ReviewItem> Next(string user, int count)
    {
        var skips = _resolution.Skips(user);
        var fresh = new List<ResolverEdge>();
        var skipped = new List<ResolverEdge>();
        foreach (var edge in _resolution.ReviewCandidates(ReviewThreshold, AutoMergeThreshold, Window))
        {
            if (Settled(edge.LeftId, edge.RightId))
            {
                continue;
            }

            (skips.Contains((edge.LeftId, edge.RightId)) ? skipped : fresh).Add(edge);
            if (fresh.Count >= count)
            {
                break;
            }
        }

        var items = new List<ReviewItem>();
        foreach (var edge in fresh.Concat(skipped).Take(count))
        {
            var entities = _store.GetEntities([edge.LeftId, edge.RightId]);
            if (entities.Count == 2)
            {
                items.Add(new ReviewItem(entities[0], entities[1], edge.Score ?? 0, edge.Explanation, Compare(entities[0], entities[1])));
            }
        }

        return items;
    }

    /// <summary>Records a judgement and re-clusters around the pair.</summary>
    public ResolverEdge Judge(string left, string right, Judgement judgement, string user)
    {
        if (judgement == Judgement.Positive)
        {
            var entities = _store.GetEntities([left, right]);
            if (entities.Count == 2 && !_store.Model.CanMatch(entities[0].Schema, entities[1].Schema))
            {
                throw new InvalidInputException($"{entities[0].Schema.Name} {left} and {entities[1].Schema.Name} {right} cannot be the same thing");
            }
        }

        var edge = _store.Edges.Judge(left, right, judgement, user);
        Recluster([left, right]);
        return edge;
    }

    /// <summary>Undoes the user's last judgement and re-clusters around that pair; null when there is nothing to undo.</summary>
    public EdgeLogEntry? Undo(string user)
    {
        var entry = _store.Edges.Undo(user);
        if (entry is not null)
        {
            Recluster([entry.LeftId, entry.RightId]);
        }

        return entry;
    }

    /// <summary>Puts a pair to the back of the user's queue.</summary>
    public void Skip(string user, string left, string right) => _resolution.AddSkip(user, left, right);

    /// <summary>Property-by-property comparison of two entities, names and identifiers first.</summary>
    public static IReadOnlyList<PropertyComparison> Compare(Entity left, Entity right)
    {
        var props = left.PropertyNames.Union(right.PropertyNames).Distinct().ToList();
        return props
            .Select(p => (Prop: p, Property: left.Schema.GetProperty(p) ?? right.Schema.GetProperty(p)))
            .Where(x => x.Property is not null && !x.Property.Hidden)
            .OrderBy(x => x.Property!.Type is Model.Types.NameType ? 0 : x.Property!.Type is Model.Types.IdentifierType ? 1 : 2)
            .ThenBy(x => x.Prop, StringComparer.Ordinal)
            .Select(x => new PropertyComparison(x.Prop, x.Property!.Label, left.Get(x.Prop).ToList(), right.Get(x.Prop).ToList()))
            .ToList();
    }

    private bool Settled(string left, string right)
    {
        var a = _resolution.CanonicalOf(left);
        var b = _resolution.CanonicalOf(right);
        if (a == b)
        {
            return true;
        }

        var rightMembers = _resolution.Members(right).ToHashSet(StringComparer.Ordinal);
        foreach (var member in _resolution.Members(left))
        {
            foreach (var edge in _store.Edges.For(member))
            {
                if (edge is { IsUserJudgement: true } && edge.Judgement is Judgement.Negative or Judgement.Unsure && rightMembers.Contains(edge.Other(member)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MergeEdge(ResolverEdge edge) => edge.IsUserJudgement
        ? edge.Judgement == Judgement.Positive
        : edge.Judgement == Judgement.Positive && edge.Score >= AutoMergeThreshold;

    /// <summary>
    /// Re-clusters the connected part of the graph around the seeds: every entity reachable
    /// through analyst positives or auto-merge edges, with the analyst negatives among them.
    /// The same algorithm as a full run, on the only part a judgement can change.
    /// </summary>
    internal void Recluster(IEnumerable<string> seeds, int maxEntities = 50_000)
    {
        var ids = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        void Visit(string id)
        {
            if (index.ContainsKey(id) || index.Count >= maxEntities)
            {
                return;
            }

            index[id] = ids.Count;
            ids.Add(id);
            queue.Enqueue(id);
        }

        foreach (var seed in seeds)
        {
            Visit(seed);
        }

        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var member in _resolution.Members(id))
            {
                Visit(member);
            }

            foreach (var edge in _store.Edges.For(id))
            {
                if (MergeEdge(edge))
                {
                    Visit(edge.Other(id));
                }
            }
        }

        // Every edge of the component, now that each member has an index (seen from both ends;
        // unions and cannot-links are idempotent).
        var positives = new List<(int A, int B, double Score, bool Analyst)>();
        var negatives = new List<(int, int)>();
        foreach (var id in ids)
        {
            foreach (var edge in _store.Edges.For(id))
            {
                if (!index.TryGetValue(edge.LeftId, out var a) || !index.TryGetValue(edge.RightId, out var b))
                {
                    continue;
                }

                if (edge.IsUserJudgement && edge.Judgement == Judgement.Negative)
                {
                    negatives.Add((a, b));
                }
                else if (MergeEdge(edge))
                {
                    positives.Add((a, b, edge.Score ?? 1, edge.IsUserJudgement));
                }
            }
        }

        var profiles = _store.GetEntities(ids).ToDictionary(e => e.Id, Profiles.ProfileBuilder.Build, StringComparer.Ordinal);
        var clusterer = new ConstrainedClusterer(ids.Count, i => profiles.GetValueOrDefault(ids[i])?.Schema, _store.Model, i => profiles.GetValueOrDefault(ids[i]));
        foreach (var (a, b) in negatives)
        {
            clusterer.CannotLink(a, b);
        }

        foreach (var (a, b, _, _) in positives.Where(p => p.Analyst))
        {
            clusterer.TryUnion(a, b, analyst: true);
        }

        foreach (var (a, b, _, _) in positives.Where(p => !p.Analyst).OrderByDescending(p => p.Score).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            clusterer.TryUnion(a, b);
        }

        var clusters = clusterer.Clusters().Select(c => (IReadOnlyList<string>)c.Select(i => ids[i]).ToList()).ToList();
        Resolver.ApplyCanonicalIds(_resolution, clusters, ids.ToHashSet(StringComparer.Ordinal));
    }
}
