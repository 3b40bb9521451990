using OsintResolver.Model.Entities;
using OsintResolver.Model.Types;
using OsintResolver.Text.Identifiers;
using OsintResolver.Text.Names;
using OsintResolver.Text.Transliteration;

namespace OsintResolver.Resolution.Profiles;

/// <summary>Builds <see cref="EntityProfile"/>s from entities. Thread-safe.</summary>
internal static class ProfileBuilder
{
    /// <summary>Names beyond this many are ignored: a few entities list hundreds of spellings.</summary>
    public const int MaxNames = 12;

    private static readonly string[] DateProps = ["birthDate", "incorporationDate", "buildDate"];
    private static readonly string[] JurisdictionProps = ["jurisdiction", "country", "mainCountry"];

    public static EntityProfile Build(Entity entity)
    {
        var kind = NameNormalizer.KindOf(entity.Schema.Name);
        var rawNames = new List<string>();
        foreach (var (property, value) in entity.Items())
        {
            if (property.Type is NameType && property.Matchable && rawNames.Count < MaxNames && !rawNames.Contains(value.Value))
            {
                rawNames.Add(value.Value);
            }
        }

        string? given = null, family = null;
        if (kind == NameKind.Person)
        {
            given = Ascii(entity.First("firstName"));
            family = Ascii(entity.First("lastName"));
            if (rawNames.Count == 0 && (given is not null || family is not null))
            {
                rawNames.Add($"{entity.First("firstName")} {entity.First("lastName")}".Trim());
            }
        }

        var names = rawNames.Select(n => NameNormalizer.Normalize(n, kind)).Where(n => !n.IsEmpty).ToArray();

        var jurisdiction = JurisdictionProps.Select(entity.First).FirstOrDefault(v => v is not null);
        var identifiers = new List<IdentifierKey>();
        var dates = new List<PartialDate>();
        var countries = new List<string>();
        var addresses = new List<string[]>();
        foreach (var (property, value) in entity.Items())
        {
            if (!property.Matchable)
            {
                continue;
            }

            switch (property.Type)
            {
                case CountryType:
                    if (!countries.Contains(value.Value))
                    {
                        countries.Add(value.Value);
                    }

                    break;
                case DateType when DateProps.Contains(property.Name):
                    if (PartialDate.Parse(value.Value) is { } date && !dates.Contains(date))
                    {
                        dates.Add(date);
                    }

                    break;
                case AddressType:
                    if (addresses.Count < 5)
                    {
                        var tokens = Latinizer.ToAscii(value.Value).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        if (tokens.Length > 0)
                        {
                            addresses.Add(tokens);
                        }
                    }

                    break;
                default:
                    if (IdentifierKeys.For(property, value.Value, jurisdiction) is { } key && !identifiers.Contains(key))
                    {
                        identifiers.Add(key);
                    }

                    break;
            }
        }

        return new EntityProfile
        {
            Id = entity.Id,
            Schema = entity.Schema,
            Kind = kind,
            Names = names,
            Given = given,
            Family = family,
            Identifiers = [.. identifiers],
            Dates = [.. dates],
            Countries = [.. countries],
            Addresses = [.. addresses],
        };
    }

    private static string? Ascii(string? value) =>
        value is null ? null : Latinizer.ToAscii(value) is { Length: > 0 } ascii ? ascii : null;
}
