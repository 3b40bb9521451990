using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using OsintResolver.Crawling;

namespace OsintResolver.Crawlers.UsOfacSdn;

/// <summary>
/// The OFAC SDN list, from <c>sdn.xml</c> (option <c>format: xml</c>) or from the CSV trio
/// <c>sdn.csv</c>/<c>add.csv</c>/<c>alt.csv</c> (<c>format: csv</c>). Both are read into
/// <see cref="SdnEntry"/> records and mapped by <see cref="SdnMapper"/>, which also parses the
/// remarks into properties, identifications and relations.
/// </summary>
[Source("us_ofac_sdn")]
internal sealed class UsOfacSdnCrawler : ICrawler
{
    public async Task CrawlAsync(CrawlContext context, CancellationToken cancellationToken)
    {
        var format = (context.Option("format") ?? "xml").ToLowerInvariant();
        var entries = format switch
        {
            "xml" => await ReadXmlAsync(context, cancellationToken).ConfigureAwait(false),
            "csv" => await ReadCsvAsync(context, cancellationToken).ConfigureAwait(false),
            _ => throw new Model.Errors.InvalidInputException($"us_ofac_sdn: option format must be xml or csv, not '{format}'"),
        };
        new SdnMapper(context, entries).EmitAll();
    }

    // ---- XML ----------------------------------------------------------------------------------

    private static async Task<List<SdnEntry>> ReadXmlAsync(CrawlContext context, CancellationToken ct)
    {
        var document = await context.FetchAsync(context.Url("sdn_xml"), ct).ConfigureAwait(false);
        var entries = new List<SdnEntry>();
        using var reader = context.OpenXml(document);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sdnEntry")
            {
                var record = SourceRecord.FromXml((XElement)XNode.ReadFrom(reader));
                record.Key = record.Pop("uid") ?? "";
                entries.Add(FromXml(record, document));
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "publshInformation")
            {
                var info = SourceRecord.FromXml((XElement)XNode.ReadFrom(reader));
                context.Log.LogPublication(info.Pop("Publish_Date"), info.Pop("Record_Count"));
            }
            else
            {
                reader.Read();
            }
        }

        return entries;
    }

    private static SdnEntry FromXml(SourceRecord r, CrawlDocument document)
    {
        var entry = new SdnEntry(r.Key, document, r)
        {
            FirstName = r.Pop("firstName"),
            LastName = r.Pop("lastName"),
            Type = r.Pop("sdnType")?.ToLowerInvariant() ?? "entity",
            Title = r.Pop("title"),
            Remarks = r.Pop("remarks"),
        };
        entry.Name = entry.Type == "individual" && entry.FirstName is not null ? $"{entry.FirstName} {entry.LastName}" : entry.LastName;
        entry.Programs.AddRange(r.PopNested("programList", "program"));
        foreach (var vessel in r.PopChildren("vesselInfo"))
        {
            entry.CallSign = vessel.Pop("callSign");
            entry.VesselType = vessel.Pop("vesselType");
            entry.VesselFlag = vessel.Pop("vesselFlag");
            entry.VesselOwner = vessel.Pop("vesselOwner");
            entry.Tonnage = vessel.Pop("tonnage");
            entry.GrossTonnage = vessel.Pop("grossRegisteredTonnage");
        }

        foreach (var list in r.PopChildren("akaList"))
        {
            foreach (var aka in list.PopChildren("aka"))
            {
                aka.Ignore("uid");
                var first = aka.Pop("firstName");
                var last = aka.Pop("lastName");
                entry.Aliases.Add(new SdnAlias(aka.Pop("type") ?? "a.k.a.", first is null ? last : $"{first} {last}", aka.Pop("category")));
            }
        }

        foreach (var list in r.PopChildren("addressList"))
        {
            foreach (var address in list.PopChildren("address"))
            {
                address.Ignore("uid");
                entry.Addresses.Add(new SdnAddress(
                    Join(", ", address.Pop("address1"), address.Pop("address2"), address.Pop("address3")),
                    address.Pop("city"), address.Pop("stateOrProvince"), address.Pop("postalCode"), address.Pop("country"), null));
            }
        }

        foreach (var list in r.PopChildren("idList"))
        {
            foreach (var id in list.PopChildren("id"))
            {
                id.Ignore("uid");
                entry.Facts.Add(new SdnFact(id.Pop("idType") ?? "", id.Pop("idNumber") ?? "", id.Pop("idCountry"), id.Pop("issueDate"), id.Pop("expirationDate")));
            }
        }

        foreach (var (listName, itemName, valueName, key) in new[]
                 {
                     ("dateOfBirthList", "dateOfBirthItem", "dateOfBirth", "DOB"),
                     ("placeOfBirthList", "placeOfBirthItem", "placeOfBirth", "POB"),
                     ("nationalityList", "nationality", "country", "nationality"),
                     ("citizenshipList", "citizenship", "country", "citizen"),
                 })
        {
            foreach (var list in r.PopChildren(listName))
            {
                foreach (var item in list.PopChildren(itemName))
                {
                    item.Ignore("uid", "mainEntry");
                    if (item.Pop(valueName) is { } value)
                    {
                        entry.Facts.Add(new SdnFact(key, value, null, null, null));
                    }
                }
            }
        }

        return entry;
    }

    // ---- CSV ----------------------------------------------------------------------------------

    private static readonly string[] SdnColumns = ["ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks"];
    private static readonly string[] AddColumns = ["ent_num", "Add_num", "Address", "City_State_Postal", "Country", "Add_remarks"];
    private static readonly string[] AltColumns = ["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"];

    private static async Task<List<SdnEntry>> ReadCsvAsync(CrawlContext context, CancellationToken ct)
    {
        var sdn = await context.FetchAsync(context.Url("sdn_csv"), ct).ConfigureAwait(false);
        var add = await context.FetchAsync(context.Url("add_csv"), ct).ConfigureAwait(false);
        var alt = await context.FetchAsync(context.Url("alt_csv"), ct).ConfigureAwait(false);
        var entries = new Dictionary<string, SdnEntry>(StringComparer.Ordinal);
        var order = new List<SdnEntry>();
        foreach (var r in ReadCsv(context, sdn, "sdn.csv", SdnColumns))
        {
            var type = r.Pop("SDN_Type")?.ToLowerInvariant() ?? "entity";
            var entry = new SdnEntry(r.Key, sdn, r)
            {
                Name = r.Pop("SDN_Name"),
                Type = type,
                Title = r.Pop("Title"),
                CallSign = r.Pop("Call_Sign"),
                VesselType = r.Pop("Vess_type"),
                Tonnage = r.Pop("Tonnage"),
                GrossTonnage = r.Pop("GRT"),
                VesselFlag = r.Pop("Vess_flag"),
                VesselOwner = r.Pop("Vess_owner"),
                Remarks = r.Pop("Remarks"),
            };
            entry.Programs.AddRange((r.Pop("Program") ?? "").Split("] [", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Trim('[', ']', ' ')));
            if (!entries.TryAdd(entry.Uid, entry))
            {
                context.Drop($"sdn.csv entry {entry.Uid}", "duplicate ent_num");
                continue;
            }

            order.Add(entry);
        }

        foreach (var r in ReadCsv(context, add, "add.csv", AddColumns))
        {
            if (!entries.TryGetValue(r.Key, out var entry))
            {
                context.Drop($"add.csv address {r.Pop("Add_num")} of entry {r.Key}", "no such entry in sdn.csv");
                r.Ignore("Address", "City_State_Postal", "Country", "Add_remarks");
                continue;
            }

            r.Ignore("Add_num");
            entry.Addresses.Add(new SdnAddress(r.Pop("Address"), r.Pop("City_State_Postal"), null, null, r.Pop("Country"), r.Pop("Add_remarks")));
            entry.Records.Add(r);
        }

        foreach (var r in ReadCsv(context, alt, "alt.csv", AltColumns))
        {
            if (!entries.TryGetValue(r.Key, out var entry))
            {
                context.Drop($"alt.csv alias {r.Pop("alt_num")} of entry {r.Key}", "no such entry in sdn.csv");
                r.Ignore("alt_type", "alt_name", "alt_remarks");
                continue;
            }

            r.Ignore("alt_num");
            var type = r.Pop("alt_type") ?? "aka";
            var remarks = r.Pop("alt_remarks");
            entry.Aliases.Add(new SdnAlias(type, r.Pop("alt_name"), remarks));
            entry.Records.Add(r);
        }

        return order;
    }

    private static IEnumerable<SourceRecord> ReadCsv(CrawlContext context, CrawlDocument document, string file, string[] columns)
    {
        var text = Decode(document.Body.Span);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        var row = 0;
        while (csv.Read())
        {
            row++;
            var record = csv.Parser.Record ?? [];
            // OFAC ends add.csv with a DOS end-of-file character on a line of its own.
            if (record.Length == 1 && record[0].Trim('\u001a', ' ').Length == 0)
            {
                continue;
            }

            if (record.Length != columns.Length)
            {
                context.Drop($"{file} row {row}", $"{record.Length} columns, expected {columns.Length}");
                continue;
            }

            var key = record[0].Trim();
            yield return SourceRecord.FromColumns(file, key, columns.Skip(1).Zip(record.Skip(1), (c, v) => (c, (string?)v)));
        }
    }

    /// <summary>OFAC files are UTF-8 today and were Latin-1; take UTF-8 when it is valid.</summary>
    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    internal static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToArray();
        return present.Length == 0 ? null : string.Join(separator, present);
    }
}

internal static partial class OfacLog
{
    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "sdn.xml published {Date} with {Count} records")]
    public static partial void LogPublication(this Microsoft.Extensions.Logging.ILogger logger, string? date, string? count);
}
