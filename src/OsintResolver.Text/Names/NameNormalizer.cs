using OsintResolver.Text.Phonetics;
using OsintResolver.Text.Transliteration;

namespace OsintResolver.Text.Names;

/// <summary>What a name names; decides whether legal forms or personal titles are stripped.</summary>
public enum NameKind
{
    /// <summary>Anything: legal forms are stripped, titles are not.</summary>
    Other,
    Person,
    Organization,
    Vessel,
}

/// <summary>
/// A name prepared for matching. Every form is lower-case ASCII after transliteration; the
/// <see cref="Tokens"/> are the name without legal forms and stopwords, in their original order.
/// </summary>
public sealed class NormalizedName
{
    internal NormalizedName(string original, string latin, string[] tokens, IReadOnlyList<LegalForm> legalForms, bool transliterated)
    {
        Original = original;
        Latin = latin;
        Tokens = tokens;
        LegalForms = legalForms;
        Transliterated = transliterated;
        Compact = string.Concat(tokens);
        var sorted = (string[])tokens.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        Sorted = string.Join(' ', sorted);
        Phonetic = tokens.Select(t => t.All(char.IsAsciiDigit) ? t : DoubleMetaphone.Primary(t)).ToArray();
        Initials = string.Concat(tokens.Select(t => t[0]));
        Skeleton = MakeSkeleton(Compact);
    }

    /// <summary>The name as given.</summary>
    public string Original { get; }

    /// <summary>The whole name transliterated: lower-case ASCII words, legal forms included.</summary>
    public string Latin { get; }

    /// <summary>The identifying words: no legal forms, no stopwords; never empty for a valid name.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Legal forms found, canonical (e.g. ООО → llc).</summary>
    public IReadOnlyList<LegalForm> LegalForms { get; }

    /// <summary>Whether the name had letters outside the Latin script.</summary>
    public bool Transliterated { get; }

    /// <summary>The tokens without spaces ("dandonghongxiang").</summary>
    public string Compact { get; }

    /// <summary>The tokens sorted and joined: an order-independent key ("kim un jong").</summary>
    public string Sorted { get; }

    /// <summary>The primary Double Metaphone code of each token (digits kept as they are).</summary>
    public IReadOnlyList<string> Phonetic { get; }

    /// <summary>First letter of each token, in order.</summary>
    public string Initials { get; }

    /// <summary>
    /// Consonants of the compact form with repeats collapsed: scripts that write no short
    /// vowels (Arabic, Persian, Hebrew) romanise to this skeleton too ("mhmd" ~ "mohammed").
    /// </summary>
    public string Skeleton { get; }

    public bool IsEmpty => Tokens.Count == 0;

    public override string ToString() => string.Join(' ', Tokens);

    private static string MakeSkeleton(string compact)
    {
        var chars = new char[compact.Length];
        var n = 0;
        foreach (var c in compact)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w')
            {
                continue;
            }

            if (n > 0 && chars[n - 1] == c)
            {
                continue;
            }

            chars[n++] = c;
        }

        return new string(chars, 0, n);
    }
}

/// <summary>
/// The name normalisation pipeline: NFKC and case folding, transliteration to Latin (ICU, with
/// CJK characters as separate words), tokenising, legal forms to canonical forms, stopwords
/// and titles, then derived keys (sorted tokens, initials, phonetic codes, skeleton).
/// </summary>
public static class NameNormalizer
{
    public static NormalizedName Normalize(string name, NameKind kind = NameKind.Other)
    {
        var latin = Latinizer.ToAscii(name);
        var tokens = latin.Length == 0 ? [] : latin.Split(' ').ToList();
        if (kind == NameKind.Person && tokens.Count is 3 or 4 && IsHanName(name))
        {
            // 王芳桂 is "Wang Fanggui": the family name, then the given name as one word.
            tokens = [tokens[0], string.Concat(tokens.Skip(1))];
        }
        IReadOnlyList<LegalForm> forms = kind is NameKind.Person || tokens.Count < 2 ? [] : LegalForms.Strip(tokens);
        if (tokens.Count > 1)
        {
            var kept = tokens.Where(t => !Stopwords.Contains(t, kind)).ToList();
            if (kept.Count > 0)
            {
                tokens = kept;
            }
        }

        return new NormalizedName(name, latin, [.. tokens], forms, Latinizer.HasNonLatin(name));
    }

    private static bool IsHanName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length is >= 2 and <= 4 && trimmed.All(c => c is >= '\u4E00' and <= '\u9FFF');
    }

    /// <summary>The name kind for an FtM schema name.</summary>
    public static NameKind KindOf(string schema) => schema switch
    {
        "Person" => NameKind.Person,
        "Vessel" or "Airplane" or "Vehicle" => NameKind.Vessel,
        "Company" or "Organization" or "PublicBody" or "LegalEntity" => NameKind.Organization,
        _ => NameKind.Other,
    };
}
