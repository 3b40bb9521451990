namespace OsintResolver.Text.Similarity;

/// <summary>String similarity measures on normalised text, allocation-free where it matters.</summary>
public static class StringSimilarity
{
    /// <summary>Jaro similarity, 0–1.</summary>
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1.0;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0.0;
        }

        if (a.SequenceEqual(b))
        {
            return 1.0;
        }

        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        Span<bool> aMatched = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(b.Length - 1, i + window);
            for (var j = start; j <= end; j++)
            {
                if (!bMatched[j] && a[i] == b[j])
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }

            while (!bMatched[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }

    /// <summary>Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters), 0–1.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        var max = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < max && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>Levenshtein edit distance.</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        Span<int> previous = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> current = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            var swap = previous;
            previous = current;
            current = swap;
        }

        return previous[b.Length];
    }

    /// <summary>1 − edit distance / longer length, 0–1.</summary>
    public static double LevenshteinSimilarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1.0 : 1.0 - (double)Levenshtein(a, b) / longer;
    }

    /// <summary>
    /// Soft token overlap: each token of the shorter list is paired with its most similar token
    /// of the other (Jaro-Winkler), and the similarities are averaged over the longer list.
    /// Word order does not matter; a missing middle name costs less than a wrong one.
    /// </summary>
    public static double TokenSet(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, double>? weight = null) =>
        weight is null ? TokenSets(a, b, null).Plain : TokenSets(a, b, weight).Weighted;

    /// <summary>
    /// <see cref="TokenSet"/> unweighted and weighted in one pass (the pairing of words is the
    /// same; only the averaging differs).
    /// </summary>
    public static (double Plain, double Weighted) TokenSets(IReadOnlyList<string> a, IReadOnlyList<string> b, Func<string, double>? weight)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return (0.0, 0.0);
        }

        var (shorter, longer) = a.Count <= b.Count ? (a, b) : (b, a);
        Span<bool> used = longer.Count <= 64 ? stackalloc bool[longer.Count] : new bool[longer.Count];
        double matched = 0, total = 0, plainMatched = 0, plainTotal = 0;
        foreach (var token in shorter)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var j = 0; j < longer.Count; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var s = TokenSimilarity(token, longer[j]);
                if (s > best)
                {
                    best = s;
                    bestIndex = j;
                }
            }

            if (bestIndex >= 0)
            {
                used[bestIndex] = true;
            }

            var w = weight?.Invoke(token) ?? 1.0;
            matched += best * w;
            total += w;
            plainMatched += best;
            plainTotal += 1;
        }

        for (var j = 0; j < longer.Count; j++)
        {
            if (!used[j])
            {
                total += (weight?.Invoke(longer[j]) ?? 1.0) * 0.5;
                plainTotal += 0.5;
            }
        }

        return (plainTotal <= 0 ? 0.0 : plainMatched / plainTotal, total <= 0 ? 0.0 : matched / total);
    }

    /// <summary>
    /// Similarity of two words: exact 1; an initial against a word it starts 0.8; else
    /// Jaro-Winkler, with values under 0.75 (what unrelated words score) counted as 0; words of
    /// three letters or fewer count only when equal, words of up to five only within one edit.
    /// </summary>
    public static double TokenSimilarity(string a, string b)
    {
        if (a == b)
        {
            return 1.0;
        }

        if ((a.Length == 1 && b.Length > 1 && b[0] == a[0]) || (b.Length == 1 && a.Length > 1 && a[0] == b[0]))
        {
            return 0.8;
        }

        // Jaro-Winkler says little about words of three letters or fewer (zhao/zhang, li/lin,
        // kim/kin): those must be equal.
        if (a.Length <= 3 || b.Length <= 3)
        {
            return 0.0;
        }

        // Short words are close by chance (wang/huang, yong/yang): allow one edit at most.
        if (Math.Max(a.Length, b.Length) <= 5 && Levenshtein(a, b) > 1)
        {
            return 0.0;
        }

        var jw = JaroWinkler(a, b);
        return jw < 0.75 ? 0.0 : jw;
    }
}
