using System.Text.Json.Nodes;
using OsintResolver.Index.Mapping;
using OsintResolver.Index.Querying;

namespace OsintResolver.Index.Elasticsearch;

/// <summary>Translates a <see cref="QueryPlan"/> into Elasticsearch query DSL, clause for clause like the Lucene builder.</summary>
internal static class ElasticsearchQueryBuilder
{
    private const string NameKeys = "names" + ElasticsearchMapping.KeysSuffix;

    public static JsonObject Query(QueryPlan plan)
    {
        var must = new JsonArray();
        if (plan.IsEmpty)
        {
            must.Add(new JsonObject { ["match_all"] = new JsonObject() });
        }
        else
        {
            var should = new JsonArray();
            if (plan.Words.Count > 0)
            {
                var words = new JsonArray();
                foreach (var word in plan.Words)
                {
                    words.Add(Word(word, plan.IncludeText));
                }

                should.Add(new JsonObject
                {
                    ["bool"] = new JsonObject { ["should"] = words, ["minimum_should_match"] = plan.MinimumShouldMatch },
                });
            }

            foreach (var id in plan.Identifiers)
            {
                should.Add(Term("identifiers", id, 10));
            }

            must.Add(new JsonObject { ["bool"] = new JsonObject { ["should"] = should, ["minimum_should_match"] = 1 } });
        }

        var filter = new JsonArray();
        AddAny(filter, IndexMapping.Schemata, plan.Schemata);
        AddAny(filter, IndexMapping.Schema, plan.ExactSchemata);
        AddAny(filter, "countries", plan.Countries);
        AddAny(filter, IndexMapping.Datasets, plan.Datasets);
        AddAny(filter, "topics", plan.Topics);

        var query = new JsonObject { ["must"] = must };
        if (filter.Count > 0)
        {
            query["filter"] = filter;
        }

        if (plan.ExcludeIds.Count > 0)
        {
            query["must_not"] = new JsonArray(new JsonObject { ["terms"] = new JsonObject { [IndexMapping.Id] = Strings(plan.ExcludeIds) } });
        }

        return new JsonObject { ["bool"] = query };
    }

    public static JsonObject Aggregations(IEnumerable<string> facets)
    {
        var aggs = new JsonObject();
        foreach (var facet in facets)
        {
            aggs[facet] = new JsonObject
            {
                ["terms"] = new JsonObject { ["field"] = facet, ["size"] = QueryLimits.MaxFacetValues },
            };
        }

        return aggs;
    }

    /// <summary>Highlights on the stored text as written, HTML-escaped, whole values.</summary>
    public static JsonObject Highlight(string text)
    {
        JsonObject Field(string name) => new()
        {
            ["number_of_fragments"] = 0,
            ["highlight_query"] = new JsonObject
            {
                ["match"] = new JsonObject
                {
                    [name] = new JsonObject { ["query"] = text, ["fuzziness"] = "AUTO", ["max_expansions"] = QueryLimits.MaxExpansions },
                },
            },
        };

        return new JsonObject
        {
            ["encoder"] = "html",
            ["pre_tags"] = new JsonArray("<em>"),
            ["post_tags"] = new JsonArray("</em>"),
            ["fields"] = new JsonObject { ["names"] = Field("names"), ["addresses"] = Field("addresses") },
        };
    }

    private static JsonObject Word(QueryWord word, bool includeText)
    {
        var any = new JsonArray();
        foreach (var key in word.Keys)
        {
            any.Add(Term(NameKeys, key, 3));
            if (word.Prefix)
            {
                any.Add(Prefix(NameKeys, key, 2));
            }
            else if (word.Fuzzy && QueryWord.Edits(key) > 0)
            {
                any.Add(new JsonObject
                {
                    ["fuzzy"] = new JsonObject
                    {
                        [NameKeys] = new JsonObject
                        {
                            ["value"] = key,
                            ["fuzziness"] = QueryWord.Edits(key),
                            ["prefix_length"] = QueryWord.FuzzyPrefix(key),
                            ["max_expansions"] = QueryLimits.MaxExpansions,
                            ["transpositions"] = true,
                            ["boost"] = 1.5,
                        },
                    },
                });
            }

            if (includeText)
            {
                foreach (var field in new[] { "addresses", "text" })
                {
                    any.Add(word.Prefix ? Prefix(field + ElasticsearchMapping.KeysSuffix, key, 0.5) : Term(field + ElasticsearchMapping.KeysSuffix, key, 0.5));
                }
            }
        }

        return new JsonObject { ["bool"] = new JsonObject { ["should"] = any } };
    }

    private static JsonObject Term(string field, string value, double boost) => new()
    {
        ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["boost"] = boost } },
    };

    private static JsonObject Prefix(string field, string value, double boost) => new()
    {
        ["prefix"] = new JsonObject
        {
            [field] = new JsonObject { ["value"] = value, ["rewrite"] = $"top_terms_{QueryLimits.MaxExpansions}", ["boost"] = boost },
        },
    };

    private static void AddAny(JsonArray filter, string field, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            filter.Add(new JsonObject { ["terms"] = new JsonObject { [field] = Strings(values) } });
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
