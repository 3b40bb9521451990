using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using OsintResolver.Crawling;
using OsintResolver.Model.Entities;

namespace OsintResolver.Crawlers.UnScConsolidated;

/// <summary>
/// The UN Security Council consolidated list (XML): individuals become Person, entities become
/// Organization, each with a Sanction per listing, Address entities, and Identification or
/// Passport entities for their documents. Alias quality decides the property: good and a.k.a.
/// names are aliases, low-quality names weak aliases, f.k.a. names previous names.
/// </summary>
[Source("un_sc_consolidated")]
internal sealed class UnScConsolidatedCrawler : ICrawler
{
    private const string Authority = "United Nations Security Council";

    // The committee that maintains each UN list (the XML only names the list).
    private static readonly Dictionary<string, string> Committees = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Al-Qaida"] = "Security Council Committee pursuant to resolutions 1267 (1999), 1989 (2011) and 2253 (2015) concerning ISIL (Da'esh), Al-Qaida",
        ["Taliban"] = "Security Council Committee established pursuant to resolution 1988 (2011)",
        ["DPRK"] = "Security Council Committee established pursuant to resolution 1718 (2006)",
        ["Iran"] = "Security Council Committee established pursuant to resolution 1737 (2006)",
        ["Iraq"] = "Security Council Committee established pursuant to resolution 1518 (2003)",
        ["Libya"] = "Security Council Committee established pursuant to resolution 1970 (2011)",
        ["Somalia"] = "Security Council Committee pursuant to resolutions 751 (1992) and 1907 (2009) concerning Somalia and Eritrea",
        ["DRC"] = "Security Council Committee established pursuant to resolution 1533 (2004)",
        ["Sudan"] = "Security Council Committee established pursuant to resolution 1591 (2005)",
        ["SouthSudan"] = "Security Council Committee established pursuant to resolution 2206 (2015)",
        ["CAR"] = "Security Council Committee established pursuant to resolution 2127 (2013)",
        ["Yemen"] = "Security Council Committee established pursuant to resolution 2140 (2014)",
        ["GB"] = "Security Council Committee established pursuant to resolution 2048 (2012) concerning Guinea-Bissau",
        ["Mali"] = "Security Council Committee established pursuant to resolution 2374 (2017)",
        ["Haiti"] = "Security Council Committee established pursuant to resolution 2653 (2022)",
    };

    public async Task CrawlAsync(CrawlContext context, CancellationToken cancellationToken)
    {
        var document = await context.FetchAsync(context.Url("xml"), cancellationToken).ConfigureAwait(false);
        using var reader = context.OpenXml(document);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "INDIVIDUAL" or "ENTITY")
            {
                var element = (XElement)XNode.ReadFrom(reader);
                var record = SourceRecord.FromXml(element);
                record.Key = record.Pop("REFERENCE_NUMBER") ?? "";
                if (record.Key.Length == 0)
                {
                    context.Drop($"{element.Name.LocalName} #{element.Element("DATAID")?.Value}", "no REFERENCE_NUMBER");
                    continue;
                }

                if (element.Name.LocalName == "INDIVIDUAL")
                {
                    Individual(context, record);
                }
                else
                {
                    Organization(context, record);
                }

                context.AuditUnused(record);
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static void Individual(CrawlContext context, SourceRecord record)
    {
        var person = context.Make("Person", record.Key);
        var parts = new[] { "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" }.Select(record.Pop).ToArray();
        context.Add(person, "name", string.Join(" ", parts.Where(p => p is not null)));
        context.Add(person, "firstName", parts[0]);
        context.Add(person, "secondName", parts[1]);
        context.Add(person, "middleName", parts[2]);
        context.Add(person, "lastName", parts[3]);
        context.Add(person, "title", record.PopNested("TITLE", "VALUE"));
        context.Add(person, "position", record.PopNested("DESIGNATION", "VALUE"));
        context.Add(person, "nationality", record.PopNested("NATIONALITY", "VALUE"));
        if (record.Pop("GENDER") is { } gender && !gender.Equals("Unknown", StringComparison.OrdinalIgnoreCase))
        {
            context.Add(person, "gender", gender);
        }

        Common(context, record, person);
        foreach (var alias in record.PopChildren("INDIVIDUAL_ALIAS"))
        {
            Alias(context, alias, person);
            // The list sometimes files birth details under an alias.
            context.Add(person, "birthDate", alias.Pop("DATE_OF_BIRTH"));
            context.Add(person, "birthPlace", alias.Pop("CITY_OF_BIRTH"));
            context.Add(person, "birthCountry", alias.Pop("COUNTRY_OF_BIRTH"));
        }

        foreach (var birth in record.PopChildren("INDIVIDUAL_DATE_OF_BIRTH"))
        {
            BirthDate(context, birth, person);
        }

        foreach (var place in record.PopChildren("INDIVIDUAL_PLACE_OF_BIRTH"))
        {
            var city = place.Pop("CITY");
            var state = place.Pop("STATE_PROVINCE");
            var country = place.Pop("COUNTRY");
            context.Add(person, "birthPlace", Join(city, state, country));
            context.Add(person, "birthCountry", country);
            context.Add(person, "notes", place.Pop("NOTE"));
        }

        foreach (var address in record.PopChildren("INDIVIDUAL_ADDRESS"))
        {
            Address(context, address, person);
        }

        foreach (var doc in record.PopChildren("INDIVIDUAL_DOCUMENT"))
        {
            Document(context, doc, person);
        }

        context.Emit(person);
    }

    private static void Organization(CrawlContext context, SourceRecord record)
    {
        var organization = context.Make("Organization", record.Key);
        context.Add(organization, "name", record.Pop("FIRST_NAME"));
        Common(context, record, organization);
        foreach (var alias in record.PopChildren("ENTITY_ALIAS"))
        {
            Alias(context, alias, organization);
        }

        foreach (var address in record.PopChildren("ENTITY_ADDRESS"))
        {
            Address(context, address, organization);
        }

        context.Emit(organization);
    }

    /// <summary>Fields shared by individuals and entities, and the Sanction of the listing.</summary>
    private static void Common(CrawlContext context, SourceRecord record, Entity entity)
    {
        var dataId = record.Pop("DATAID");
        var list = record.Pop("UN_LIST_TYPE");
        var listedOn = Date(record.Pop("LISTED_ON"));
        var comments = record.Pop("COMMENTS1");
        var updated = record.PopNested("LAST_DAY_UPDATED", "VALUE").Select(Date).ToList();
        context.Add(entity, "name", record.Pop("NAME_ORIGINAL_SCRIPT"));
        context.Add(entity, "notes", comments);
        context.Add(entity, "createdAt", listedOn);
        context.Add(entity, "modifiedAt", updated);
        context.Add(entity, "topics", "sanction");
        // VERSIONNUM and the sort keys are bookkeeping of the UN's database; LIST_TYPE is always "UN List".
        record.Ignore("VERSIONNUM", "SORT_KEY", "SORT_KEY_LAST_MOD");
        record.PopNested("LIST_TYPE", "VALUE");

        var sanction = context.Make("Sanction", "sanction", record.Key);
        context.Add(sanction, "entity", entity.Id);
        context.Add(sanction, "authority", Authority);
        context.Add(sanction, "unscId", record.Key);
        context.Add(sanction, "authorityId", dataId);
        context.Add(sanction, "program", list);
        if (list is not null)
        {
            if (Committees.TryGetValue(list, out var committee))
            {
                context.Add(sanction, "provisions", committee);
            }
            else
            {
                context.Warn($"{record.Key}: no committee known for UN list '{list}'");
            }
        }

        context.Add(sanction, "listingDate", listedOn);
        context.Add(sanction, "startDate", listedOn);
        context.Add(sanction, "modifiedAt", updated);
        context.Add(sanction, "reason", comments);
        var submittedBy = record.Pop("SUBMITTED_BY");
        var submittedOn = Date(record.Pop("SUBMITTED_ON"));
        if (submittedBy is not null || submittedOn is not null)
        {
            context.Add(sanction, "summary", $"Listing proposed by {submittedBy ?? "(not named)"}{(submittedOn is null ? "" : " on " + submittedOn)}");
            context.Add(sanction, "date", submittedOn);
        }

        context.Emit(sanction);
    }

    private static void Alias(CrawlContext context, SourceRecord alias, Entity entity)
    {
        var name = alias.Pop("ALIAS_NAME");
        var quality = alias.Pop("QUALITY");
        var note = alias.Pop("NOTE");
        if (name is null)
        {
            context.Add(entity, "notes", note);
            return;
        }

        var prop = quality?.ToLowerInvariant() switch
        {
            "low" => "weakAlias",
            "f.k.a." => "previousName",
            _ => "alias",
        };
        if (quality is not null && quality.ToLowerInvariant() is not ("good" or "low" or "a.k.a." or "f.k.a."))
        {
            context.Warn($"{alias.Key}: unknown alias quality '{quality}'; stored as alias");
        }

        context.Add(entity, prop, name);
        context.Add(entity, "notes", note is null ? null : $"{name}: {note}");
    }

    private static void BirthDate(CrawlContext context, SourceRecord birth, Entity person)
    {
        var type = birth.Pop("TYPE_OF_DATE");
        context.Add(person, "birthDate", Date(birth.Pop("DATE")));
        context.Add(person, "birthDate", birth.Pop("YEAR"));
        var from = birth.Pop("FROM_YEAR");
        var to = birth.Pop("TO_YEAR");
        if (int.TryParse(from, CultureInfo.InvariantCulture, out var start) && int.TryParse(to, CultureInfo.InvariantCulture, out var end) &&
            end >= start && end - start <= 30)
        {
            for (var year = start; year <= end; year++)
            {
                context.Add(person, "birthDate", year.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            context.Add(person, "birthDate", from);
            context.Add(person, "birthDate", to);
        }

        if (birth.Pop("NOTE") is { } note)
        {
            context.Add(person, "notes", $"Date of birth{(type is null ? "" : $" ({type.ToLowerInvariant()})")}: {note}");
        }
    }

    private static void Address(CrawlContext context, SourceRecord record, Entity holder)
    {
        var street = record.Pop("STREET");
        var city = record.Pop("CITY");
        var region = record.Pop("STATE_PROVINCE");
        var postal = record.Pop("ZIP_CODE");
        var country = record.Pop("COUNTRY");
        var note = record.Pop("NOTE");
        if (street is null && city is null && region is null && postal is null)
        {
            // Only a country: that is where the entity is, not an address.
            context.Add(holder, "country", country);
            context.Add(holder, "notes", note);
            return;
        }

        var full = Join(street, city, region, postal, country)!;
        var address = context.Make("Address", "address", full);
        context.Add(address, "full", full);
        context.Add(address, "street", street);
        context.Add(address, "city", city);
        context.Add(address, "region", region);
        context.Add(address, "postalCode", postal);
        context.Add(address, "country", country);
        context.Add(address, "remarks", note);
        context.Emit(address);
        context.Add(holder, "addressEntity", address.Id);
        context.Add(holder, "country", country);
    }

    private static void Document(CrawlContext context, SourceRecord record, Entity person)
    {
        var type = record.Pop("TYPE_OF_DOCUMENT");
        var type2 = record.Pop("TYPE_OF_DOCUMENT2");
        var number = record.Pop("NUMBER");
        var countries = record.PopAll("ISSUING_COUNTRY").Concat(record.PopAll("COUNTRY_OF_ISSUE")).Distinct().ToList();
        var country = countries.FirstOrDefault();
        var city = record.Pop("CITY_OF_ISSUE");
        var issued = Date(record.Pop("DATE_OF_ISSUE"));
        var note = record.Pop("NOTE");
        var label = Join(type, type2) ?? "Document";
        if (number is null)
        {
            // A document the list describes without a number: keep what it says on the person.
            context.Add(person, "notes", $"{label}: {Join(note, country, city, issued) ?? "no details"}");
            return;
        }

        var isPassport = label.Contains("pass", StringComparison.OrdinalIgnoreCase) ||
                         label.Contains("pasaporte", StringComparison.OrdinalIgnoreCase);
        var identification = context.Make(isPassport ? "Passport" : "Identification", "document", person.Id, label, number);
        context.Add(identification, "holder", person.Id);
        if (!context.Add(identification, "number", number))
        {
            // Reported as invalid by Add; the text stays readable on the person.
            context.Add(person, "notes", $"{label}: {number}");
            return;
        }

        context.Add(identification, "type", label);
        context.Add(identification, "country", countries);
        context.Add(identification, "authority", city);
        context.Add(identification, "startDate", issued);
        context.Add(identification, "summary", note);
        context.Emit(identification);
        context.Add(person, isPassport ? "passportNumber" : "idNumber", number);
    }

    /// <summary>The list writes xs:date values, sometimes with a zone offset ("2015-04-14-04:00"); the date is what counts.</summary>
    private static string? Date(string? value) =>
        value is { Length: > 10 } && (value[10] is '-' or '+' or 'Z') && value[4] == '-' ? value[..10] : value;

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return present.Length == 0 ? null : string.Join(", ", present);
    }
}
