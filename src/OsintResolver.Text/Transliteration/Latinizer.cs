using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace OsintResolver.Text.Transliteration;

/// <summary>
/// Turns text in any script into lower-case ASCII for matching: NFKC, case folding, Cyrillic by
/// the common English (BGN/PCGN-style) spelling, everything else through ICU's
/// <c>Any-Latin; Latin-ASCII</c> (Han to pinyin, Hangul, Arabic, Greek, Hebrew …).
/// </summary>
/// <remarks>
/// ICU transliterators cost about 0.7 s to create and their thread safety is not documented,
/// so a small pool is kept and each call rents one. Results are cached per word: a word's
/// transliteration does not depend on its neighbours for these scripts, and names repeat words
/// a lot, so the cache turns most ICU calls into a dictionary hit.
/// </remarks>
public static class Latinizer
{
    /// <summary>The ICU transform applied to words that are neither ASCII nor Cyrillic.</summary>
    public const string IcuTransform = "Any-Latin; Latin-ASCII";

    private const int MaxCachedWords = 400_000;
    private static readonly ConcurrentBag<Transliterator> Pool = [];
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Lower-case ASCII letters, digits and single spaces. CJK characters and Hangul syllables
    /// become separate words, so "丹东鸿祥" gives "dan dong hong xiang".
    /// </summary>
    public static string ToAscii(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var output = new StringBuilder(normalized.Length + 8);
        var word = new StringBuilder();
        foreach (var rune in normalized.EnumerateRunes())
        {
            var script = Classify(rune);
            switch (script)
            {
                case CharClass.Separator:
                    Flush(word, output);
                    break;
                case CharClass.Apostrophe:
                    // O'Brien, Abd al-'Aziz: the apostrophe joins; it is not a word break.
                    break;
                case CharClass.Syllable:
                    // One Han character or Hangul syllable is one word of the romanisation.
                    Flush(word, output);
                    word.Append(rune.ToString());
                    Flush(word, output);
                    break;
                default:
                    word.Append(rune.ToString());
                    break;
            }
        }

        Flush(word, output);
        return output.ToString();
    }

    /// <summary>Whether the text has letters outside the Latin script (and so was transliterated).</summary>
    public static bool HasNonLatin(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0250' && char.IsLetter(c) && !(c >= '\u1E00' && c <= '\u1EFF'))
            {
                return true;
            }
        }

        return false;
    }

    private static void Flush(StringBuilder word, StringBuilder output)
    {
        if (word.Length == 0)
        {
            return;
        }

        var latin = Word(word.ToString());
        word.Clear();
        var space = output.Length > 0;
        foreach (var c in latin)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (space && output.Length > 0)
                {
                    output.Append(' ');
                }

                space = false;
                output.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'')
            {
                // A break inside a romanised word ("gimjeong-eun") separates words.
                space = true;
            }
        }
    }

    private static string Word(string word)
    {
        var ascii = true;
        var cyrillic = true;
        foreach (var c in word)
        {
            if (c >= 0x80)
            {
                ascii = false;
            }

            if (char.IsLetter(c) && c is < '\u0400' or > '\u052F')
            {
                cyrillic = false;
            }
        }

        if (ascii)
        {
            return word;
        }

        if (Cache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var result = cyrillic ? Cyrillic.ToLatin(word) : Icu(word);
        if (Cache.Count < MaxCachedWords)
        {
            Cache.TryAdd(word, result);
        }

        return result;
    }

    private static string Icu(string word)
    {
        if (!Pool.TryTake(out var transliterator))
        {
            transliterator = Transliterator.GetInstance(IcuTransform);
        }

        try
        {
            return transliterator.Transliterate(word);
        }
        finally
        {
            Pool.Add(transliterator);
        }
    }

    private enum CharClass
    {
        Letter,
        Separator,
        Apostrophe,
        Syllable,
    }

    private static CharClass Classify(Rune rune)
    {
        var v = rune.Value;
        if (v is '\'' or '\u2019' or '\u02BC' or '\u02BB' or '`' or '\u00B4')
        {
            return CharClass.Apostrophe;
        }

        // CJK unified ideographs (+ extension A, compatibility) and Hangul syllables.
        if (v is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0xAC00 and <= 0xD7AF or >= 0x20000 and <= 0x2FA1F)
        {
            return CharClass.Syllable;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
                UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or
                UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber or
                UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => CharClass.Letter,
            _ => CharClass.Separator,
        };
    }
}
