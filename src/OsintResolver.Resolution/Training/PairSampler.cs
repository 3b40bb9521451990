using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Training;

/// <summary>
/// Turns labelled records into training pairs: every pair within a cluster (capped for big
/// clusters) as positives; as negatives, pairs the blocker proposes across clusters (hard
/// negatives: look-alikes) plus some random pairs.
/// </summary>
public static class PairSampler
{
    public static List<LabelledPair> Sample(LabelledRecords labelled, int seed, int maxPairsPerCluster = 15, double negativesPerPositive = 3.0, double randomNegativesPerRecord = 0.5)
    {
        var random = new Random(seed);
        var records = labelled.Records;
        var pairs = new List<LabelledPair>();
        foreach (var cluster in records.Select((r, i) => (r, i)).GroupBy(x => x.r.Cluster))
        {
            var members = cluster.Select(x => x.i).ToList();
            var all = new List<(int, int)>();
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    all.Add((members[x], members[y]));
                }
            }

            foreach (var (i, j) in all.OrderBy(_ => random.Next()).Take(maxPairsPerCluster))
            {
                pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, true, records[i].Cluster, records[j].Cluster, labelled.Source));
            }
        }

        var positives = pairs.Count;
        var profiles = records.Select(r => ProfileBuilder.Build(r.Entity)).ToList();
        var stats = new TokenStatistics();
        foreach (var p in profiles)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        var candidates = new Blocker().Pairs(profiles, stats, out _);
        var hard = candidates.Select(c => ((int)(c >> 32), (int)(c & 0xffffffff)))
            .Where(c => records[c.Item1].Cluster != records[c.Item2].Cluster)
            .OrderBy(_ => random.Next())
            .Take((int)(positives * negativesPerPositive))
            .ToList();
        foreach (var (i, j) in hard)
        {
            pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, false, records[i].Cluster, records[j].Cluster, labelled.Source));
        }

        var randomCount = (int)(records.Count * randomNegativesPerRecord);
        var model = Model.Schemata.SchemaModel.Default;
        for (var k = 0; k < randomCount * 3 && randomCount > 0; k++)
        {
            var i = random.Next(records.Count);
            var j = random.Next(records.Count);
            if (records[i].Cluster == records[j].Cluster || !model.CanMatch(records[i].Entity.Schema, records[j].Entity.Schema))
            {
                continue;
            }

            pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, false, records[i].Cluster, records[j].Cluster, labelled.Source));
            if (--randomCount == 0)
            {
                break;
            }
        }

        return pairs;
    }
}
