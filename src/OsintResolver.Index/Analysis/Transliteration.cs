using System.Text;
using OsintResolver.Text.Transliteration;

namespace OsintResolver.Index.Analysis;

/// <summary>
/// Search keys in Latin-ASCII for words in any script. Non-Latin words go through the shared
/// <see cref="Latinizer"/> (ICU "Any-Latin; Latin-ASCII", Cyrillic by the common English
/// spelling, pooled transliterators and a word cache), so the index and the resolver romanise
/// names the same way.
/// </summary>
internal static class Transliteration
{
    /// <summary>Warms the transliterator up (about a second) so the first query does not pay for it.</summary>
    public static void Warm() => Latinizer.ToAscii("丹东 Москва");

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
            source = Latinizer.ToAscii(token.ToString());
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
