using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Evaluation;

/// <summary>Blocking measured on labelled entities: pairs completeness (recall of true pairs) and reduction ratio.</summary>
public static class BlockingEvaluation
{
    public static BlockingReport Evaluate(IReadOnlyList<Entity> entities, IReadOnlyDictionary<string, string> truth, BlockingOptions? options = null)
    {
        var profiles = new EntityProfile[entities.Count];
        Parallel.For(0, entities.Count, i => profiles[i] = ProfileBuilder.Build(entities[i]));
        var stats = new TokenStatistics();
        foreach (var p in profiles)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        var pairs = new Blocker(options).Pairs(profiles, stats.Freeze(), out var report);
        var found = pairs.LongCount(p =>
            truth.TryGetValue(profiles[(int)(p >> 32)].Id, out var a) && truth.TryGetValue(profiles[(int)(p & 0xffffffff)].Id, out var b) && a == b);
        var labelled = profiles.Where(p => truth.ContainsKey(p.Id)).GroupBy(p => truth[p.Id]).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        return report with { PairsCompleteness = labelled == 0 ? null : (double)found / labelled };
    }
}
