using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using OsintResolver.Model.Schemata;
using OsintResolver.Resolution.Profiles;

namespace OsintResolver.Resolution.Blocking;

/// <summary>How candidate pairs are found.</summary>
public sealed record BlockingOptions
{
    /// <summary>Blocks with more entities than this are dropped (and reported): a key that common says nothing.</summary>
    public int MaxBlockSize { get; init; } = 200;

    /// <summary>
    /// The guard for weak keys (birth date with a name's initial, birth year with a word's
    /// sound): they find badly mistyped records in small blocks, and say little in big ones.
    /// </summary>
    public int MaxWeakBlockSize { get; init; } = 25;

    /// <summary>How many of a name's rarest tokens become keys.</summary>
    public int RareTokensPerName { get; init; } = 2;

    /// <summary>
    /// A token alone is a key only when at most this many names have it; commoner tokens key
    /// only as the pair of a name's two rarest tokens.
    /// </summary>
    public int RareTokenMaxFrequency { get; init; } = 50;
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

        // Keys are hashed to 64 bits and sorted with their entity: blocks are runs of equal
        // hashes. This needs 12 bytes per key instead of a dictionary of strings and lists.
        var perThread = new ConcurrentBag<(List<long> Hashes, List<int> Entities)>();
        Parallel.ForEach(Partitioner.Create(0, Math.Max(1, profiles.Count), 4096),
            () => (new List<long>(), new List<int>(), new List<string>(16)),
            (range, _, local) =>
            {
                for (var i = range.Item1; i < Math.Min(range.Item2, profiles.Count); i++)
                {
                    local.Item3.Clear();
                    Keys(profiles[i], stats, local.Item3);
                    foreach (var key in local.Item3)
                    {
                        // The lowest bit marks weak keys (birth date with a name's initial or
                        // sound), which get a tighter size guard.
                        var hash = (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key.AsSpan())) & ~1L;
                        local.Item1.Add(key.StartsWith("P", StringComparison.Ordinal) && key.Length > 2 && key[1] is 'y' or 'd' && key[2] == ':' ? hash | 1 : hash);
                        local.Item2.Add(i);
                    }
                }

                return local;
            },
            local => perThread.Add((local.Item1, local.Item2)));

        var total = perThread.Sum(t => t.Hashes.Count);
        var hashes = new long[total];
        var members = new int[total];
        var offset = 0;
        foreach (var (h, e) in perThread)
        {
            h.CopyTo(hashes, offset);
            e.CopyTo(members, offset);
            offset += h.Count;
        }

        Array.Sort(hashes, members);
        var blocks = new List<(int Start, int Length)>();
        long keys = 0, oversized = 0;
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && hashes[end] == hashes[start])
            {
                end++;
            }

            keys++;
            if (end - start > 1)
            {
                // One entity may give a key twice (two names): keep members distinct.
                Array.Sort(members, start, end - start);
                var distinct = 1;
                for (var k = start + 1; k < end; k++)
                {
                    if (members[k] != members[start + distinct - 1])
                    {
                        members[start + distinct++] = members[k];
                    }
                }

                if (distinct > ((hashes[start] & 1) == 1 ? _options.MaxWeakBlockSize : _options.MaxBlockSize))
                {
                    oversized++;
                }
                else if (distinct > 1)
                {
                    blocks.Add((start, distinct));
                }
            }

            start = end;
        }

        var schemata = profiles.Select(p => p.Schema).Distinct().ToList();
        var schemaIndex = schemata.Select((sc, i) => (sc, i)).ToDictionary(x => x.sc, x => x.i);
        var compatible = new bool[schemata.Count, schemata.Count];
        for (var x = 0; x < schemata.Count; x++)
        {
            for (var y = 0; y < schemata.Count; y++)
            {
                compatible[x, y] = model.CanMatch(schemata[x], schemata[y]);
            }
        }

        var kinds = profiles.Select(p => schemaIndex[p.Schema]).ToArray();
        var buffers = new ConcurrentBag<List<long>>();
        Parallel.ForEach(Partitioner.Create(0, Math.Max(1, blocks.Count), Math.Max(1, blocks.Count / (Environment.ProcessorCount * 8) + 1)),
            () => new List<long>(),
            (range, _, local) =>
            {
                for (var k = range.Item1; k < Math.Min(range.Item2, blocks.Count); k++)
                {
                    var (start, length) = blocks[k];
                    for (var x = start; x < start + length; x++)
                    {
                        var i = members[x];
                        for (var y = x + 1; y < start + length; y++)
                        {
                            var j = members[y];
                            if (changed is not null && !changed[i] && !changed[j])
                            {
                                continue;
                            }

                            if (!compatible[kinds[i], kinds[j]])
                            {
                                continue;
                            }

                            // Members are sorted, so i < j.
                            local.Add(((long)i << 32) | (uint)j);
                        }
                    }
                }

                return local;
            },
            buffers.Add);

        var all = new long[buffers.Sum(b => b.Count)];
        offset = 0;
        foreach (var buffer in buffers)
        {
            buffer.CopyTo(all, offset);
            offset += buffer.Count;
        }

        Array.Sort(all);
        var unique = 0;
        for (var k = 0; k < all.Length; k++)
        {
            if (k == 0 || all[k] != all[k - 1])
            {
                all[unique++] = all[k];
            }
        }

        Array.Resize(ref all, unique);
        var n = (double)profiles.Count;
        var possible = n * (n - 1) / 2;
        report = new BlockingReport(profiles.Count, keys, blocks.Count, oversized, all.Length, possible > 0 ? 1 - all.Length / possible : 0);
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
                    .Take(_options.RareTokensPerName).ToList();
                foreach (var token in rare)
                {
                    if (stats.Frequency(token) <= _options.RareTokenMaxFrequency)
                    {
                        keys.Add($"{prefix}t:{token}");
                    }
                }

                if (rare.Count == 2)
                {
                    // Survives extra, missing and reordered words, where the full keys do not.
                    keys.Add(string.CompareOrdinal(rare[0], rare[1]) < 0 ? $"{prefix}tt:{rare[0]} {rare[1]}" : $"{prefix}tt:{rare[1]} {rare[0]}");
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
            // Birth date with the initial of a name word: finds badly mistyped names without
            // pairing everyone born on one day.
            foreach (var date in p.Dates)
            {
                if (date.Precision != 3)
                {
                    continue;
                }

                foreach (var initial in p.Names.SelectMany(n => n.Tokens).Select(t => t[0]).Distinct())
                {
                    keys.Add($"Pd:{date}:{initial}");
                }

                // Birth year with each word's sound: finds names with typos in every word's
                // spelling but not its sound, whatever the rest of the date says.
                foreach (var name in p.Names)
                {
                    // The two rarest words' sounds only: common given names would make huge blocks.
                    var rarest = Enumerable.Range(0, name.Tokens.Count)
                        .Where(t => name.Phonetic[t].Length > 1)
                        .OrderBy(t => stats.Frequency(name.Tokens[t])).ThenBy(t => t)
                        .Take(2);
                    foreach (var t in rarest)
                    {
                        keys.Add($"Py:{date.Year}:{name.Phonetic[t]}");
                    }
                }

                if (p.Names.Length == 0)
                {
                    // A record without a name: the birth date alone, against every initial.
                    foreach (var initial in "abcdefghijklmnopqrstuvwxyz0123456789")
                    {
                        keys.Add($"Pd:{date}:{initial}");
                    }
                }
            }
        }
    }
}
