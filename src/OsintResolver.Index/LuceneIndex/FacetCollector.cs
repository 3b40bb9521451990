using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using OsintResolver.Index.Querying;

namespace OsintResolver.Index.LuceneIndex;

/// <summary>
/// Counts facet values over every matching document from sorted-set doc values: ordinals are
/// counted per segment in arrays and resolved to strings once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly string[] _fields;
    private readonly Dictionary<string, long>[] _totals;
    private readonly SortedSetDocValues?[] _values;
    private readonly int[]?[] _counts;

    public FacetCollector(IReadOnlyList<string> fields)
    {
        _fields = fields.ToArray();
        _totals = _fields.Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();
        _values = new SortedSetDocValues?[_fields.Length];
        _counts = new int[]?[_fields.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < _fields.Length; i++)
        {
            var dv = context.AtomicReader.GetSortedSetDocValues(_fields[i]);
            _values[i] = dv;
            _counts[i] = dv is null ? null : new int[dv.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_values[i] is not { } dv)
            {
                continue;
            }

            dv.SetDocument(doc);
            long ord;
            while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                _counts[i]![ord]++;
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int top)
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal);
        for (var i = 0; i < _fields.Length; i++)
        {
            result[_fields[i]] = _totals[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(top).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
        }

        return result;
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_values[i] is not { } dv || _counts[i] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }

                dv.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }

            _values[i] = null;
            _counts[i] = null;
        }
    }
}
