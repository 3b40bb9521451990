using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;
using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Clustering;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Resolution.Scoring;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;

namespace OsintResolver.Resolution;

/// <summary>What a resolve run did.</summary>
public sealed record ResolveReport(
    long Entities,
    long Changed,
    long Removed,
    bool Full,
    string? FullReason,
    BlockingReport Blocking,
    long PairsScored,
    long AutoMergeEdges,
    long ReviewEdges,
    long Clusters,
    long ClusteredEntities,
    long RefusedMerges,
    double AutoMergeThreshold,
    double ReviewThreshold,
    string ModelVersion,
    TimeSpan Elapsed);

/// <summary>
/// Resolves the entities in the store: profiles every matchable entity, finds candidate pairs
/// by blocking, scores them with the matcher, records model edges (never over an analyst's
/// judgement), and clusters under analyst constraints with stable canonical ids. After the
/// first run only pairs involving new or changed entities are scored; every earlier decision
/// is kept.
/// </summary>
public sealed class Resolver
{
    internal const string StateModel = "model_version";
    internal const string StateReview = "review_threshold";
    internal const string StateAuto = "auto_merge_threshold";

    private readonly EntityStore _store;
    private readonly Matcher _matcher;
    private readonly ResolverOptions _options;
    private readonly ResolutionStore _resolution;

    public Resolver(EntityStore store, Matcher matcher, ResolverOptions? options = null)
    {
        _store = store;
        _matcher = matcher;
        _options = options ?? new ResolverOptions();
        _resolution = new ResolutionStore(store);
    }

    public ResolveReport Run(IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var (auto, review) = _options.Thresholds(_matcher.Card);

        progress?.Report("reading entities");
        var (profiles, valueHashes, links) = Load(ct);
        var index = new Dictionary<string, int>(profiles.Count, StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            index[profiles[i].Id] = i;
        }

        AttachNeighbours(profiles, index, links);
        var fingerprints = new long[profiles.Count];
        for (var i = 0; i < profiles.Count; i++)
        {
            fingerprints[i] = Fingerprint(valueHashes[i], profiles[i].Neighbours);
        }

        var previous = _resolution.LoadFingerprints();
        var removed = previous.Keys.Where(id => !index.ContainsKey(id)).ToList();
        var reviewKey = review.ToString("R", CultureInfo.InvariantCulture);
        string? fullReason = _options.Full ? "requested"
            : previous.Count == 0 ? "first run"
            : _resolution.GetState(StateModel) != _matcher.Version ? "the matcher changed"
            : _resolution.GetState(StateReview) != reviewKey ? "the review threshold changed"
            : null;
        var full = fullReason is not null;
        var changed = new bool[profiles.Count];
        long changedCount = 0;
        for (var i = 0; i < profiles.Count; i++)
        {
            changed[i] = full || !previous.TryGetValue(profiles[i].Id, out var fp) || fp != fingerprints[i];
            changedCount += changed[i] ? 1 : 0;
        }

        progress?.Report($"blocking {profiles.Count:N0} entities ({changedCount:N0} new or changed)");
        var stats = new TokenStatistics();
        foreach (var p in profiles)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        stats.Freeze();

        var blocking = new BlockingReport(profiles.Count, 0, 0, 0, 0, 1);
        var pairs = changedCount == 0 ? [] : new Blocker(_options.Blocking).Pairs(profiles, stats, out blocking, full ? null : changed, _store.Model);

        if (full)
        {
            _resolution.DeleteAllModelEdges();
        }
        else
        {
            _resolution.DeleteModelEdges(profiles.Where((_, i) => changed[i]).Select(p => p.Id).Concat(removed));
        }

        progress?.Report($"scoring {pairs.Length:N0} candidate pairs");
        var kept = PairScorer.Score(profiles, pairs, stats, _matcher, review, ct);
        progress?.Report($"explaining {kept.Count:N0} pairs at or above {review:0.00}");
        var edges = Explain(profiles, kept, stats, auto);
        _store.Edges.UpsertModelEdges(edges);

        progress?.Report("clustering");
        var (clusters, refused) = Cluster(profiles, index, auto);

        _resolution.SaveFingerprints(
            profiles.Select((p, i) => (p, i)).Where(x => changed[x.i]).Select(x => KeyValuePair.Create(x.p.Id, fingerprints[x.i])),
            removed);
        _resolution.SetState(StateModel, _matcher.Version);
        _resolution.SetState(StateReview, reviewKey);
        _resolution.SetState(StateAuto, auto.ToString("R", CultureInfo.InvariantCulture));

        return new ResolveReport(profiles.Count, changedCount, removed.Count, full, fullReason, blocking, pairs.Length,
            kept.Count(k => k.Score >= auto), kept.Count(k => k.Score < auto), clusters.Count, clusters.Sum(c => c.Count), refused,
            auto, review, _matcher.Version, clock.Elapsed);
    }

    private (List<EntityProfile> Profiles, List<ulong> ValueHashes, List<(string, string)> Links) Load(CancellationToken ct)
    {
        var profiles = new List<EntityProfile>();
        var hashes = new List<ulong>();
        var links = new List<(string, string)>();
        var batch = new List<Entity>(2048);
        void Flush()
        {
            var built = new EntityProfile[batch.Count];
            var h = new ulong[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = ct }, k =>
            {
                built[k] = ProfileBuilder.Build(batch[k]);
                h[k] = ValueHash(batch[k]);
            });
            profiles.AddRange(built);
            hashes.AddRange(h);
            batch.Clear();
        }

        foreach (var entity in _store.ReadEntities())
        {
            ct.ThrowIfCancellationRequested();
            if (entity.Schema.Edge is { } edge)
            {
                foreach (var source in entity.Get(edge.Source.Name))
                {
                    foreach (var target in entity.Get(edge.Target.Name))
                    {
                        links.Add((source, target));
                    }
                }

                continue;
            }

            if (!entity.Schema.Matchable)
            {
                continue;
            }

            foreach (var (property, value) in entity.Items())
            {
                if (property.Type is EntityType)
                {
                    links.Add((entity.Id, value.Value));
                }
            }

            batch.Add(entity);
            if (batch.Count == batch.Capacity)
            {
                Flush();
            }
        }

        Flush();
        return (profiles, hashes, links);
    }

    /// <summary>
    /// Neighbour keys: the related entity's id and, when it is a matchable entity, its name, so
    /// the same director listed in two datasets under different ids still counts as shared.
    /// </summary>
    internal static void AttachNeighbours(IReadOnlyList<EntityProfile> profiles, IReadOnlyDictionary<string, int> index, IEnumerable<(string A, string B)> links)
    {
        var keys = new Dictionary<int, List<long>>();
        void Add(string from, string to)
        {
            if (!index.TryGetValue(from, out var i))
            {
                return;
            }

            if (!keys.TryGetValue(i, out var list))
            {
                list = [];
                keys[i] = list;
            }

            list.Add((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes("id:" + to)));
            if (index.TryGetValue(to, out var j) && profiles[j].Names.Length > 0)
            {
                list.Add((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes("name:" + profiles[j].Names[0].Sorted)));
            }
        }

        foreach (var (a, b) in links)
        {
            Add(a, b);
            Add(b, a);
        }

        foreach (var (i, list) in keys)
        {
            profiles[i].Neighbours = list.Distinct().Order().ToArray();
        }
    }

    private List<ResolverEdge> Explain(IReadOnlyList<EntityProfile> profiles, List<ScoredPair> kept, TokenStatistics stats, double auto)
    {
        var now = _store.Time.GetUtcNow();
        var edges = new List<ResolverEdge>(kept.Count);
        foreach (var chunk in kept.Chunk(4096))
        {
            var features = new float[chunk.Length][];
            var details = new PairDetails[chunk.Length];
            for (var k = 0; k < chunk.Length; k++)
            {
                features[k] = new float[PairFeatures.Count];
                details[k] = new PairDetails();
                PairFeatures.Compute(profiles[chunk[k].Left], profiles[chunk[k].Right], stats, features[k], details[k]);
            }

            var contributions = _matcher.Contributions(features);
            for (var k = 0; k < chunk.Length; k++)
            {
                var s = chunk[k];
                edges.Add(new ResolverEdge(profiles[s.Left].Id, profiles[s.Right].Id, s.Score >= auto ? Judgement.Positive : Judgement.NoJudgement,
                    Math.Round(s.Score, 4), _matcher.Version, null, now, _matcher.Explain(features[k], contributions[k], details[k])));
            }
        }

        return edges;
    }

    private (List<List<int>> Clusters, long Refused) Cluster(IReadOnlyList<EntityProfile> profiles, Dictionary<string, int> index, double auto)
    {
        var clusterer = new ConstrainedClusterer(profiles.Count, i => profiles[i].Schema, _store.Model, i => profiles[i]);
        var analystPositive = new List<(int, int)>();
        var model = new List<(int, int, double)>();
        foreach (var edge in _resolution.ClusteringEdges(auto))
        {
            if (!index.TryGetValue(edge.LeftId, out var a) || !index.TryGetValue(edge.RightId, out var b))
            {
                continue;
            }

            if (edge.IsUserJudgement)
            {
                if (edge.Judgement == Judgement.Negative)
                {
                    clusterer.CannotLink(a, b);
                }
                else if (edge.Judgement == Judgement.Positive)
                {
                    analystPositive.Add((a, b));
                }
            }
            else if (edge.Score is { } score && score >= auto)
            {
                model.Add((a, b, score));
            }
        }

        foreach (var (a, b) in analystPositive)
        {
            clusterer.TryUnion(a, b, analyst: true);
        }

        foreach (var (a, b, _) in model.OrderByDescending(m => m.Item3).ThenBy(m => m.Item1).ThenBy(m => m.Item2))
        {
            clusterer.TryUnion(a, b);
        }

        var clusters = clusterer.Clusters();
        ApplyCanonicalIds(_resolution, clusters.Select(c => (IReadOnlyList<string>)c.Select(i => profiles[i].Id).ToList()).ToList());
        return (clusters, clusterer.Refused);
    }

    /// <summary>Assigns stable canonical ids to the clusters and writes the rows that changed.</summary>
    internal static void ApplyCanonicalIds(ResolutionStore resolution, IReadOnlyList<IReadOnlyList<string>> clusters, ISet<string>? within = null)
    {
        var previous = resolution.LoadClusters();
        if (within is not null)
        {
            // A local re-clustering decides only for its own entities.
            previous = previous.Where(p => within.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }

        var assignment = CanonicalIds.Assign(clusters, previous, resolution.IssuedCanonicalIds());
        var scope = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, canonical) in assignment)
        {
            if (previous.GetValueOrDefault(id) != canonical)
            {
                scope.Add(id);
            }
        }

        foreach (var (id, _) in previous)
        {
            // Dropped from a cluster, or gone from the store altogether.
            if (!assignment.ContainsKey(id))
            {
                scope.Add(id);
            }
        }

        resolution.ApplyClusters(scope, assignment.Where(a => scope.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
    }

    private static ulong ValueHash(Entity entity)
    {
        var hash = new XxHash64();
        hash.Append(Encoding.UTF8.GetBytes(entity.Schema.Name));
        foreach (var item in entity.Items().Select(x => x.Property.Name + "\u001f" + x.Value.Value).Order(StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes(item));
            hash.Append("\u001e"u8);
        }

        return hash.GetCurrentHashAsUInt64();
    }

    private static long Fingerprint(ulong values, long[] neighbours)
    {
        var hash = new XxHash64();
        hash.Append(BitConverter.GetBytes(values));
        foreach (var n in neighbours)
        {
            hash.Append(BitConverter.GetBytes(n));
        }

        return (long)hash.GetCurrentHashAsUInt64();
    }
}
