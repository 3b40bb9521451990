using System.Globalization;
using OsintResolver.Resolution.Features;

namespace OsintResolver.Resolution.Matching;

/// <summary>Turns feature values and their contributions into a short sentence.</summary>
internal static class Explainer
{
    public const int MaxPhrases = 4;

    public static string Explain(ReadOnlySpan<float> values, ReadOnlySpan<float> contributions, PairDetails details)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var magnitudes = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            magnitudes[i] = Math.Abs(contributions[i]);
        }

        Array.Sort(magnitudes, order);
        Array.Reverse(order);
        var phrases = new List<string>(MaxPhrases);
        // Say once, on the first name phrase in favour, that the names were compared across scripts.
        var transliterated = values[PairFeatures.NameTransliterated] > 0;
        foreach (var i in order)
        {
            if (phrases.Count == MaxPhrases)
            {
                break;
            }

            if (contributions[i] == 0 && phrases.Count > 0)
            {
                break;
            }

            if (Phrase(i, values[i], contributions[i], details) is { } phrase && !phrases.Contains(phrase))
            {
                if (transliterated && contributions[i] > 0 && i is >= PairFeatures.NameJw and <= PairFeatures.NameSkeleton)
                {
                    phrase = phrase.Contains("after transliteration", StringComparison.Ordinal)
                        ? phrase
                        : phrase.Replace(" (", " after transliteration (", StringComparison.Ordinal) is var p && p != phrase ? p : phrase + " after transliteration";
                    transliterated = false;
                }

                phrases.Add(phrase);
            }
        }

        return phrases.Count == 0 ? "no evidence either way" : string.Join("; ", phrases);
    }

    private static string? Phrase(int feature, float v, float c, PairDetails d)
    {
        if (v < 0 && feature is not PairFeatures.LegalForm)
        {
            // Missing on one side: nothing to say about it.
            return null;
        }

        var positive = c >= 0;
        if ((feature is PairFeatures.NameJw or PairFeatures.NameTokenSet or PairFeatures.NameIdf or PairFeatures.NameSkeleton
                 or PairFeatures.NamePhonetic or PairFeatures.GivenName or PairFeatures.FamilyName or PairFeatures.Address &&
             (positive ? v < 0.5f : v >= 0.85f)) ||
            (feature is PairFeatures.NameRareUnmatched && (positive || v <= 0)))
        {
            // Trees credit or blame a value through its interactions with others; "names differ
            // (1.00)" would say the opposite of the value, so such a contribution is not put in words.
            return null;
        }

        return feature switch
        {
            PairFeatures.SchemaMatch => v < 1 ? "different kinds of entity" : null,
            PairFeatures.NameJw => positive ? $"names agree ({N(v)})" : $"names differ ({N(v)})",
            PairFeatures.NameTokenSet => positive ? $"name words match in any order ({N(v)})" : $"name words differ ({N(v)})",
            PairFeatures.NameIdf => positive ? $"rare name words shared ({N(v)})" : $"few distinctive name words shared ({N(v)})",
            PairFeatures.NamePhonetic => positive ? "names sound alike" : "names sound different",
            PairFeatures.NameInitials => v > 0 ? "initials agree" : "initials differ",
            PairFeatures.NameSkeleton => positive ? $"name consonants agree ({N(v)})" : $"name consonants differ ({N(v)})",
            PairFeatures.NameExact => v > 0 ? "identical names" : "no identical name",
            PairFeatures.NameTransliterated => null,
            PairFeatures.NameTokensMin => positive ? null : $"short name ({v:0} word{(v == 1 ? "" : "s")})",
            PairFeatures.GivenName => positive ? $"first names agree ({N(v)})" : $"first names differ ({N(v)})",
            PairFeatures.FamilyName => positive ? $"last names agree ({N(v)})" : $"last names differ ({N(v)})",
            PairFeatures.LegalForm => v switch
            {
                > 0 => $"legal forms agree ({d.LeftLegalForm})",
                < 0 => $"legal forms conflict ({d.LeftLegalForm} vs {d.RightLegalForm})",
                _ => null,
            },
            PairFeatures.IdMatch => v > 0 ? $"same {Label(d.SharedIdentifier)}" : "no shared identifier",
            PairFeatures.IdConflict => v > 0 ? $"different {Label(d.ConflictingIdentifier)}s" : null,
            PairFeatures.IdNear => v > 0 ? "identifiers differ by one character" : null,
            PairFeatures.DateSimilarity => v switch
            {
                >= 0.99f => $"same date ({d.LeftDate})",
                > 0 => $"dates nearly agree ({d.LeftDate} vs {d.RightDate})",
                _ => $"dates differ ({d.LeftDate} vs {d.RightDate})",
            },
            PairFeatures.DateYearDifference => v >= 1 ? $"dates {v:0} year{(v == 1 ? "" : "s")} apart" : null,
            PairFeatures.Country => v > 0 ? $"same country ({d.SharedCountry})" : $"countries differ ({d.LeftCountry} vs {d.RightCountry})",
            PairFeatures.Address => positive ? $"addresses agree ({N(v)})" : $"addresses differ ({N(v)})",
            PairFeatures.Contact => v > 0 ? $"same {Label(d.SharedContact)}" : "different contact details",
            PairFeatures.NameRareUnmatched => positive ? null : $"a distinctive name word has no counterpart ({N(v)})",
            PairFeatures.NameAcronym => v > 0 ? "one name is the other's acronym" : null,
            PairFeatures.Neighbours => v > 0 ? $"{v:0} shared neighbour{(v == 1 ? "" : "s")} (director, owner, address or vessel)" : null,
            _ => null,
        };
    }

    private static string N(float v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A reader's name for an identifier kind.</summary>
    public static string Label(string? kind) => kind switch
    {
        null => "identifier",
        "imo" => "IMO number",
        "lei" => "LEI",
        "inn" => "INN",
        "ogrn" => "OGRN",
        "isin" => "ISIN",
        "iban" => "IBAN",
        "bic" => "BIC",
        "wikidata" => "Wikidata ID",
        "passport" => "passport number",
        "tax" => "tax number",
        "ssn" => "social security number",
        "reg" => "registration number",
        "id" => "ID number",
        "email" => "e-mail address",
        "domain" => "website",
        "phone" => "phone number",
        "mmsi" => "MMSI",
        "callSign" => "call sign",
        _ when kind.StartsWith("reg-", StringComparison.Ordinal) => $"registration number ({kind[4..]})",
        _ => kind,
    };
}
