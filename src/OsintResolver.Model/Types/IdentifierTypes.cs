using System.Text;

namespace OsintResolver.Model.Types;

/// <summary>
/// A registration number, document number or code. Stored as given (trimmed); compared on
/// its letters and digits only, so "IMO 9123456" and "9123456" agree. Subtypes with a
/// <see cref="Format"/> validate structure and check digits.
/// </summary>
public class IdentifierType : PropertyType
{
    internal IdentifierType()
    {
    }

    public override string Name => "identifier";
    public override int MaxLength => 64;

    /// <summary>The FtM identifier format (imo, lei, iban …), or null for a plain identifier.</summary>
    public virtual string? Format => null;

    private protected override bool TryCleanCore(string text, out string cleaned, out string? error)
    {
        cleaned = text;
        if (!text.Any(char.IsLetterOrDigit))
        {
            error = "an identifier needs at least one letter or digit";
            return false;
        }

        error = Validate(Compact(text));
        return error is null;
    }

    /// <summary>Null when the compact value is valid, else the reason.</summary>
    private protected virtual string? Validate(string compact) => null;

    public override double Compare(string left, string right)
    {
        // The canonical form, so "IMO 8660313" and "8660313" are the same IMO number.
        var l = Normalize(left);
        var r = Normalize(right);
        if (l == r)
        {
            return 1.0;
        }

        // A number that contains the other, with at least 6 characters in common, is likely the
        // same number with a prefix or suffix (IMO 9123456 vs 9123456).
        return (l.Length >= 6 && r.Contains(l, StringComparison.Ordinal)) ||
               (r.Length >= 6 && l.Contains(r, StringComparison.Ordinal))
            ? 0.9
            : 0.0;
    }

    public override string? Key(string value) => (Format ?? "id") + ":" + Normalize(value);

    /// <summary>The identifier's canonical comparison form, e.g. the 7 digits of an IMO number.</summary>
    public virtual string Normalize(string value) => Compact(value);

    /// <summary>Upper-case letters and digits only.</summary>
    public static string Compact(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }
}

/// <summary>IMO ship (or company) number: seven digits, the last a weighted check digit.</summary>
public sealed class ImoType : IdentifierType
{
    internal ImoType()
    {
    }

    public override string Format => "imo";

    private protected override string? Validate(string compact) => Checksums.ValidateImo(compact);

    public override string Normalize(string value)
    {
        var c = Compact(value);
        return c.StartsWith("IMO", StringComparison.Ordinal) ? c[3..] : c;
    }
}

/// <summary>Legal Entity Identifier: 20 characters, ISO 17442, ISO 7064 mod 97-10.</summary>
public sealed class LeiType : IdentifierType
{
    internal LeiType()
    {
    }

    public override string Format => "lei";

    private protected override string? Validate(string compact) => Checksums.ValidateLei(compact);
}

public sealed class IbanType : IdentifierType
{
    internal IbanType()
    {
    }

    public override string Format => "iban";

    private protected override string? Validate(string compact) => Checksums.ValidateIban(compact);
}

public sealed class BicType : IdentifierType
{
    internal BicType()
    {
    }

    public override string Format => "bic";

    private protected override string? Validate(string compact) => Checksums.ValidateBic(compact);
}

public sealed class IsinType : IdentifierType
{
    internal IsinType()
    {
    }

    public override string Format => "isin";

    private protected override string? Validate(string compact) => Checksums.ValidateIsin(compact);
}

/// <summary>Russian taxpayer number (ИНН): 10 digits for organisations, 12 for people.</summary>
public sealed class InnType : IdentifierType
{
    internal InnType()
    {
    }

    public override string Format => "inn";

    private protected override string? Validate(string compact) => Checksums.ValidateInn(compact);
}

/// <summary>Russian primary state registration number (ОГРН): 13 or 15 digits.</summary>
public sealed class OgrnType : IdentifierType
{
    internal OgrnType()
    {
    }

    public override string Format => "ogrn";

    private protected override string? Validate(string compact) => Checksums.ValidateOgrn(compact);
}

public sealed class WikidataType : IdentifierType
{
    internal WikidataType()
    {
    }

    public override string Format => "wikidata";

    private protected override string? Validate(string compact) =>
        compact.Length > 1 && compact[0] == 'Q' && compact[1..].All(char.IsAsciiDigit) ? null : "not a Wikidata item ID (Q123)";
}

/// <summary>Harmonized System commodity code: 2 to 10 digits, dots allowed (8471.30).</summary>
public sealed class HsCodeType : IdentifierType
{
    internal HsCodeType()
    {
    }

    public override string Format => "hs";

    private protected override string? Validate(string compact) =>
        compact.Length is >= 2 and <= 10 && compact.All(char.IsAsciiDigit) ? null : "not an HS code (2 to 10 digits)";

    /// <summary>HS codes agree to the depth both give: 8471 and 847130 share a heading.</summary>
    public override double Compare(string left, string right)
    {
        // The canonical form, so "IMO 8660313" and "8660313" are the same IMO number.
        var l = Normalize(left);
        var r = Normalize(right);
        var n = Math.Min(l.Length, r.Length);
        return n >= 4 && string.CompareOrdinal(l, 0, r, 0, n) == 0 ? 1.0 : 0.0;
    }
}
