using System.Text;
using OsintResolver.Index.Analysis;
using OsintResolver.Index.Mapping;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Index.Querying;

/// <summary>One word of the query: it matches when any of its keys does.</summary>
internal sealed record QueryWord(string Original, IReadOnlyList<string> Keys, bool Fuzzy, bool Prefix, int MaxEdits = 2)
{
    /// <summary>Edit distance allowed for a key: 1 up to 7 letters, 2 beyond (as Elasticsearch's AUTO does past 5).</summary>
    public static int Edits(string key) => key.Length < QueryLimits.MinFuzzyLength ? 0 : key.Length < 8 ? 1 : 2;

    /// <summary>
    /// Leading characters a misspelling must keep: one for one edit, two for two. The kept prefix
    /// confines the fuzzy search to a block of the term dictionary, which keeps it affordable at
    /// millions of names; a slip in the very first letter (or, in long words, the second) is missed.
    /// </summary>
    public static int FuzzyPrefix(string key) => Math.Max(1, Edits(key));
}

/// <summary>
/// The backend-neutral form of a query, built once from <see cref="SearchQuery"/> or
/// <see cref="MatchQuery"/>: analysed words with their fuzziness, how many must match,
/// identifier keys, and filters. Each backend only translates this into its own query language.
/// </summary>
internal sealed record QueryPlan
{
    public IReadOnlyList<QueryWord> Words { get; init; } = [];

    /// <summary>Words that must match; the rest add to the score.</summary>
    public int MinimumShouldMatch { get; init; }

    /// <summary>Identifier keys: an exact hit on one of these matches on its own.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];

    public IReadOnlyList<string> Schemata { get; init; } = [];

    /// <summary>Exact schema names (not descendants) a candidate must have; used by matching.</summary>
    public IReadOnlyList<string> ExactSchemata { get; init; } = [];

    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Datasets { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> ExcludeIds { get; init; } = [];

    /// <summary>Whether words are searched in other text (addresses, notes) besides names.</summary>
    public bool IncludeText { get; init; } = true;

    public bool IsEmpty => Words.Count == 0 && Identifiers.Count == 0;

    public static QueryPlan ForSearch(SearchQuery query, SchemaModel model)
    {
        QueryLimits.Validate(query);
        var words = new List<QueryWord>();
        var identifiers = new List<string>();
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var raw = query.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (raw.Length > QueryLimits.MaxWords)
            {
                throw new InvalidInputException($"the query has {raw.Length} words; at most {QueryLimits.MaxWords} are allowed");
            }

            foreach (var word in raw)
            {
                if (ParseWord(word, query.Fuzzy) is { } parsed)
                {
                    words.Add(parsed);
                }
            }

            identifiers.AddRange(IdentifierKeys(query.Text, raw));
        }

        var schemata = query.Schemata.Select(s => model.TryGet(s, out var schema)
            ? schema.Name
            : throw new InvalidInputException($"unknown schema '{s}'")).ToList();
        return new QueryPlan
        {
            Words = words,
            MinimumShouldMatch = Required(words.Count),
            Identifiers = identifiers,
            Schemata = schemata,
            Countries = query.Countries.Select(c => PropertyTypes.Country.Clean(c, "countries")).ToList(),
            Datasets = query.Datasets,
            Topics = query.Topics.Select(t => t.ToLowerInvariant()).ToList(),
        };
    }

    /// <summary>
    /// Candidates for an example entity: any of its name keys (fuzzy) or identifiers, among
    /// entities whose schema can describe the same thing.
    /// </summary>
    public static QueryPlan ForMatch(MatchQuery query, SchemaModel model)
    {
        if (query.Limit is < 1 or > QueryLimits.MaxMatchLimit)
        {
            throw new InvalidInputException($"limit must be between 1 and {QueryLimits.MaxMatchLimit} (got {query.Limit})");
        }

        var example = query.Example;
        var keys = new List<QueryWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in example.Names.Take(50))
        {
            var tokens = NameAnalyzer.Analyze(name);
            var hasBigrams = tokens.Any(t => t.Bigram);
            foreach (var (key, bigram) in tokens)
            {
                // For Han names the bigrams carry the meaning; single characters would match half the index.
                if ((hasBigrams && !bigram && key.Length < 4) || !seen.Add(key))
                {
                    continue;
                }

                keys.Add(new QueryWord(key, [key], !bigram && key.Length >= QueryLimits.MinFuzzyLength, Prefix: false));
            }
        }

        var identifiers = example.Items()
            .Where(x => x.Property.Type is IdentifierType)
            .SelectMany(x => IndexMapping.Terms(IndexMapping.Default.FieldFor(x.Property.Type)!, x.Property.Type, x.Value.Value))
            .Distinct(StringComparer.Ordinal).ToList();

        var schemata = model.Schemata.Where(s => !s.Abstract && model.CanMatch(example.Schema, s)).Select(s => s.Name)
            .Order(StringComparer.Ordinal).ToList();
        if (schemata.Count == 0)
        {
            throw new InvalidInputException($"schema '{example.Schema.Name}' is not matchable; use one of: {string.Join(", ", model.Schemata.Where(s => s.Matchable && !s.Abstract).Select(s => s.Name).Order())}");
        }

        var words = keys.Take(64).ToList();
        return new QueryPlan
        {
            Words = words,
            // Two shared keys: enough for a romanised name to meet its Han original (they share
            // the joined syllable pairs), and it lets the index skip through the long postings of
            // common words ("trading", "kim") instead of scoring every entity that has one.
            MinimumShouldMatch = Math.Min(2, words.Count),
            Identifiers = identifiers,
            ExactSchemata = schemata,
            Datasets = query.Datasets,
            Topics = query.Topics,
            ExcludeIds = query.ExcludeEntityIds,
            IncludeText = false,
        };
    }

    /// <summary>All of one or two words; three of four; and so on (legal forms often differ).</summary>
    private static int Required(int words) => words <= 2 ? words : (int)Math.Ceiling(words * 0.75);

    private static QueryWord? ParseWord(string word, bool fuzzy)
    {
        var prefix = word.EndsWith('*');
        var text = word.TrimEnd('*');
        var tokens = NameAnalyzer.Analyze(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var hasBigrams = tokens.Any(t => t.Bigram);
        var keys = tokens.Where(t => !hasBigrams || t.Bigram).Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
        if (prefix)
        {
            if (keys.Count != 1 || hasBigrams)
            {
                throw new InvalidInputException($"'{word}': a prefix search needs one plain word before the *");
            }

            if (keys[0].Length < QueryLimits.MinPrefixLength)
            {
                throw new InvalidInputException($"'{word}': a prefix needs at least {QueryLimits.MinPrefixLength} letters");
            }
        }

        return new QueryWord(word, keys, fuzzy && !hasBigrams && !prefix, prefix);
    }

    /// <summary>The query and each word with a digit, in identifier form (IMO 9123456 → 9123456).</summary>
    private static IEnumerable<string> IdentifierKeys(string text, string[] words)
    {
        var keys = new List<string>();
        void Add(string candidate)
        {
            var compact = IdentifierType.Compact(candidate);
            if (compact.Length >= 4 && compact.Any(char.IsAsciiDigit) && !keys.Contains(compact))
            {
                keys.Add(compact);
                var imo = PropertyTypes.Imo.Normalize(compact);
                if (imo != compact && !keys.Contains(imo))
                {
                    keys.Add(imo);
                }
            }
        }

        Add(text);
        foreach (var word in words)
        {
            Add(word);
        }

        return keys;
    }
}
