using Lucene.Net.Index;
using Lucene.Net.Search;
using OsintResolver.Index.Mapping;
using OsintResolver.Index.Querying;

namespace OsintResolver.Index.LuceneIndex;

/// <summary>Translates a <see cref="QueryPlan"/> into a Lucene query and filter.</summary>
internal static class LuceneQueryBuilder
{
    private const string Names = "names";

    /// <summary>
    /// Match candidates are re-scored by the matcher, so their query can be cheaper than a
    /// search's, using the index's own term statistics: a name word found in more than
    /// <see cref="CommonShare"/> of the documents ("trading", "kim") is left out when two rarer
    /// words remain (its postings are the longest to walk, and it tells candidates apart least).
    /// Fuzzy expansion is kept for the words likely to be misspelt in the query: a word the index
    /// lacks gets the full edit distance, a rare one (fewer than <see cref="EstablishedFrequency"/>
    /// documents) one edit, and an established spelling none. The price: an entity whose own
    /// name misspells an established word is found only through its other words.
    /// </summary>
    public static QueryPlan TuneForMatch(QueryPlan plan, IndexReader reader)
    {
        var common = Math.Max(1000, (int)(reader.MaxDoc * CommonShare));
        var words = plan.Words.Select(w => (Word: w, Frequency: w.Keys.Max(k => reader.DocFreq(new Term(Names, k))))).ToList();
        var rare = words.Where(w => w.Frequency <= common).ToList();
        var kept = rare.Count >= plan.MinimumShouldMatch && rare.Count >= 2 ? rare : words;
        var tuned = kept.Select(w => w.Word with
        {
            MaxEdits = w.Frequency >= EstablishedFrequency ? 0 : w.Frequency > 0 ? Math.Min(1, w.Word.MaxEdits) : w.Word.MaxEdits,
        }).ToList();
        return plan with { Words = tuned, MinimumShouldMatch = Math.Min(plan.MinimumShouldMatch, tuned.Count) };
    }

    /// <summary>Share of the documents above which a name word counts as common.</summary>
    public const double CommonShare = 0.02;

    /// <summary>Documents from which a name word counts as an established spelling, not fuzzily expanded.</summary>
    public const int EstablishedFrequency = 20;

    public static Query Build(QueryPlan plan)
    {
        var root = new BooleanQuery();
        if (plan.IsEmpty)
        {
            root.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        else
        {
            var match = new BooleanQuery();
            if (plan.Words.Count > 0)
            {
                var words = new BooleanQuery { MinimumNumberShouldMatch = plan.MinimumShouldMatch };
                foreach (var word in plan.Words)
                {
                    words.Add(Word(word, plan.IncludeText), Occur.SHOULD);
                }

                match.Add(words, Occur.SHOULD);
            }

            foreach (var id in plan.Identifiers)
            {
                match.Add(new TermQuery(new Term("identifiers", id)) { Boost = 10f }, Occur.SHOULD);
            }

            root.Add(match, Occur.MUST);
        }

        foreach (var id in plan.ExcludeIds)
        {
            root.Add(new TermQuery(new Term(IndexMapping.Id, id)), Occur.MUST_NOT);
        }

        return root;
    }

    /// <summary>The filters as one Lucene filter, or null when there are none.</summary>
    public static Filter? Filter(QueryPlan plan)
    {
        var filter = new BooleanQuery();
        AddAny(filter, IndexMapping.Schemata, plan.Schemata);
        AddAny(filter, IndexMapping.Schema, plan.ExactSchemata);
        AddAny(filter, "countries", plan.Countries);
        AddAny(filter, IndexMapping.Datasets, plan.Datasets);
        AddAny(filter, "topics", plan.Topics);
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static void AddAny(BooleanQuery filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        filter.Add(any, Occur.MUST);
    }

    private static Query Word(QueryWord word, bool includeText)
    {
        var any = new BooleanQuery();
        foreach (var key in word.Keys)
        {
            any.Add(new TermQuery(new Term(Names, key)) { Boost = 3f }, Occur.SHOULD);
            if (word.Prefix)
            {
                any.Add(Prefix(Names, key, 2f), Occur.SHOULD);
            }
            else if (word.Fuzzy && Math.Min(QueryWord.Edits(key), word.MaxEdits) is var edits && edits > 0)
            {
                any.Add(new FuzzyQuery(new Term(Names, key), edits, prefixLength: QueryWord.FuzzyPrefix(key),
                    maxExpansions: QueryLimits.MaxExpansions, transpositions: true) { Boost = 1.5f }, Occur.SHOULD);
            }

            if (includeText)
            {
                foreach (var field in new[] { "addresses", "text" })
                {
                    any.Add(word.Prefix ? Prefix(field, key, 0.5f) : new TermQuery(new Term(field, key)) { Boost = 0.5f }, Occur.SHOULD);
                }
            }
        }

        return any;
    }

    // Scored on the best few terms only: a prefix can never enumerate the dictionary.
    private static PrefixQuery Prefix(string field, string key, float boost) => new(new Term(field, key))
    {
        MultiTermRewriteMethod = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(QueryLimits.MaxExpansions),
        Boost = boost,
    };
}
