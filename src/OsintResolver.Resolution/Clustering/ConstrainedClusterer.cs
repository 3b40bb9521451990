using OsintResolver.Model.Schemata;

namespace OsintResolver.Resolution.Clustering;

/// <summary>
/// Union-find with cannot-links: merging two clusters is refused when an analyst judged any
/// member of one different from any member of the other (so a negative judgement holds
/// transitively: no cluster ever contains both sides), or when their schemata cannot describe
/// one thing. Feed analyst positives first, then model edges from the strongest down.
/// </summary>
internal sealed class ConstrainedClusterer
{
    private readonly int[] _parent;
    private readonly int[] _size;
    private readonly Schema?[] _schema;
    private readonly Dictionary<int, List<int>> _cannot = [];
    private readonly SchemaModel _model;

    public ConstrainedClusterer(int count, Func<int, Schema?>? schemaOf = null, SchemaModel? model = null)
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
        }
    }

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

    /// <summary>Merges the clusters of a and b unless a constraint forbids it; true when they are (now) one.</summary>
    public bool TryUnion(int a, int b)
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
