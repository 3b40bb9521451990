namespace OsintResolver.Model.Types;

/// <summary>The closed set of property types.</summary>
public static class PropertyTypes
{
    public static readonly StringType String = new();
    public static readonly NameType Name = new();
    public static readonly TextType Text = new();
    public static readonly HtmlType Html = new();
    public static readonly DateType Date = new();
    public static readonly CountryType Country = new();
    public static readonly LanguageType Language = new();
    public static readonly IdentifierType Identifier = new();
    public static readonly ImoType Imo = new();
    public static readonly LeiType Lei = new();
    public static readonly IbanType Iban = new();
    public static readonly BicType Bic = new();
    public static readonly IsinType Isin = new();
    public static readonly InnType Inn = new();
    public static readonly OgrnType Ogrn = new();
    public static readonly WikidataType Wikidata = new();
    public static readonly HsCodeType HsCode = new();
    public static readonly EmailType Email = new();
    public static readonly PhoneType Phone = new();
    public static readonly UrlType Url = new();
    public static readonly AddressType Address = new();
    public static readonly EntityType Entity = new();
    public static readonly NumberType Number = new();
    public static readonly TopicType Topic = new();
    public static readonly GenderType Gender = new();
    public static readonly ChecksumType Checksum = new();
    public static readonly MimeTypeType MimeType = new();
    public static readonly IpType Ip = new();

    public static IReadOnlyList<PropertyType> All { get; } =
    [
        String, Name, Text, Html, Date, Country, Language, Identifier, Imo, Lei, Iban, Bic, Isin, Inn, Ogrn,
        Wikidata, HsCode, Email, Phone, Url, Address, Entity, Number, Topic, Gender, Checksum, MimeType, Ip,
    ];

    /// <summary>The type for a YAML <c>type</c> and optional identifier <c>format</c>; null if unknown.</summary>
    public static PropertyType? Resolve(string type, string? format)
    {
        if (format is not null)
        {
            return type == "identifier"
                ? All.OfType<IdentifierType>().FirstOrDefault(t => t.Format == format)
                : null;
        }

        return All.FirstOrDefault(t => t.Name == type && t is not IdentifierType { Format: not null });
    }
}
