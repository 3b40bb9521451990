using System.Collections.Concurrent;
using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Scoring;

/// <summary>A candidate pair (indexes into the profile list) with its probability.</summary>
internal readonly record struct ScoredPair(int Left, int Right, float Score);

/// <summary>
/// Scores candidate pairs in parallel on the flattened trees, keeping those at or above a
/// minimum probability. Feature vectors live on the stack: nothing is allocated per pair.
/// </summary>
internal static class PairScorer
{
    public static List<ScoredPair> Score(IReadOnlyList<EntityProfile> profiles, long[] pairs, TokenStatistics stats, Matcher matcher,
        double minScore, CancellationToken ct = default, Action<long>? progress = null)
    {
        if (pairs.Length == 0)
        {
            return [];
        }

        var results = new ConcurrentBag<List<ScoredPair>>();
        long done = 0;
        var chunk = 16_384;
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, pairs.Length, chunk),
            new ParallelOptions { CancellationToken = ct },
            () => new List<ScoredPair>(),
            (range, _, local) =>
            {
                Span<float> f = stackalloc float[PairFeatures.Count];
                for (var k = range.Item1; k < range.Item2; k++)
                {
                    var i = (int)(pairs[k] >> 32);
                    var j = (int)(pairs[k] & 0xffffffff);
                    PairFeatures.Compute(profiles[i], profiles[j], stats, f);
                    var p = matcher.Probability(f);
                    if (p >= minScore)
                    {
                        local.Add(new ScoredPair(i, j, (float)p));
                    }
                }

                var total = Interlocked.Add(ref done, range.Item2 - range.Item1);
                progress?.Invoke(total);
                return local;
            },
            results.Add);

        var all = new List<ScoredPair>(results.Sum(r => r.Count));
        foreach (var r in results)
        {
            all.AddRange(r);
        }

        return all;
    }
}
