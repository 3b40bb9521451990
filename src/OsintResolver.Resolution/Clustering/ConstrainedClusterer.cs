using OsintResolver.Model.Schemata;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Text.Identifiers;
using OsintResolver.Text.Similarity;

namespace OsintResolver.Resolution.Clustering;

/// <summary>
/// Union-find with cannot-links: merging two clusters is refused when an analyst judged any
/// member of one different from any member of the other (so a negative judgement holds
/// transitively: no cluster ever contains both sides), or when their schemata cannot describe
/// one thing. With facts, a model edge is also refused when the two clusters contradict each
/// other on a fact that tells things apart (full dates that do not even nearly agree; the same
/// kind of strong identifier with no value in common): this stops a chain of plausible pairs
/// (Chen Gui Yong ~ Chen Gui ~ Yang Gui) from merging different people. Analyst positives are
/// not refused for facts. Feed analyst positives first, then model edges from the strongest down.
/// </summary>
internal sealed class ConstrainedClusterer
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly Schema?[] _schema;
    private readonly Dictionary<int, List<int>> _cannot = [];
    private readonly SchemaModel _model;
    private readonly Dictionary<int, ClusterFacts> _facts = [];

    public ConstrainedClusterer(int count, Func<int, Schema?>? schemaOf = null, SchemaModel? model = null, Func<int, EntityProfile?>? profileOf = null)
    {
        _parent = new int[count];
        _size = new int[count];
        _schema = new Schema?[count];
        _model = model ?? SchemaModel.Default;
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
            _schema[i] = schemaOf?.Invoke(i);
            if (profileOf?.Invoke(i) is { } profile && ClusterFacts.Of(profile) is { } facts)
            {
                _facts[i] = facts;
            }
        }
    }

    /// <summary>Merges refused because the clusters contradict each other on facts.</summary>
    public long RefusedForFacts { get; private set; }

    /// <summary>Merges refused because of a cannot-link or incompatible schemata.</summary>
    public long Refused { get; private set; }

    public int Count => _parent.Length;

    public void CannotLink(int a, int b)
    {
        if (a == b)
        {
            return;
        }

        Add(a, b);
        Add(b, a);
    }

    private void Add(int a, int b)
    {
        if (!_cannot.TryGetValue(a, out var list))
        {
            list = [];
            _cannot[a] = list;
        }

        list.Add(b);
    }

    public int Find(int x)
    {
        var root = x;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[x] != root)
        {
            var next = _parent[x];
            _parent[x] = root;
            x = next;
        }

        return root;
    }

    /// <summary>
    /// Merges the clusters of a and b unless a constraint forbids it; true when they are (now)
    /// one. An analyst's merge is checked against cannot-links and schemata, not facts.
    /// </summary>
    public bool TryUnion(int a, int b, bool analyst = false)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }

        if (Forbidden(ra, rb))
        {
            Refused++;
            return false;
        }

        _facts.TryGetValue(ra, out var fa);
        _facts.TryGetValue(rb, out var fb);
        if (!analyst && fa is not null && fb is not null && fa.Contradicts(fb))
        {
            Refused++;
            RefusedForFacts++;
            return false;
        }

        Schema? merged = null;
        if (_schema[ra] is { } sa && _schema[rb] is { } sb)
        {
            merged = _model.Common(sa, sb);
            if (merged is null)
            {
                Refused++;
                return false;
            }
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        if (fa is not null || fb is not null)
        {
            _facts.Remove(rb);
            _facts[ra] = fa is null ? fb! : fb is null ? fa : fa.With(fb);
        }

        _schema[ra] = merged ?? _schema[ra] ?? _schema[rb];
        if (_cannot.Remove(rb, out var moved))
        {
            if (_cannot.TryGetValue(ra, out var into))
            {
                into.AddRange(moved);
            }
            else
            {
                _cannot[ra] = moved;
            }
        }

        return true;
    }

    private bool Forbidden(int ra, int rb)
    {
        _cannot.TryGetValue(ra, out var la);
        _cannot.TryGetValue(rb, out var lb);
        if (la is null || lb is null)
        {
            // A cannot-link is stored on both sides' roots, so one empty side means none between them.
            return false;
        }

        var (list, other) = la.Count <= lb.Count ? (la, rb) : (lb, ra);
        foreach (var partner in list)
        {
            if (Find(partner) == other)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Clusters with two or more members, as lists of member indexes.</summary>
    public List<List<int>> Clusters()
    {
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var root = Find(i);
            if (_size[root] < 2)
            {
                continue;
            }

            if (!groups.TryGetValue(root, out var list))
            {
                list = [];
                groups[root] = list;
            }

            list.Add(i);
        }

        return [.. groups.Values];
    }
}

/// <summary>The facts of a cluster that tell things apart: full dates and strong identifiers.</summary>
internal sealed class ClusterFacts
{
    private const int Cap = 16;
    private readonly List<PartialDate> _dates;
    private readonly List<IdentifierKey> _ids;

    private ClusterFacts(List<PartialDate> dates, List<IdentifierKey> ids)
    {
        _dates = dates;
        _ids = ids;
    }

    public static ClusterFacts? Of(EntityProfile profile)
    {
        var dates = profile.Dates.Where(d => d.Precision == 3).ToList();
        var ids = profile.Identifiers.Where(i => i.Strength == IdentifierStrength.Strong && i.Valid).ToList();
        return dates.Count == 0 && ids.Count == 0 ? null : new ClusterFacts(dates, ids);
    }

    public ClusterFacts With(ClusterFacts other)
    {
        var dates = _dates.Concat(other._dates).Distinct().Take(Cap).ToList();
        var ids = _ids.Concat(other._ids).Distinct().Take(Cap).ToList();
        return new ClusterFacts(dates, ids);
    }

    /// <summary>
    /// Whether one date could be a mistyped form of the other: they agree as far as
    /// <see cref="PartialDate.Similarity"/> sees, or the years are a year apart or differ in a
    /// single digit (1986 typed as 1996).
    /// </summary>
    private static bool Compatible(PartialDate x, PartialDate y)
    {
        if (PartialDate.Similarity(x, y) > 0 || Math.Abs(x.Year - y.Year) <= 1)
        {
            return true;
        }

        var a = x.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var b = y.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return a.Zip(b).Count(p => p.First != p.Second) <= 1;
    }

    public bool Contradicts(ClusterFacts other)
    {
        if (_dates.Count > 0 && other._dates.Count > 0)
        {
            var compatible = false;
            foreach (var x in _dates)
            {
                foreach (var y in other._dates)
                {
                    if (Compatible(x, y))
                    {
                        compatible = true;
                        break;
                    }
                }

                if (compatible)
                {
                    break;
                }
            }

            if (!compatible)
            {
                return true;
            }
        }

        // For each kind of identifier both sides have: some value must agree (within one edit).
        foreach (var x in _ids)
        {
            var sameKind = false;
            var agree = false;
            foreach (var y in other._ids)
            {
                if (y.Kind != x.Kind)
                {
                    continue;
                }

                sameKind = true;
                foreach (var z in _ids)
                {
                    if (z.Kind == x.Kind && (z.Value == y.Value || StringSimilarity.Levenshtein(z.Value, y.Value) <= 1))
                    {
                        agree = true;
                        break;
                    }
                }

                if (agree)
                {
                    break;
                }
            }

            if (sameKind && !agree)
            {
                return true;
            }
        }

        return false;
    }
}
