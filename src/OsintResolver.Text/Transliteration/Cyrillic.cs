using System.Collections.Frozen;
using System.Text;

namespace OsintResolver.Text.Transliteration;

/// <summary>
/// Cyrillic to Latin as English-language sources spell Russian, Ukrainian, Belarusian and
/// Bulgarian names (BGN/PCGN style: Ж zh, Х kh, Ц ts, Ч ch, Ш sh, Щ shch, Ю yu, Я ya), because
/// that is how sanctions lists and registries write them. ICU's default (ISO 9) would give
/// "Hodorkovskij" where the lists say "Khodorkovsky".
/// </summary>
internal static class Cyrillic
{
    private static readonly FrozenDictionary<char, string> Map = new Dictionary<char, string>
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya",
        // Ukrainian, Belarusian, Serbian, Macedonian, Kazakh extras.
        ['є'] = "ye", ['ї'] = "yi", ['і'] = "i", ['ґ'] = "g", ['ў'] = "u", ['ђ'] = "dj", ['ј'] = "j", ['љ'] = "lj",
        ['њ'] = "nj", ['ћ'] = "c", ['џ'] = "dz", ['ѓ'] = "gj", ['ќ'] = "kj", ['ѕ'] = "dz", ['ә'] = "a", ['ғ'] = "g",
        ['қ'] = "k", ['ң'] = "n", ['ө'] = "o", ['ұ'] = "u", ['ү'] = "u", ['һ'] = "h",
    }.ToFrozenDictionary();

    public static string ToLatin(string word)
    {
        var sb = new StringBuilder(word.Length + 4);
        foreach (var ch in word)
        {
            var lower = char.ToLowerInvariant(ch);
            if (Map.TryGetValue(lower, out var latin))
            {
                sb.Append(latin);
            }
            else if (char.IsAsciiLetterOrDigit(lower))
            {
                sb.Append(lower);
            }
        }

        return sb.ToString();
    }
}
