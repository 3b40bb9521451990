using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace OsintResolver.Resolution.Profiles;

/// <summary>
/// Document frequencies of name tokens in a corpus, for IDF weighting: a shared rare word
/// ("hongxiang") says more than a shared common one ("trading"). Built once, then read-only
/// and safe to share between threads.
/// </summary>
public sealed class TokenStatistics
{
    private readonly ConcurrentDictionary<string, int> _frequencies = new(StringComparer.Ordinal);
    private int _documents;

    /// <summary>No corpus: every token weighs the same.</summary>
    public static TokenStatistics Uniform { get; } = new();

    public int Documents => _documents;

    /// <summary>Statistics of the names of a set of entities (e.g. the candidates of a query, a pairs file).</summary>
    public static TokenStatistics FromEntities(IEnumerable<Model.Entities.Entity> entities)
    {
        var stats = new TokenStatistics();
        foreach (var entity in entities)
        {
            stats.AddDocument(ProfileBuilder.Build(entity).Names.SelectMany(n => n.Tokens));
        }

        return stats.Freeze();
    }

    /// <summary>Counts the distinct tokens of one document (an entity's names).</summary>
    public void AddDocument(IEnumerable<string> tokens)
    {
        foreach (var token in tokens.Distinct(StringComparer.Ordinal))
        {
            _frequencies.AddOrUpdate(token, 1, (_, n) => n + 1);
        }

        Interlocked.Increment(ref _documents);
    }

    private FrozenDictionary<string, double>? _idf;
    private double _unseen = 1.0;

    /// <summary>
    /// Precomputes every token's IDF for fast lookups while scoring; documents added later are
    /// not counted. Returns this instance.
    /// </summary>
    public TokenStatistics Freeze()
    {
        if (_documents >= 20)
        {
            var denominator = Math.Log(_documents + 1.0);
            _idf = _frequencies.ToFrozenDictionary(kv => kv.Key, kv => Math.Log((_documents + 1.0) / (kv.Value + 1.0)) / denominator, StringComparer.Ordinal);
            _unseen = Math.Log(_documents + 1.0) / denominator;
        }

        return this;
    }

    public int Frequency(string token) => _frequencies.GetValueOrDefault(token);

    /// <summary>Normalised inverse document frequency in [0, 1]; 1 for unseen tokens or a tiny corpus.</summary>
    public double Idf(string token)
    {
        if (_idf is not null)
        {
            return _idf.TryGetValue(token, out var idf) ? idf : _unseen;
        }

        if (_documents < 20)
        {
            return 1.0;
        }

        var df = _frequencies.GetValueOrDefault(token);
        return Math.Log((_documents + 1.0) / (df + 1.0)) / Math.Log(_documents + 1.0);
    }
}
