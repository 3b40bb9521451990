using System.Globalization;
using System.Text;

namespace OsintResolver.Model.Types;

/// <summary>A short free-form label (the default type).</summary>
public class StringType : PropertyType
{
    internal StringType()
    {
    }

    public override string Name => "string";
    public override bool Matchable => false;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text;
        error = null;
        return true;
    }
}

/// <summary>Long text: descriptions, notes, article bodies. Line breaks are kept.</summary>
public sealed class TextType : StringType
{
    internal TextType()
    {
    }

    public override string Name => "text";
    public override int MaxLength => 1_000_000;
    private protected override bool KeepsLineBreaks => true;
}

/// <summary>HTML source, kept verbatim; it is never rendered unescaped.</summary>
public sealed class HtmlType : StringType
{
    internal HtmlType()
    {
    }

    public override string Name => "html";
    public override int MaxLength => 5_000_000;
    private protected override bool KeepsLineBreaks => true;
}

/// <summary>
/// The name of a person, company, vessel or other thing. Cleaning only trims and collapses
/// whitespace: transliteration and legal-form handling belong to matching, not to storage, so
/// the stored name stays exactly what the source said.
/// </summary>
public sealed class NameType : PropertyType
{
    internal NameType()
    {
    }

    public override string Name => "name";
    public override int MaxLength => 380;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.Trim(' ', ',', ';');
        // Only quotes that wrap the whole name are noise; inner ones are part of it ('Abd al-'Aziz').
        while (cleaned.Length >= 2 && cleaned[0] is '"' or '\'' && cleaned[^1] == cleaned[0])
        {
            cleaned = cleaned[1..^1].Trim();
        }

        if (!cleaned.Any(char.IsLetterOrDigit))
        {
            error = "a name needs at least one letter or digit";
            return false;
        }

        error = null;
        return true;
    }

    public override double Compare(string left, string right)
    {
        var l = Fold(left);
        var r = Fold(right);
        if (l == r)
        {
            return 1.0;
        }

        var lt = l.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var rt = r.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var common = lt.Intersect(rt).Count();
        return common == 0 ? 0.0 : (double)common / lt.Union(rt).Count();
    }

    public override string? Key(string value) => Fold(value);

    /// <summary>Case-folded letters and digits separated by single spaces; accents removed.</summary>
    internal static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(c);
            if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}

/// <summary>A postal address as one line of text.</summary>
public sealed class AddressType : PropertyType
{
    internal AddressType()
    {
    }

    public override string Name => "address";
    public override int MaxLength => 1024;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text.Trim(' ', ',', ';');
        error = cleaned.Any(char.IsLetterOrDigit) ? null : "an address needs at least one letter or digit";
        return error is null;
    }

    public override double Compare(string left, string right) => PropertyTypes.Name.Compare(left, right);

    public override string? Key(string value) => NameType.Fold(value);
}
