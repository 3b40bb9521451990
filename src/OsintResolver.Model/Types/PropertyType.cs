using System.Globalization;
using System.Text;
using OsintResolver.Model.Errors;

namespace OsintResolver.Model.Types;

/// <summary>
/// The type of a property value. The set is closed: every type is declared in this assembly and
/// listed in <see cref="PropertyTypes"/>. Each type knows how to clean (canonicalise), validate and
/// compare its values. Cleaning is idempotent: a cleaned value cleans to itself, so FtM data that
/// is already clean round-trips unchanged.
/// </summary>
public abstract class PropertyType
{
    private protected PropertyType()
    {
    }

    /// <summary>The FtM type name, as used in the schema YAML.</summary>
    public abstract string Name { get; }

    /// <summary>Whether values of this type take part in matching by default.</summary>
    public virtual bool Matchable => true;

    /// <summary>Values longer than this (after cleaning) are rejected.</summary>
    public virtual int MaxLength => 1024;

    /// <summary>Cleans a raw value; false with a reason when it is not a valid value of this type.</summary>
    public bool TryClean(string raw, out string cleaned, out string? error)
    {
        cleaned = "";
        if (raw is null)
        {
            error = "value is null";
            return false;
        }

        var text = Sanitize(raw);
        if (text.Length == 0)
        {
            error = "value is empty";
            return false;
        }

        if (!TryCleanCore(text, out cleaned, out error))
        {
            return false;
        }

        if (cleaned.Length > MaxLength)
        {
            error = $"value is {cleaned.Length} characters long; {Name} values may be at most {MaxLength}";
            cleaned = "";
            return false;
        }

        return true;
    }

    /// <summary>Cleans a value or throws <see cref="InvalidValueException"/> naming the property.</summary>
    public string Clean(string raw, string property)
    {
        if (!TryClean(raw, out var cleaned, out var error))
        {
            throw new InvalidValueException(property, raw ?? "", error!);
        }

        return cleaned;
    }

    public bool IsValid(string value) => TryClean(value, out _, out _);

    /// <summary>Similarity of two cleaned values, from 0 (different) to 1 (the same).</summary>
    public virtual double Compare(string left, string right) =>
        string.Equals(left, right, StringComparison.OrdinalIgnoreCase) ? 1.0 : 0.0;

    /// <summary>
    /// A key under which equal values collide, used to find entities sharing a value (an address,
    /// a phone, an identifier). Null for types where sharing a value means nothing.
    /// </summary>
    public virtual string? Key(string value) => null;

    private protected abstract bool TryCleanCore(string text, out string cleaned, out string? error);

    /// <summary>NFC, no control characters except newlines and tabs in long text, trimmed.</summary>
    private protected virtual string Sanitize(string raw)
    {
        var normalized = raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
        StringBuilder? sb = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var drop = char.IsControl(c) && !(KeepsLineBreaks && c is '\n' or '\t');
            if (drop || c == '\uFEFF')
            {
                sb ??= new StringBuilder(normalized, 0, i, normalized.Length);
                if (!KeepsLineBreaks)
                {
                    sb.Append(' ');
                }

                continue;
            }

            sb?.Append(c);
        }

        var text = sb?.ToString() ?? normalized;
        return KeepsLineBreaks ? text.Trim() : CollapseWhitespace(text);
    }

    private protected virtual bool KeepsLineBreaks => false;

    internal static string CollapseWhitespace(string text)
    {
        var needs = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' '))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    public override string ToString() => Name;

    private protected static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
