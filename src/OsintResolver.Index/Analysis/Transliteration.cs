using System.Collections.Concurrent;
using System.Text;
using ICU4N.Text;

namespace OsintResolver.Index.Analysis;

/// <summary>
/// Latin-ASCII forms of words in any script, through ICU's "Any-Latin; Latin-ASCII" transform
/// (丹东 → "dan dong", Москва → "Moskva"). Creating the transliterator costs about a second, so
/// there is one, created on first use and shared; ICU transliterators are not documented as
/// thread-safe, so calls are serialised, and results are cached because names reuse the same
/// few thousand Han characters and words over and over.
/// </summary>
internal static class Transliteration
{
    private const int MaxCacheEntries = 200_000;
    private static readonly Lazy<Transliterator> Instance = new(() => Transliterator.GetInstance("Any-Latin; Latin-ASCII"));
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Warms the transliterator up (about a second) so the first query does not pay for it.</summary>
    public static void Warm() => ToLatin("丹东 Москва");

    /// <summary>The ICU Latin-ASCII form of a string with non-Latin letters.</summary>
    public static string ToLatin(string text)
    {
        if (Cache.TryGetValue(text, out var cached))
        {
            return cached;
        }

        string result;
        lock (Gate)
        {
            result = Instance.Value.Transliterate(text);
        }

        if (Cache.Count < MaxCacheEntries)
        {
            Cache.TryAdd(text, result);
        }

        return result;
    }

    /// <summary>
    /// A search key for one token: lower-case ASCII letters and digits. ASCII is only lower-cased,
    /// Latin with accents is folded without ICU, anything else is transliterated; separators that
    /// transliteration inserts (丹东 → "dan dong") are dropped so a joined romanisation
    /// ("Dandong") meets it.
    /// </summary>
    public static string Key(ReadOnlySpan<char> token)
    {
        var ascii = true;
        var latin = true;
        foreach (var c in token)
        {
            if (c >= 0x80)
            {
                ascii = false;
                if (c >= 0x250 && !(c is >= '\u0300' and <= '\u036F') && !(c is >= '\u1E00' and <= '\u1EFF'))
                {
                    latin = false;
                    break;
                }
            }
        }

        string source;
        if (ascii)
        {
            source = token.ToString();
        }
        else if (latin)
        {
            var output = new char[token.Length * 4];
            var n = global::Lucene.Net.Analysis.Miscellaneous.ASCIIFoldingFilter.FoldToASCII(token.ToArray(), 0, output, 0, token.Length);
            source = new string(output, 0, n);
        }
        else
        {
            source = ToLatin(token.ToString());
        }

        var sb = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c >= 0x80 && char.IsLetterOrDigit(c))
            {
                // A letter ICU could not romanise still makes a key of its own.
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}

/// <summary>Pays the transliterator's start-up cost (about a second) before the first request does.</summary>
public static class IndexWarmup
{
    public static void Warm() => Transliteration.Warm();
}
