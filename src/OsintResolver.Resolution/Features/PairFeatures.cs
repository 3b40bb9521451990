using OsintResolver.Resolution.Profiles;
using OsintResolver.Text.Identifiers;
using OsintResolver.Text.Names;
using OsintResolver.Text.Similarity;

namespace OsintResolver.Resolution.Features;

/// <summary>
/// The features of a pair of entities, in a fixed order the model is trained on. Values are
/// similarities in [0, 1], counts, or −1 where one side lacks the data (so "no date given" is
/// not mistaken for "dates differ").
/// </summary>
public static class PairFeatures
{
    public const int Count = 25;

    /// <summary>Feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "schema_match",
        "name_jaro_winkler",
        "name_token_set",
        "name_idf_overlap",
        "name_phonetic",
        "name_initials",
        "name_skeleton",
        "name_exact",
        "name_transliterated",
        "name_tokens_min",
        "given_name_similarity",
        "family_name_similarity",
        "legal_form",
        "identifier_match",
        "identifier_conflict",
        "identifier_near",
        "date_similarity",
        "date_year_difference",
        "country",
        "address_similarity",
        "contact_match",
        "shared_neighbours",
        "name_rare_unmatched",
        "name_acronym",
        "address_words",
    ];

    /// <summary>What each feature measures, in words, for API docs and match responses.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["schema_match"] = "1 when both have the same schema, 0.5 when one schema is a parent of the other, 0 otherwise",
        ["name_jaro_winkler"] = "Best Jaro-Winkler similarity of the two sides' normalised, transliterated names",
        ["name_token_set"] = "Best token-set similarity of the names (word order ignored)",
        ["name_idf_overlap"] = "Name words in common, weighted by how rare each word is",
        ["name_phonetic"] = "Share of Double Metaphone keys the names have in common",
        ["name_initials"] = "1 when the names' initials agree",
        ["name_skeleton"] = "Similarity of the names' consonant skeletons (tolerates vowel spelling in transliteration)",
        ["name_exact"] = "1 when a name is identical after normalisation",
        ["name_transliterated"] = "1 when the best name pair was compared across scripts (after transliteration to Latin)",
        ["name_tokens_min"] = "Words in the shorter name (short names are weaker evidence)",
        ["given_name_similarity"] = "Similarity of first names (people), −1 when one side lacks them",
        ["family_name_similarity"] = "Similarity of last names (people), −1 when one side lacks them",
        ["legal_form"] = "1 when company legal forms agree, −1 when they conflict (GmbH vs LLC), 0 when unknown",
        ["identifier_match"] = "Agreement of identifiers of the same kind (IMO, LEI, registration, passport …): 1 when one is shared",
        ["identifier_conflict"] = "Identifiers of the same kind disagree: 1 for strong ones (passport, IMO …), 0.5 for weaker ones",
        ["identifier_near"] = "1 when identifiers of the same kind differ by one character",
        ["date_similarity"] = "Agreement of birth or incorporation dates at the precision both give, −1 when one side lacks them",
        ["date_year_difference"] = "Years between the closest dates (capped at 20)",
        ["country"] = "1 when a country is shared, 0 when both give countries and none agree, −1 when one side lacks them",
        ["address_similarity"] = "Best token-set similarity of the two sides' addresses, −1 when one side lacks them",
        ["contact_match"] = "1 when a phone, e-mail or website domain is shared",
        ["shared_neighbours"] = "Directors, owners, addresses or vessels the two have in common",
        ["name_rare_unmatched"] = "Weight of the rarest name word that has no counterpart on the other side",
        ["name_acronym"] = "1 when one name is the other's acronym",
        ["address_words"] = "Words in the shorter of the best-matching addresses (capped at 10; longer addresses are stronger evidence)",
    };

    internal const int SchemaMatch = 0, NameJw = 1, NameTokenSet = 2, NameIdf = 3, NamePhonetic = 4, NameInitials = 5,
        NameSkeleton = 6, NameExact = 7, NameTransliterated = 8, NameTokensMin = 9, GivenName = 10, FamilyName = 11,
        LegalForm = 12, IdMatch = 13, IdConflict = 14, IdNear = 15, DateSimilarity = 16, DateYearDifference = 17,
        Country = 18, Address = 19, Contact = 20, Neighbours = 21, NameRareUnmatched = 22, NameAcronym = 23, AddressWords = 24;

    /// <summary>Computes the features of a pair into <paramref name="f"/> (length <see cref="Count"/>).</summary>
    internal static void Compute(EntityProfile a, EntityProfile b, TokenStatistics stats, Span<float> f, PairDetails? details = null)
    {
        f[SchemaMatch] = a.Schema == b.Schema ? 1f : a.Schema.IsA(b.Schema) || b.Schema.IsA(a.Schema) ? 0.5f : 0f;
        ComputeNames(a, b, stats, f, details);
        f[GivenName] = PartSimilarity(a.Given, b.Given);
        f[FamilyName] = PartSimilarity(a.Family, b.Family);
        f[LegalForm] = LegalForms(a, b, details);
        ComputeIdentifiers(a, b, f, details);
        ComputeDates(a, b, f, details);
        f[Country] = Countries(a, b, details);
        (f[Address], f[AddressWords]) = Addresses(a, b);
        f[Neighbours] = SharedNeighbours(a.Neighbours, b.Neighbours);
    }

    private static void ComputeNames(EntityProfile a, EntityProfile b, TokenStatistics stats, Span<float> f, PairDetails? details)
    {
        if (a.Names.Length == 0 || b.Names.Length == 0)
        {
            for (var i = NameJw; i <= NameTokensMin; i++)
            {
                f[i] = -1f;
            }

            f[NameRareUnmatched] = -1f;
            f[NameAcronym] = -1f;
            return;
        }

        double jw = 0, tokenSet = 0, idf = 0, phonetic = 0, skeleton = 0, bestPair = -1;
        float initials = 0, exact = 0, transliterated = 0, tokensMin = 0, acronym = 0;
        NormalizedName? bestA = null, bestB = null;
        Func<string, double> weight = stats.Idf;
        foreach (var x in a.Names)
        {
            foreach (var y in b.Names)
            {
                var pairJw = Math.Max(StringSimilarity.JaroWinkler(x.Compact, y.Compact), StringSimilarity.JaroWinkler(x.Sorted, y.Sorted));
                if (Math.Max(x.Compact.Length, y.Compact.Length) <= 6 && StringSimilarity.Levenshtein(x.Compact, y.Compact) > 1)
                {
                    // Short names are close by chance (lina/liuna): more than one edit is a different name.
                    pairJw = Math.Min(pairJw, 0.7);
                }
                var (pairSet, pairIdf) = StringSimilarity.TokenSets(x.Tokens, y.Tokens, weight);
                jw = Math.Max(jw, pairJw);
                tokenSet = Math.Max(tokenSet, pairSet);
                idf = Math.Max(idf, pairIdf);
                phonetic = Math.Max(phonetic, Overlap(x.Phonetic, y.Phonetic));
                // Two or three consonants ("ln" for Li Na and Liu Na) are shared by chance.
                if (x.Skeleton.Length >= 4 && y.Skeleton.Length >= 4)
                {
                    skeleton = Math.Max(skeleton, StringSimilarity.JaroWinkler(x.Skeleton, y.Skeleton));
                }

                if (x.Sorted == y.Sorted)
                {
                    exact = 1;
                }

                if (SortedEqual(x.Initials, y.Initials))
                {
                    initials = 1;
                }

                if (IsAcronym(x, y) || IsAcronym(y, x))
                {
                    acronym = 1;
                }

                if (pairJw + pairSet > bestPair)
                {
                    bestPair = pairJw + pairSet;
                    bestA = x;
                    bestB = y;
                }
            }
        }

        transliterated = bestA!.Transliterated || bestB!.Transliterated ? 1 : 0;
        tokensMin = Math.Min(bestA.Tokens.Count, bestB!.Tokens.Count);
        f[NameJw] = (float)jw;
        f[NameTokenSet] = (float)tokenSet;
        f[NameIdf] = (float)idf;
        f[NamePhonetic] = (float)phonetic;
        f[NameInitials] = initials;
        f[NameSkeleton] = (float)skeleton;
        f[NameExact] = exact;
        f[NameTransliterated] = transliterated;
        f[NameTokensMin] = tokensMin;
        f[NameAcronym] = acronym;
        f[NameRareUnmatched] = (float)RareUnmatched(bestA, bestB, stats);
        if (details is not null)
        {
            details.LeftName = bestA.Original;
            details.RightName = bestB.Original;
        }
    }

    /// <summary>"CEC" against "Central Election Commission": a short one-word name spelling the other's initials.</summary>
    private static bool IsAcronym(NormalizedName shortName, NormalizedName longName) =>
        shortName.Tokens.Count == 1 && longName.Tokens.Count >= 2 && shortName.Compact.Length == longName.Initials.Length &&
        shortName.Compact == longName.Initials;

    /// <summary>
    /// The highest IDF among words of either name that have no counterpart in the other: one
    /// distinctive word that differs ("Korea Ryengwang Trading" vs "Korea Taejin Trading")
    /// outweighs many common ones that agree.
    /// </summary>
    private static double RareUnmatched(NormalizedName x, NormalizedName y, TokenStatistics stats)
    {
        double worst = 0;
        foreach (var (from, to) in new[] { (x, y), (y, x) })
        {
            foreach (var token in from.Tokens)
            {
                var matched = false;
                foreach (var other in to.Tokens)
                {
                    if (StringSimilarity.TokenSimilarity(token, other) >= 0.75)
                    {
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    worst = Math.Max(worst, token.Length == 1 ? 0.1 : stats.Idf(token));
                }
            }
        }

        return worst;
    }

    private static bool SortedEqual(string x, string y)
    {
        if (x.Length != y.Length)
        {
            return false;
        }

        Span<char> a = stackalloc char[x.Length];
        Span<char> b = stackalloc char[y.Length];
        x.CopyTo(a);
        y.CopyTo(b);
        a.Sort();
        b.Sort();
        return a.SequenceEqual(b);
    }

    private static double Overlap(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        Span<bool> used = y.Count <= 64 ? stackalloc bool[y.Count] : new bool[y.Count];
        var matched = 0;
        foreach (var code in x)
        {
            for (var j = 0; j < y.Count; j++)
            {
                if (!used[j] && code.Length > 0 && code == y[j])
                {
                    used[j] = true;
                    matched++;
                    break;
                }
            }
        }

        return (double)matched / Math.Max(x.Count, y.Count);
    }

    private static float PartSimilarity(string? x, string? y) =>
        x is null || y is null ? -1f : (float)StringSimilarity.JaroWinkler(x, y);

    private static float LegalForms(EntityProfile a, EntityProfile b, PairDetails? details)
    {
        LegalForm? fa = null, fb = null;
        foreach (var n in a.Names)
        {
            fa ??= n.LegalForms.Count > 0 ? n.LegalForms[0] : null;
        }

        foreach (var n in b.Names)
        {
            fb ??= n.LegalForms.Count > 0 ? n.LegalForms[0] : null;
        }

        if (fa is null || fb is null)
        {
            return 0f;
        }

        if (details is not null)
        {
            details.LeftLegalForm = fa.Canonical;
            details.RightLegalForm = fb.Canonical;
        }

        return Text.Names.LegalForms.Conflict(fa, fb) ? -1f : 1f;
    }

    private static void ComputeIdentifiers(EntityProfile a, EntityProfile b, Span<float> f, PairDetails? details)
    {
        bool aIds = false, bIds = false, aContact = false, bContact = false;
        foreach (var k in a.Identifiers)
        {
            if (k.Strength == IdentifierStrength.Contact)
            {
                aContact = true;
            }
            else
            {
                aIds = true;
            }
        }

        foreach (var k in b.Identifiers)
        {
            if (k.Strength == IdentifierStrength.Contact)
            {
                bContact = true;
            }
            else
            {
                bIds = true;
            }
        }

        float match = aIds && bIds ? 0f : -1f, conflict = 0f, near = 0f, contact = aContact && bContact ? 0f : -1f;
        foreach (var x in a.Identifiers)
        {
            var sameKind = false;
            var shared = false;
            foreach (var y in b.Identifiers)
            {
                if (x.Kind != y.Kind)
                {
                    continue;
                }

                sameKind = true;
                if (x.Value == y.Value)
                {
                    shared = true;
                    if (x.Strength == IdentifierStrength.Contact)
                    {
                        contact = 1f;
                        if (details is not null)
                        {
                            details.SharedContact ??= x.Kind;
                        }
                    }
                    else
                    {
                        var strength = x.Strength == IdentifierStrength.Strong ? 1f : 0.7f;
                        if (strength > match)
                        {
                            match = strength;
                            if (details is not null)
                            {
                                details.SharedIdentifier = x.Kind;
                            }
                        }
                    }
                }
                else if (x.Strength == IdentifierStrength.Contact)
                {
                    // A mistyped e-mail address or website still points at the same inbox.
                    var similarity = (float)StringSimilarity.LevenshteinSimilarity(x.Value, y.Value);
                    if (similarity >= 0.8f && similarity * 0.9f > contact)
                    {
                        contact = similarity * 0.9f;
                    }
                }
                else if (x.Value.Length >= 5 &&
                         Math.Abs(x.Value.Length - y.Value.Length) <= 1 && StringSimilarity.Levenshtein(x.Value, y.Value) == 1)
                {
                    near = 1f;
                }
            }

            if (sameKind && !shared && x.Strength != IdentifierStrength.Contact && x.Valid)
            {
                // A different passport says more than a different number of unknown issuer.
                conflict = Math.Max(conflict, x.Strength == IdentifierStrength.Strong ? 1f : 0.5f);
                if (details is not null)
                {
                    details.ConflictingIdentifier ??= x.Kind;
                }
            }
        }

        f[IdMatch] = match;
        f[IdConflict] = match >= 1f ? 0f : conflict;
        f[IdNear] = match > 0f ? 0f : near;
        f[Contact] = contact;
    }

    private static void ComputeDates(EntityProfile a, EntityProfile b, Span<float> f, PairDetails? details)
    {
        if (a.Dates.Length == 0 || b.Dates.Length == 0)
        {
            f[DateSimilarity] = -1f;
            f[DateYearDifference] = -1f;
            return;
        }

        double best = -1;
        var years = int.MaxValue;
        PartialDate bestLeft = default, bestRight = default;
        foreach (var x in a.Dates)
        {
            foreach (var y in b.Dates)
            {
                var s = PartialDate.Similarity(x, y);
                if (s > best)
                {
                    best = s;
                    bestLeft = x;
                    bestRight = y;
                }

                years = Math.Min(years, Math.Abs(x.Year - y.Year));
            }
        }

        if (details is not null)
        {
            details.LeftDate = bestLeft.ToString();
            details.RightDate = bestRight.ToString();
        }

        f[DateSimilarity] = (float)best;
        f[DateYearDifference] = Math.Min(years, 20);
    }

    private static float Countries(EntityProfile a, EntityProfile b, PairDetails? details)
    {
        if (a.Countries.Length == 0 || b.Countries.Length == 0)
        {
            return -1f;
        }

        foreach (var x in a.Countries)
        {
            if (Array.IndexOf(b.Countries, x) >= 0)
            {
                if (details is not null)
                {
                    details.SharedCountry = x;
                }

                return 1f;
            }
        }

        if (details is not null)
        {
            details.LeftCountry = a.Countries[0];
            details.RightCountry = b.Countries[0];
        }

        return 0f;
    }

    /// <summary>
    /// The best address similarity, and how many words the shorter of that pair has: a shared
    /// city ("London") is weak evidence, a shared street address strong.
    /// </summary>
    private static (float Similarity, float Words) Addresses(EntityProfile a, EntityProfile b)
    {
        if (a.Addresses.Length == 0 || b.Addresses.Length == 0)
        {
            return (-1f, -1f);
        }

        double best = -1;
        var words = 0;
        foreach (var x in a.Addresses)
        {
            foreach (var y in b.Addresses)
            {
                var s = StringSimilarity.TokenSet(x, y);
                if (s > best)
                {
                    best = s;
                    words = Math.Min(x.Length, y.Length);
                }
            }
        }

        return ((float)best, Math.Min(words, 10));
    }

    private static float SharedNeighbours(long[] x, long[] y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            return 0f;
        }

        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return Math.Min(shared, 5);
    }
}

/// <summary>What the features were computed from, for explanations in words.</summary>
internal sealed class PairDetails
{
    public string? LeftName { get; set; }
    public string? RightName { get; set; }
    public string? SharedIdentifier { get; set; }
    public string? ConflictingIdentifier { get; set; }
    public string? SharedContact { get; set; }
    public string? LeftDate { get; set; }
    public string? RightDate { get; set; }
    public string? SharedCountry { get; set; }
    public string? LeftCountry { get; set; }
    public string? RightCountry { get; set; }
    public string? LeftLegalForm { get; set; }
    public string? RightLegalForm { get; set; }
}
