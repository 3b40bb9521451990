using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using OsintResolver.Index.Querying;

namespace OsintResolver.Index.LuceneIndex;

/// <summary>
/// Counts facet values over every matching document. All facets of a document live in one
/// sorted-set doc-values field as <c>facet\u001fvalue</c>, so a match costs one doc-values
/// lookup however many facets are asked for; ordinals are counted per segment in an array and
/// resolved to strings once per segment.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    public const string Field = "facets";
    public const char Separator = '\u001f';

    private readonly HashSet<string> _wanted;
    private readonly Dictionary<string, Dictionary<string, long>> _totals;
    private SortedSetDocValues? _values;
    private int[]? _counts;

    public FacetCollector(IReadOnlyList<string> facets)
    {
        _wanted = facets.ToHashSet(StringComparer.Ordinal);
        _totals = facets.ToDictionary(f => f, _ => new Dictionary<string, long>(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public static string Value(string facet, string value) => facet + Separator + value;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        if (_wanted.Count == 0)
        {
            return;
        }

        _values = context.AtomicReader.GetSortedSetDocValues(Field);
        _counts = _values is null ? null : new int[_values.ValueCount];
    }

    public void Collect(int doc)
    {
        if (_values is not { } dv)
        {
            return;
        }

        dv.SetDocument(doc);
        long ord;
        while ((ord = dv.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            _counts![ord]++;
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Result(int top)
    {
        Flush();
        return _totals.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<FacetValue>)f.Value
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(top).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList(),
            StringComparer.Ordinal);
    }

    private void Flush()
    {
        if (_values is not { } dv || _counts is not { } counts)
        {
            return;
        }

        var bytes = new BytesRef();
        for (var ord = 0; ord < counts.Length; ord++)
        {
            if (counts[ord] == 0)
            {
                continue;
            }

            dv.LookupOrd(ord, bytes);
            var key = bytes.Utf8ToString();
            var cut = key.IndexOf(Separator, StringComparison.Ordinal);
            if (_totals.TryGetValue(key[..cut], out var totals))
            {
                var value = key[(cut + 1)..];
                totals[value] = totals.GetValueOrDefault(value) + counts[ord];
            }
        }

        _values = null;
        _counts = null;
    }
}
