using Lucene.Net.Index;
using Lucene.Net.Search;
using OsintResolver.Index.Mapping;
using OsintResolver.Index.Querying;

namespace OsintResolver.Index.LuceneIndex;

/// <summary>Translates a <see cref="QueryPlan"/> into a Lucene query and filter.</summary>
internal static class LuceneQueryBuilder
{
    private const string Names = "names";

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
            else if (word.Fuzzy && QueryWord.Edits(key) > 0)
            {
                any.Add(new FuzzyQuery(new Term(Names, key), QueryWord.Edits(key), prefixLength: QueryWord.FuzzyPrefix(key),
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
