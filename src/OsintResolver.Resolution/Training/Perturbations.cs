using System.Text;
using OsintResolver.Text.Names;

namespace OsintResolver.Resolution.Training;

/// <summary>
/// Synthetic noise of the kinds real sources show, to teach the matcher what still counts as
/// the same name: typos, reordered tokens, dropped tokens, initials, legal-form variants and
/// Cyrillic renderings of Latin names. Seeded, so training data is reproducible.
/// </summary>
public sealed class Perturbations(Random random)
{
    private static readonly string[][] LegalFormVariants =
    [
        ["LLC", "L.L.C.", "Limited Liability Company", "ООО"],
        ["Co., Ltd.", "Company Limited", "Co. Ltd", "Limited", "Ltd", "有限公司"],
        ["JSC", "Joint Stock Company", "АО", "OJSC"],
        ["Corp.", "Corporation", "Inc.", "Incorporated"],
        ["GmbH", "G.m.b.H."],
        ["S.A.", "SA", "Sociedad Anonima"],
        ["Co.", "Company", "Trading Co."],
    ];

    private static readonly (string Latin, string Cyrillic)[] ToCyrillic =
    [
        ("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
        ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "й"),
        ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
        ("u", "у"), ("f", "ф"), ("c", "к"), ("h", "х"), ("j", "дж"), ("q", "к"), ("w", "в"), ("x", "кс"),
    ];

    /// <summary>A variant of the name with one or two kinds of noise.</summary>
    public string Name(string name, bool person)
    {
        var result = name;
        var steps = 1 + random.Next(2);
        for (var s = 0; s < steps; s++)
        {
            result = random.Next(person ? 6 : 5) switch
            {
                0 => Typo(result),
                // Company names keep their word order: "Trading Co. Golden Star" is no spelling anyone uses.
                1 => person ? Reorder(result) : Typo(result),
                2 => DropToken(result),
                3 => person ? Initial(result) : LegalForm(result),
                4 => random.Next(4) == 0 ? Cyrillic(result) : Case(result),
                _ => Cyrillic(result),
            };
        }

        return result.Trim().Length == 0 ? name : result;
    }

    public string Typo(string text)
    {
        if (text.Length < 4)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        var i = 1 + random.Next(sb.Length - 2);
        if (!char.IsLetter(sb[i]))
        {
            return text;
        }

        switch (random.Next(4))
        {
            case 0:
                sb.Remove(i, 1);
                break;
            case 1:
                sb.Insert(i, (char)('a' + random.Next(26)));
                break;
            case 2:
                sb[i] = (char)('a' + random.Next(26));
                break;
            default:
                if (char.IsLetter(sb[i + 1]))
                {
                    (sb[i], sb[i + 1]) = (sb[i + 1], sb[i]);
                }

                break;
        }

        return sb.ToString();
    }

    public string Reorder(string text)
    {
        var tokens = text.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return text;
        }

        var rotated = tokens.Skip(1).Append(tokens[0]);
        return string.Join(' ', random.Next(2) == 0 ? rotated : tokens.Reverse());
    }

    private string DropToken(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 3)
        {
            return text;
        }

        var i = 1 + random.Next(tokens.Length - 2);
        return string.Join(' ', tokens.Where((_, k) => k != i));
    }

    private string Initial(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length < 2)
        {
            return text;
        }

        var i = random.Next(tokens.Length - 1);
        tokens[i] = char.ToUpperInvariant(tokens[i][0]) + ".";
        return string.Join(' ', tokens);
    }

    public string LegalForm(string text)
    {
        var normalized = NameNormalizer.Normalize(text, NameKind.Organization);
        var core = text;
        foreach (var variant in LegalFormVariants.SelectMany(g => g).OrderByDescending(v => v.Length))
        {
            var at = core.IndexOf(variant, StringComparison.OrdinalIgnoreCase);
            var before = at <= 0 || !char.IsLetterOrDigit(core[at - 1]);
            var after = at + variant.Length >= core.Length || !char.IsLetterOrDigit(core[at + variant.Length]);
            if (at >= 0 && before && after && core.Length > variant.Length)
            {
                core = core.Remove(at, variant.Length);
            }
        }

        core = core.Trim(' ', ',', '«', '»', '"', '.');
        if (core.Length == 0)
        {
            return text;
        }

        var group = LegalFormVariants[random.Next(LegalFormVariants.Length)];
        if (normalized.LegalForms.Count > 0)
        {
            var canonical = normalized.LegalForms[0].Canonical;
            group = LegalFormVariants.FirstOrDefault(g => g.Any(v => LegalForms.Lookup(v)?.Canonical == canonical)) ?? group;
        }

        var form = group[random.Next(group.Length)];
        return random.Next(5) == 0 ? core : form is "ООО" or "АО" ? $"{form} {core}" : $"{core} {form}";
    }

    public static string Cyrillic(string text)
    {
        var lower = text.ToLowerInvariant();
        var sb = new StringBuilder(lower.Length);
        var i = 0;
        while (i < lower.Length)
        {
            var matched = false;
            foreach (var (latin, cyrillic) in ToCyrillic)
            {
                if (string.CompareOrdinal(lower, i, latin, 0, latin.Length) == 0)
                {
                    sb.Append(cyrillic);
                    i += latin.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                sb.Append(lower[i]);
                i++;
            }
        }

        return sb.ToString();
    }

    private string Case(string text) => random.Next(2) == 0 ? text.ToUpperInvariant() : text.ToLowerInvariant();
}
