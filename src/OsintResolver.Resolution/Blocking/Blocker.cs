using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using OsintResolver.Model.Schemata;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Blocking;

/// <summary>How candidate pairs are found.</summary>
public sealed record BlockingOptions
{
    /// <summary>Blocks with more entities than this are dropped (and reported): a key that common says nothing.</summary>
    public int MaxBlockSize { get; init; } = 200;

    /// <summary>How many of a name's rarest tokens become keys.</summary>
    public int RareTokensPerName { get; init; } = 2;
}

/// <summary>What blocking produced: candidate pairs and how the blocks looked.</summary>
public sealed record BlockingReport(long Entities, long Keys, long Blocks, long OversizedBlocks, long CandidatePairs, double ReductionRatio)
{
    /// <summary>Share of true matching pairs among the candidates (pairs completeness), when labels are known.</summary>
    public double? PairsCompleteness { get; init; }
}

/// <summary>
/// Finds candidate pairs with several keys per entity so that one noisy field does not hide a
/// match: the rarest name tokens (by IDF), a phonetic key and a sorted-token key per name, a
/// consonant skeleton (for scripts without vowels), identifiers, and birth date. Every block
/// has a size guard. Pairs are only formed between schemata that can describe one thing.
/// </summary>
internal sealed class Blocker
{
    private readonly BlockingOptions _options;

    public Blocker(BlockingOptions? options = null) => _options = options ?? new BlockingOptions();

    /// <summary>
    /// Candidate pairs as (i &lt;&lt; 32 | j) with i &lt; j, sorted and distinct. With
    /// <paramref name="changed"/>, only pairs touching a changed entity are returned.
    /// </summary>
    public long[] Pairs(IReadOnlyList<EntityProfile> profiles, TokenStatistics stats, out BlockingReport report, IReadOnlyList<bool>? changed = null, SchemaModel? model = null)
    {
        model ??= SchemaModel.Default;
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new List<string>(16);
        for (var i = 0; i < profiles.Count; i++)
        {
            keys.Clear();
            Keys(profiles[i], stats, keys);
            foreach (var key in keys)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(blocks, key, out _);
                list ??= new List<int>(2);
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        var schemata = profiles.Select(p => p.Schema).Distinct().ToList();
        var schemaIndex = schemata.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var compatible = new bool[schemata.Count, schemata.Count];
        for (var x = 0; x < schemata.Count; x++)
        {
            for (var y = 0; y < schemata.Count; y++)
            {
                compatible[x, y] = model.CanMatch(schemata[x], schemata[y]);
            }
        }

        var kinds = profiles.Select(p => schemaIndex[p.Schema]).ToArray();
        long oversized = 0, used = 0;
        var buffers = new ConcurrentBag<List<long>>();
        var blockLists = blocks.Values.Where(b => b.Count > 1).ToList();
        foreach (var b in blockLists)
        {
            if (b.Count > _options.MaxBlockSize)
            {
                oversized++;
            }
            else
            {
                used++;
            }
        }

        Parallel.ForEach(Partitioner.Create(0, Math.Max(1, blockLists.Count), Math.Max(1, blockLists.Count / (Environment.ProcessorCount * 8) + 1)),
            () => new List<long>(),
            (range, _, local) =>
            {
                for (var k = range.Item1; k < Math.Min(range.Item2, blockLists.Count); k++)
                {
                    var block = blockLists[k];
                    if (block.Count > _options.MaxBlockSize)
                    {
                        continue;
                    }

                    for (var x = 0; x < block.Count; x++)
                    {
                        var i = block[x];
                        for (var y = x + 1; y < block.Count; y++)
                        {
                            var j = block[y];
                            if (changed is not null && !changed[i] && !changed[j])
                            {
                                continue;
                            }

                            if (!compatible[kinds[i], kinds[j]])
                            {
                                continue;
                            }

                            local.Add(i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i);
                        }
                    }
                }

                return local;
            },
            buffers.Add);

        var all = new long[buffers.Sum(b => b.Count)];
        var offset = 0;
        foreach (var buffer in buffers)
        {
            buffer.CopyTo(all, offset);
            offset += buffer.Count;
        }

        Array.Sort(all);
        var distinct = 0;
        for (var k = 0; k < all.Length; k++)
        {
            if (k == 0 || all[k] != all[k - 1])
            {
                all[distinct++] = all[k];
            }
        }

        Array.Resize(ref all, distinct);
        var n = (double)profiles.Count;
        var possible = n * (n - 1) / 2;
        report = new BlockingReport(profiles.Count, blocks.Count, used, oversized, all.Length, possible > 0 ? 1 - all.Length / possible : 0);
        return all;
    }

    /// <summary>The blocking keys of one entity.</summary>
    internal void Keys(EntityProfile p, TokenStatistics stats, List<string> keys)
    {
        var prefix = p.Kind switch
        {
            Text.Names.NameKind.Person => "P",
            Text.Names.NameKind.Vessel => "V",
            _ => "O",
        };

        foreach (var name in p.Names)
        {
            keys.Add($"{prefix}s:{name.Sorted}");
            var codes = name.Phonetic.Where(c => c.Length > 0).Order(StringComparer.Ordinal).ToArray();
            if (codes.Length > 0)
            {
                keys.Add($"{prefix}p:{string.Join('.', codes)}");
            }

            if (name.Skeleton.Length >= 3)
            {
                keys.Add($"{prefix}k:{name.Skeleton}");
            }

            if (name.Tokens.Count > 1)
            {
                var rare = name.Tokens.Where(t => t.Length > 1).Distinct()
                    .OrderBy(stats.Frequency).ThenBy(t => t, StringComparer.Ordinal)
                    .Take(_options.RareTokensPerName);
                foreach (var token in rare)
                {
                    keys.Add($"{prefix}t:{token}");
                }
            }
        }

        foreach (var id in p.Identifiers)
        {
            keys.Add("i:" + id.Key);
            if (id.Kind == "email" && id.Value.IndexOf('@') is > 2 and var at)
            {
                // The mailbox name survives a mistyped domain.
                keys.Add("e:" + id.Value[..at]);
            }
        }

        if (p.Kind == Text.Names.NameKind.Person)
        {
            foreach (var date in p.Dates)
            {
                if (date.Precision == 3)
                {
                    keys.Add($"Pd:{date}");
                }
            }
        }
    }
}
