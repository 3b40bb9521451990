using OsintResolver.Model.Schemata;
using OsintResolver.Model.Types;

namespace OsintResolver.Text.Identifiers;

/// <summary>How much a shared identifier says about two records being one.</summary>
public enum IdentifierStrength
{
    /// <summary>Contact points (phone, e-mail, website): shared by related parties too.</summary>
    Contact,

    /// <summary>Numbers without a known issuer (a bare registration or ID number).</summary>
    Weak,

    /// <summary>Numbers that name one thing worldwide (IMO, LEI, INN, passport, registration + jurisdiction).</summary>
    Strong,
}

/// <summary>
/// An identifier in its comparison form: a kind ("imo", "lei", "reg", "passport", "phone" …) and
/// a normalised value. Two records sharing a key share the identifier; two records with
/// different values of the same <see cref="Kind"/> conflict.
/// </summary>
public readonly record struct IdentifierKey(string Kind, string Value, IdentifierStrength Strength, bool Valid)
{
    public string Key => Kind + ":" + Value;

    public override string ToString() => Key;
}

/// <summary>
/// Normalises and checks identifiers of entity properties, reusing the property types'
/// <c>Normalize</c>/<c>Key</c> and <see cref="Checksums"/>: IMO (check digit), LEI (mod 97),
/// INN/OGRN, registration numbers with their jurisdiction, passport and national ID numbers,
/// phones (national significant number), e-mails and website domains.
/// </summary>
public static class IdentifierKeys
{
    /// <summary>The key of one property value, or null for properties that are not identifiers.</summary>
    public static IdentifierKey? For(Property property, string value, string? jurisdiction = null)
    {
        switch (property.Type)
        {
            case EmailType:
                return PropertyTypes.Email.Key(value) is { } email ? new IdentifierKey("email", email, IdentifierStrength.Contact, true) : null;
            case PhoneType:
                var phone = PropertyTypes.Phone.Key(value);
                return phone is { Length: >= 6 } ? new IdentifierKey("phone", phone, IdentifierStrength.Contact, true) : null;
            case UrlType when property.Name is "website":
                return UrlType.Domain(value) is { } domain ? new IdentifierKey("domain", domain, IdentifierStrength.Contact, true) : null;
            case IdentifierType id:
                return ForIdentifier(property.Name, id, value, jurisdiction);
            default:
                return null;
        }
    }

    private static IdentifierKey? ForIdentifier(string prop, IdentifierType type, string value, string? jurisdiction)
    {
        if (type.Format is { } format)
        {
            var normalized = type.Normalize(value);
            return normalized.Length == 0 ? null : new IdentifierKey(format, normalized, IdentifierStrength.Strong, type.IsValid(value));
        }

        var compact = IdentifierType.Compact(value);
        if (compact.Length < 4)
        {
            // "1", "N/A", "123": too short to identify anything.
            return null;
        }

        // A number in a generic field that has the shape and check digits of a global one.
        if (compact.StartsWith("IMO", StringComparison.Ordinal) && Checksums.ValidateImo(compact) is null)
        {
            return new IdentifierKey("imo", compact[3..], IdentifierStrength.Strong, true);
        }

        if (compact.Length == 20 && Checksums.ValidateLei(compact) is null)
        {
            return new IdentifierKey("lei", compact, IdentifierStrength.Strong, true);
        }

        var digits = compact.All(char.IsAsciiDigit) ? compact.TrimStart('0') : compact;
        if (digits.Length < 4)
        {
            return null;
        }

        return prop switch
        {
            "registrationNumber" or "ogrnCode" or "okpoCode" or "cikCode" or "irsCode" or "dunsCode" or "voenCode" or "uniqueEntityId" =>
                jurisdiction is { Length: > 0 }
                    ? new IdentifierKey("reg-" + jurisdiction, digits, IdentifierStrength.Strong, true)
                    : new IdentifierKey("reg", digits, IdentifierStrength.Weak, true),
            "taxNumber" or "vatCode" or "innCode" => new IdentifierKey("tax", digits, IdentifierStrength.Strong, true),
            "passportNumber" => new IdentifierKey("passport", digits, IdentifierStrength.Strong, true),
            "socialSecurityNumber" => new IdentifierKey("ssn", digits, IdentifierStrength.Strong, true),
            "swiftBic" => new IdentifierKey("bic", digits, IdentifierStrength.Strong, true),
            "mmsi" or "callSign" => new IdentifierKey(prop, digits, IdentifierStrength.Strong, true),
            _ => new IdentifierKey("id", digits, IdentifierStrength.Weak, true),
        };
    }
}
