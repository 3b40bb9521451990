using OsintResolver.Index.Analysis;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Types;
using OsintResolver.Text.Similarity;

namespace OsintResolver.Index.Matching;

/// <summary>
/// The rule-based fallback scorer, for hosts without the ML.NET matcher (the web host registers the matcher). Names are compared
/// on their transliterated keys (so 丹东鸿祥 meets "Dandong Hongxiang"), with tolerance for
/// misspellings; every other matchable property is compared by its type's own
/// <see cref="PropertyType.Compare"/> (identifiers on their canonical form, dates by precision,
/// countries exactly). The weights are hand-set, not learnt: treat scores as a ranking with a
/// sensible threshold, not as calibrated probabilities.
/// </summary>
public sealed class TypeAwareMatchScorer : IMatchScorer
{
    public const string Name = "fallback-type-aware-v1";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, List<string>> QueryKeys = new();

    public string Algorithm => Name;

    public string Description =>
        "Rule-based fallback (no trained model loaded): transliterated name similarity plus type-aware " +
        "comparison of identifiers, dates and countries, with hand-set weights.";

    public bool IsFallback => true;

    public double DefaultThreshold => 0.7;

    public string DescribeFeature(string feature) => feature switch
    {
        "name_similarity" => "Share of transliterated name words (misspellings tolerated) the two best-matching names have in common",
        "name_coverage" => "Share of the query name's words found in the candidate's name",
        "name_literal_match" => "The two entities share a name, up to case, accents and punctuation",
        "identifier_match" => "Best agreement of identifiers of the same type (registration numbers, IMO, LEI …)",
        "date_match" => "Dates of the same type agree at the precision both give",
        "date_mismatch" => "Both give dates of the same type and none agree",
        "country_match" => "The two share a country",
        "country_mismatch" => "Both give countries and none agree",
        _ => feature,
    };

    public MatchScore Score(Entity query, Entity candidate)
    {
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        var (similarity, coverage, literal) = CompareNames(query.Names.Take(20).ToList(), candidate.Names.Take(50).ToList());
        features["name_similarity"] = similarity;
        features["name_coverage"] = coverage;
        features["name_literal_match"] = literal;

        var identifier = 0.0;
        double? dates = null, countries = null;
        foreach (var type in TypesOf(query).Intersect(TypesOf(candidate)))
        {
            if (type is NameType || !type.Matchable)
            {
                continue;
            }

            var best = 0.0;
            foreach (var l in query.GetTypeValues(type))
            {
                foreach (var r in candidate.GetTypeValues(type))
                {
                    best = Math.Max(best, type.Compare(l, r));
                }
            }

            switch (type)
            {
                case IdentifierType:
                    identifier = Math.Max(identifier, best);
                    break;
                case DateType:
                    dates = Math.Max(dates ?? 0, best);
                    break;
                case CountryType:
                    countries = Math.Max(countries ?? 0, best);
                    break;
            }
        }

        features["identifier_match"] = identifier;
        features["date_match"] = dates ?? 0;
        features["date_mismatch"] = dates == 0 ? 1 : 0;
        features["country_match"] = countries ?? 0;
        features["country_mismatch"] = countries == 0 ? 1 : 0;

        var score = (0.55 * similarity) + (0.3 * coverage) + (0.15 * literal);
        if (dates > 0)
        {
            score += 0.1;
        }

        if (countries > 0)
        {
            score += 0.05;
        }

        score -= 0.4 * features["date_mismatch"] + 0.15 * features["country_mismatch"];
        if (identifier >= 0.9)
        {
            // A shared registration number, IMO or LEI is close to proof on its own.
            score = Math.Max(score, 0.9 + (0.1 * similarity));
        }

        return new MatchScore(Math.Round(Math.Clamp(score, 0, 1), 4), features);
    }

    private static IEnumerable<PropertyType> TypesOf(Entity entity) =>
        entity.Items().Where(x => x.Property.Matchable).Select(x => x.Property.Type).Distinct();

    /// <summary>Best pair of names: Dice similarity and query coverage over fuzzy-equal keys, and exact equality.</summary>
    private static (double Similarity, double Coverage, double Literal) CompareNames(List<string> left, List<string> right)
    {
        double similarity = 0, coverage = 0, literal = 0;
        var rightKeys = right.Select(Keys).ToList();
        foreach (var l in left)
        {
            // The query's names are the same for every candidate: analysed once per query.
            var lk = QueryKeys.GetValue(l, Keys);
            for (var i = 0; i < right.Count; i++)
            {
                if (PropertyTypes.Name.Compare(l, right[i]) >= 1.0)
                {
                    literal = 1;
                }

                var rk = rightKeys[i];
                if (lk.Count == 0 || rk.Count == 0)
                {
                    continue;
                }

                var matched = lk.Count(a => rk.Any(b => SimilarKey(a, b)));
                var matchedRight = rk.Count(b => lk.Any(a => SimilarKey(a, b)));
                similarity = Math.Max(similarity, (double)(matched + matchedRight) / (lk.Count + rk.Count));
                coverage = Math.Max(coverage, (double)matched / lk.Count);
            }
        }

        return (similarity, coverage, literal);
    }

    /// <summary>
    /// Word keys of a name; for Han names the joined syllable pairs, because a romanised name
    /// writes "Dandong", not "Dan Dong".
    /// </summary>
    private static List<string> Keys(string name)
    {
        var tokens = NameAnalyzer.Analyze(name);
        return tokens.Any(t => t.Bigram)
            ? tokens.Where(t => t.Bigram).Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList()
            : tokens.Select(t => t.Key).Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool SimilarKey(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        var max = Math.Max(a.Length, b.Length);
        if (max < 4 || Math.Abs(a.Length - b.Length) > 2)
        {
            return false;
        }

        return StringSimilarity.Levenshtein(a, b) <= (max < 8 ? 1 : 2);
    }
}
