using System.Globalization;
using System.Text.RegularExpressions;
using OsintResolver.Crawling;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Types;

namespace OsintResolver.Crawlers.UsOfacSdn;

internal sealed record SdnAlias(string Type, string? Name, string? Remarks);

internal sealed record SdnAddress(string? Street, string? City, string? Region, string? PostalCode, string? Country, string? Remarks);

/// <summary>A typed fact: an idList item of sdn.xml, or a remark of either format.</summary>
internal sealed record SdnFact(string Key, string Value, string? Country, string? Issued, string? Expires);

/// <summary>One SDN entry, read from either format.</summary>
internal sealed class SdnEntry(string uid, CrawlDocument document, SourceRecord record)
{
    public string Uid { get; } = uid;
    public CrawlDocument Document { get; } = document;

    /// <summary>The source records this entry was read from (audited once mapped).</summary>
    public List<SourceRecord> Records { get; } = [record];

    public string? Name { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string Type { get; set; } = "entity";
    public string? Title { get; set; }
    public string? CallSign { get; set; }
    public string? VesselType { get; set; }
    public string? VesselFlag { get; set; }
    public string? VesselOwner { get; set; }
    public string? Tonnage { get; set; }
    public string? GrossTonnage { get; set; }
    public string? Remarks { get; set; }
    public List<string> Programs { get; } = [];
    public List<SdnAlias> Aliases { get; } = [];
    public List<SdnAddress> Addresses { get; } = [];
    public List<SdnFact> Facts { get; } = [];
}

/// <summary>
/// Maps SDN entries to entities: Person, Company or Organization, Vessel, Airplane; a Sanction per
/// entry; Address, Identification/Passport and CryptoWallet entities; and "Linked To", vessel
/// owner and aircraft operator relations resolved by name to the entry they name (an
/// UnknownLink, or the Vehicle's owner/operator). Remarks are split into facts; a fact no rule
/// knows is kept in the entity's notes, never dropped.
/// </summary>
internal sealed partial class SdnMapper
{
    private const string Authority = "Office of Foreign Assets Control";

    private readonly CrawlContext _context;
    private readonly List<SdnEntry> _entries;
    private readonly Dictionary<string, string?> _byName = new(StringComparer.Ordinal);

    public SdnMapper(CrawlContext context, List<SdnEntry> entries)
    {
        _context = context;
        _entries = entries;
        foreach (var entry in entries)
        {
            if (entry.Name is { } name)
            {
                var key = NameKey(name);
                // A name two entries share cannot be resolved to one of them.
                _byName[key] = _byName.ContainsKey(key) ? null : entry.Uid;
            }
        }
    }

    public void EmitAll()
    {
        foreach (var entry in _entries)
        {
            Emit(entry);
            foreach (var record in entry.Records)
            {
                _context.AuditUnused(record);
            }
        }
    }

    private string IdOf(string uid) => EntityIds.Make(_context.Dataset, uid);

    private void Emit(SdnEntry entry)
    {
        var facts = new List<SdnFact>(entry.Facts);
        var notes = new List<string>();
        if (entry.Remarks is { } remarks)
        {
            foreach (var part in SplitRemarks(remarks))
            {
                if (ParseRemark(part) is { } fact)
                {
                    facts.Add(fact);
                }
                else
                {
                    notes.Add(part);
                }
            }
        }

        var schema = entry.Type switch
        {
            "individual" => "Person",
            "vessel" => "Vessel",
            "aircraft" => "Airplane",
            _ => IsCompany(entry, facts) ? "Company" : "Organization",
        };
        var entity = new Entity(schema, IdOf(entry.Uid));
        var c = _context;
        c.Add(entity, "name", entry.Name);
        c.Add(entity, "topics", "sanction");
        c.Add(entity, "sourceUrl", $"https://sanctionssearch.ofac.treas.gov/Details.aspx?id={entry.Uid}");
        if (schema == "Person")
        {
            c.Add(entity, "firstName", entry.FirstName);
            c.Add(entity, "lastName", entry.LastName);
            c.Add(entity, "title", entry.Title);
        }
        else if (entry.Title is not null)
        {
            notes.Add($"Title: {entry.Title}");
        }

        if (schema == "Vessel")
        {
            c.Add(entity, "callSign", entry.CallSign);
            c.Add(entity, "type", entry.VesselType);
            c.Add(entity, "flag", Known(entry.VesselFlag));
            c.Add(entity, "tonnage", Number(entry.Tonnage));
            c.Add(entity, "grossRegisteredTonnage", Number(entry.GrossTonnage));
            if (entry.VesselOwner is { } owner)
            {
                c.Add(entity, "owner", Party(owner, entry));
            }
        }
        else if (entry.CallSign is not null || entry.VesselType is not null || entry.VesselFlag is not null || entry.VesselOwner is not null)
        {
            notes.Add($"Vessel details on a non-vessel entry: {UsOfacSdnCrawler.Join(", ", entry.CallSign, entry.VesselType, entry.VesselFlag, entry.VesselOwner)}");
        }

        if (schema == "Airplane")
        {
            c.Add(entity, "registrationNumber", entry.Name);
        }

        foreach (var alias in entry.Aliases)
        {
            var prop = alias.Type.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal) switch
            {
                "fka" => "previousName",
                _ when alias.Remarks?.Equals("weak", StringComparison.OrdinalIgnoreCase) == true => "weakAlias",
                _ => "alias",
            };
            c.Add(entity, prop, alias.Name);
            if (alias.Remarks is { } r && !r.Equals("weak", StringComparison.OrdinalIgnoreCase) && !r.Equals("strong", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"{alias.Name}: {r}");
            }
        }

        foreach (var address in entry.Addresses)
        {
            Address(entity, address);
        }

        var sanction = new Entity("Sanction", EntityIds.Make(_context.Dataset, "sanction", entry.Uid));
        c.Add(sanction, "entity", entity.Id);
        c.Add(sanction, "authority", Authority);
        c.Add(sanction, "authorityId", entry.Uid);
        c.Add(sanction, "country", "us");
        c.Add(sanction, "program", entry.Programs);
        foreach (var fact in facts)
        {
            Apply(entry, entity, sanction, fact, notes);
        }

        c.Add(entity, "notes", notes);
        c.Emit(entity, entry.Document);
        c.Emit(sanction, entry.Document);
    }

    // ---- facts --------------------------------------------------------------------------------

    private enum Target { Prop, Id, Passport, Imo, Provision, LinkedTo, Operator, Wallet, Alias, Previous, Date }

    private sealed record Rule(string Prefix, Target Target, string? Prop = null, string? Label = null);

    // Longest prefix first, so "Identification Number IMO" wins over "Identification Number".
    private static readonly Rule[] Rules = new Rule[]
    {
        new("DOB", Target.Date, "birthDate"),
        new("POB", Target.Prop, "birthPlace"),
        new("nationality", Target.Prop, "nationality"),
        new("citizen", Target.Prop, "citizenship"),
        new("Gender", Target.Prop, "gender"),
        new("a.k.a.", Target.Alias), new("n.k.a.", Target.Alias), new("f.k.a.", Target.Previous),
        new("Linked To:", Target.LinkedTo),
        new("Website", Target.Prop, "website"),
        new("Email Address", Target.Prop, "email"),
        new("Phone Number", Target.Prop, "phone"),
        new("Passport", Target.Passport), new("Diplomatic Passport", Target.Passport),
        new("Vessel Registration Identification", Target.Imo, "imoNumber"),
        new("Identification Number IMO", Target.Imo, "imoNumber"),
        new("Company Number IMO", Target.Imo, "imoNumber"),
        new("MMSI", Target.Prop, "mmsi"),
        new("Vessel Year of Build", Target.Date, "buildDate"),
        new("Former Vessel Flag", Target.Prop, "pastFlags"),
        new("Other Vessel Flag", Target.Prop, "pastFlags"),
        new("Other Vessel Type", Target.Prop, "pastTypes"),
        new("Other Vessel Call Sign", Target.Prop, "callSign"),
        new("Aircraft Construction Number (also called L/N or S/N or F/N)", Target.Prop, "serialNumber"),
        new("Aircraft Manufacturer's Serial Number (MSN)", Target.Prop, "serialNumber"),
        new("Aircraft Manufacture Date", Target.Date, "buildDate"),
        new("Aircraft Model", Target.Prop, "model"),
        new("Aircraft Operator", Target.Operator, "operator"),
        new("Aircraft Tail Number", Target.Prop, "registrationNumber"),
        new("Previous Aircraft Tail Number", Target.Id, null, "Previous aircraft tail number"),
        new("Aircraft Mode S Transponder Code", Target.Id, null, "Mode S transponder code"),
        new("Organization Established Date", Target.Date, "incorporationDate"),
        new("Organization Type:", Target.Prop, "legalForm"),
        new("Target Type", Target.Prop, "classification"),
        new("Nationality of Registration", Target.Prop, "jurisdiction"),
        new("Digital Currency Address -", Target.Wallet),
        new("National ID No.", Target.Id, "idNumber"), new("Cedula No.", Target.Id, "idNumber"), new("D.N.I.", Target.Id, "idNumber"),
        new("Personal ID Card", Target.Id, "idNumber"), new("Identification Number", Target.Id, "idNumber"),
        new("National Foreign ID Number", Target.Id, "idNumber"), new("Birth Certificate Number", Target.Id, "idNumber"),
        new("Driver's License No.", Target.Id, "idNumber"), new("CURP #", Target.Id, "idNumber"), new("SSN", Target.Id, "socialSecurityNumber"),
        new("Tax ID No.", Target.Id, "taxNumber"), new("NIT #", Target.Id, "taxNumber"), new("RFC", Target.Id, "taxNumber"),
        new("R.F.C.", Target.Id, "taxNumber"), new("C.U.I.T.", Target.Id, "taxNumber"), new("RUC #", Target.Id, "taxNumber"),
        new("RIF #", Target.Id, "taxNumber"), new("US FEIN", Target.Id, "taxNumber"), new("Tax Identification Number", Target.Id, "taxNumber"),
        new("V.A.T. Number", Target.Id, "vatCode"), new("D-U-N-S Number", Target.Id, "dunsCode"), new("SWIFT/BIC", Target.Id, "swiftBic"),
        new("Legal Entity Number", Target.Id, "leiCode"), new("ISIN", Target.Id, "isinCode"), new("Equity Ticker", Target.Id, "ticker"),
        new("Registration Number", Target.Id, "registrationNumber"), new("Registration ID", Target.Id, "registrationNumber"),
        new("Business Registration Number", Target.Id, "registrationNumber"), new("Business Registration Document #", Target.Id, "registrationNumber"),
        new("Company Number", Target.Id, "registrationNumber"), new("Commercial Registry Number", Target.Id, "registrationNumber"),
        new("C.R. No.", Target.Id, "registrationNumber"), new("Public Registration Number", Target.Id, "registrationNumber"),
        new("Trade License No.", Target.Id, "registrationNumber"), new("Folio Mercantil No.", Target.Id, "registrationNumber"),
        new("Matricula Mercantil No", Target.Id, "registrationNumber"), new("Government Gazette Number", Target.Id, "registrationNumber"),
        new("Chamber of Commerce Number", Target.Id, "registrationNumber"), new("UK Company Number", Target.Id, "registrationNumber"),
        new("Unified Social Credit Code (USCC)", Target.Id, "registrationNumber"), new("Enterprise Number", Target.Id, "registrationNumber"),
        new("Certificate of Incorporation Number", Target.Id, "registrationNumber"), new("License", Target.Id, "registrationNumber"),
        new("Additional Sanctions Information -", Target.Provision), new("Secondary sanctions risk:", Target.Provision),
        new("Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:", Target.Provision),
        new("Executive Order 13662 Directive Determination -", Target.Provision), new("Executive Order 13846 information:", Target.Provision),
        new("Executive Order 14024 Directive Information", Target.Provision), new("Executive Order 14014 Directive Information:", Target.Provision),
        new("CAATSA Section 235 Information:", Target.Provision), new("Effective Date", Target.Provision), new("Listing Date", Target.Provision),
        new("Purchase/Sales For Divestment Date (CMIC)", Target.Provision),
    }.OrderByDescending(r => r.Prefix.Length).ToArray();

    /// <summary>A remark as a fact (key, value, country in parentheses), or null when no rule knows it.</summary>
    internal static SdnFact? ParseRemark(string remark)
    {
        var text = remark.Trim().TrimEnd('.').Trim();
        if (text.StartsWith("alt. ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[5..];
        }

        foreach (var rule in Rules)
        {
            if (text.StartsWith(rule.Prefix, StringComparison.OrdinalIgnoreCase) &&
                (text.Length == rule.Prefix.Length || !char.IsLetterOrDigit(text[rule.Prefix.Length]) || !char.IsLetterOrDigit(rule.Prefix[^1])))
            {
                var value = text[rule.Prefix.Length..].Trim().TrimStart(':', '#').Trim();
                string? country = null, issued = null, expires = null;
                if (rule.Target is Target.Id or Target.Passport or Target.Imo)
                {
                    (value, country, issued, expires) = SplitIdentifier(value);
                }

                return new SdnFact(rule.Prefix, value, country, issued, expires);
            }
        }

        return null;
    }

    private void Apply(SdnEntry entry, Entity entity, Entity sanction, SdnFact fact, List<string> notes)
    {
        var key = fact.Key.Trim().TrimEnd(':', '-').Trim();
        var rule = Rules.FirstOrDefault(r => r.Prefix.TrimEnd(':', '-').Trim().Equals(key, StringComparison.OrdinalIgnoreCase));
        var value = fact.Value.Trim();
        if (rule is null || value.Length == 0)
        {
            notes.Add(value.Length == 0 ? fact.Key : $"{fact.Key} {value}");
            return;
        }

        var c = _context;
        switch (rule.Target)
        {
            case Target.Date:
                foreach (var date in Dates(value))
                {
                    AddOrNote(entity, rule.Prop!, date, notes, fact);
                }

                break;
            case Target.Prop:
                if (Known(value) is null)
                {
                    break;
                }

                AddOrNote(entity, rule.Prop!, value, notes, fact);
                break;
            case Target.Alias:
            case Target.Previous:
                c.Add(entity, rule.Target == Target.Alias ? "alias" : "previousName", value.Trim('\'', '"', ' '));
                break;
            case Target.Imo:
                var imo = value.StartsWith("IMO", StringComparison.OrdinalIgnoreCase) ? value : $"IMO {value}";
                AddOrNote(entity, "imoNumber", imo, notes, fact);
                break;
            case Target.Passport:
                Identification(entry, entity, "Passport", fact.Key, value, fact, notes, "passportNumber");
                break;
            case Target.Id:
                Identification(entry, entity, "Identification", rule.Label ?? fact.Key.TrimEnd(' ', '#', ':'), value, fact, notes, rule.Prop);
                break;
            case Target.Provision:
                c.Add(sanction, "provisions", $"{fact.Key.TrimEnd(' ', '-', ':')}: {value}");
                break;
            case Target.LinkedTo:
                Link(entry, entity, value, notes);
                break;
            case Target.Operator:
                if (entity.Schema.GetProperty("operator") is not null)
                {
                    c.Add(entity, "operator", Party(value, entry));
                }
                else
                {
                    notes.Add($"{fact.Key} {value}");
                }

                break;
            case Target.Wallet:
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                var currency = space > 0 ? value[..space] : null;
                var address = space > 0 ? value[(space + 1)..].Trim() : value;
                var wallet = new Entity("CryptoWallet", EntityIds.Make(c.Dataset, "wallet", currency, address));
                c.Add(wallet, "publicKey", address);
                c.Add(wallet, "currency", currency);
                c.Add(wallet, "holder", entity.Id);
                c.Add(wallet, "topics", "sanction");
                c.Emit(wallet, entry.Document);
                break;
        }
    }

    private void AddOrNote(Entity entity, string prop, string value, List<string> notes, SdnFact fact)
    {
        if (entity.Schema.GetProperty(prop) is null)
        {
            // e.g. a DOB on an organisation: not a property of its schema, so it stays readable.
            notes.Add($"{fact.Key} {fact.Value}");
            return;
        }

        if (!_context.Add(entity, prop, value))
        {
            notes.Add($"{fact.Key} {fact.Value}");
        }
    }

    private void Identification(SdnEntry entry, Entity holder, string schema, string type, string number, SdnFact fact, List<string> notes, string? prop)
    {
        var c = _context;
        if (!holder.Schema.IsA("LegalEntity"))
        {
            notes.Add($"{type} {number}");
            return;
        }

        var id = new Entity(schema, EntityIds.Make(c.Dataset, "id", entry.Uid, type, number));
        c.Add(id, "holder", holder.Id);
        if (!c.Add(id, "number", number))
        {
            notes.Add($"{type} {number}");
            return;
        }

        c.Add(id, "type", type);
        c.Add(id, "country", fact.Country);
        foreach (var date in Dates(fact.Issued ?? ""))
        {
            c.Add(id, "startDate", date);
        }

        foreach (var date in Dates(fact.Expires ?? ""))
        {
            c.Add(id, "endDate", date);
        }

        c.Emit(id, entry.Document);
        if (prop is not null && holder.Schema.GetProperty(prop) is not null)
        {
            c.Add(holder, prop, number);
        }
    }

    private void Link(SdnEntry entry, Entity entity, string name, List<string> notes)
    {
        var target = Resolve(name);
        if (target is null)
        {
            _context.Warn($"{entry.Uid}: 'Linked To: {name}' names no single SDN entry; kept in notes");
            notes.Add($"Linked To: {name}");
            return;
        }

        var link = new Entity("UnknownLink", EntityIds.Make(_context.Dataset, "link", entry.Uid, target));
        _context.Add(link, "subject", entity.Id);
        _context.Add(link, "object", IdOf(target));
        _context.Add(link, "role", "Linked To");
        _context.Emit(link, entry.Document);
    }

    /// <summary>The entity id of a named party: the SDN entry of that name, else a LegalEntity made for it.</summary>
    private string Party(string name, SdnEntry entry)
    {
        if (Resolve(name) is { } uid)
        {
            return IdOf(uid);
        }

        var party = new Entity("LegalEntity", EntityIds.Make(_context.Dataset, "party", NameKey(name)));
        _context.Add(party, "name", name);
        _context.Emit(party, entry.Document);
        return party.Id;
    }

    private string? Resolve(string name) => _byName.GetValueOrDefault(NameKey(name));

    private static string NameKey(string name) => string.Join(" ", (PropertyTypes.Name.Key(name) ?? name).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private void Address(Entity entity, SdnAddress a)
    {
        var c = _context;
        var full = UsOfacSdnCrawler.Join(", ", a.Street, a.City, a.Region, a.PostalCode, a.Country);
        if (full is null)
        {
            return;
        }

        if (a.Street is null && a.City is null && a.Region is null && a.PostalCode is null)
        {
            AddCountry(entity, a.Country!);
            c.Add(entity, "notes", a.Remarks);
            return;
        }

        var address = new Entity("Address", EntityIds.Make(c.Dataset, "address", full));
        c.Add(address, "full", full);
        c.Add(address, "street", a.Street);
        c.Add(address, "city", a.City);
        c.Add(address, "region", a.Region);
        c.Add(address, "postalCode", a.PostalCode);
        c.Add(address, "remarks", a.Remarks);
        if (a.Country is not null && CountryOrNull(a.Country) is { } code)
        {
            c.Add(address, "country", code);
        }

        c.Emit(address);
        c.Add(entity, "addressEntity", address.Id);
        if (a.Country is not null)
        {
            AddCountry(entity, a.Country);
        }
    }

    private void AddCountry(Entity entity, string country)
    {
        // OFAC writes regions that are no country code ("Palestinian", "undetermined"); keep them as text.
        if (CountryOrNull(country) is { } code)
        {
            _context.Add(entity, "country", code);
        }
        else
        {
            _context.Add(entity, "notes", $"Country: {country}");
        }
    }

    private static string? CountryOrNull(string country) =>
        PropertyTypes.Country.TryClean(country, out var code, out _) ? code : null;

    // ---- text helpers -------------------------------------------------------------------------

    /// <summary>Splits remarks on ';' outside quotes and parentheses.</summary>
    internal static List<string> SplitRemarks(string remarks)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        remarks = remarks.Trim();
        if (remarks.StartsWith('(') && remarks.EndsWith(')'))
        {
            remarks = remarks[1..^1];
        }

        for (var i = 0; i < remarks.Length; i++)
        {
            var ch = remarks[i];
            if (ch == '\'' && (i == 0 || !char.IsLetter(remarks[i - 1]) || (i + 1 < remarks.Length && !char.IsLetter(remarks[i + 1]))))
            {
                quoted = !quoted;
            }
            else if (ch == '(' && !quoted)
            {
                depth++;
            }
            else if (ch == ')' && !quoted && depth > 0)
            {
                depth--;
            }
            else if (ch == ';' && depth == 0 && !quoted)
            {
                Add(remarks[start..i]);
                start = i + 1;
            }
        }

        Add(remarks[start..]);
        return parts;

        void Add(string part)
        {
            part = part.Trim().TrimEnd('.').Trim();
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }
    }

    [GeneratedRegex(@"^(?<number>.*?)\s*(?:\((?<country>[^)]*)\))?\s*(?:issued\s+(?<issued>\d{1,2}\s+\w{3}\s+\d{4}|\w{3}\s+\d{4}|\d{4}))?\s*(?:expires\s+(?<expires>\d{1,2}\s+\w{3}\s+\d{4}|\w{3}\s+\d{4}|\d{4}))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifierPattern();

    /// <summary>"A1234567 (Iran) issued 01 Jan 2010 expires 31 Dec 2020" → number, country, dates.</summary>
    internal static (string Number, string? Country, string? Issued, string? Expires) SplitIdentifier(string value)
    {
        var m = IdentifierPattern().Match(value);
        if (!m.Success || m.Groups["number"].Value.Length == 0)
        {
            return (value, null, null, null);
        }

        string? Group(string name) => m.Groups[name].Success && m.Groups[name].Value.Length > 0 ? m.Groups[name].Value.Trim() : null;
        return (m.Groups["number"].Value.Trim(), Group("country"), Group("issued"), Group("expires"));
    }

    private static readonly string[] DateFormats = ["dd MMM yyyy", "d MMM yyyy", "MMM yyyy", "yyyy", "yyyy-MM-dd", "MM/dd/yyyy", "dd/MM/yyyy"];

    /// <summary>OFAC date expressions as ISO dates: "12 Jan 1960", "circa 1960", "1955 to 1957", "Jan 1960".</summary>
    internal static List<string> Dates(string text)
    {
        var result = new List<string>();
        text = text.Trim();
        if (text.Length == 0)
        {
            return result;
        }

        var circa = text.StartsWith("circa", StringComparison.OrdinalIgnoreCase);
        if (circa)
        {
            text = text[5..].Trim();
        }

        var to = text.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0)
        {
            var from = Dates(text[..to]);
            var until = Dates(text[(to + 4)..]);
            if (from.Count == 1 && until.Count == 1 && from[0].Length == 4 && until[0].Length == 4 &&
                int.Parse(from[0], CultureInfo.InvariantCulture) is var a && int.Parse(until[0], CultureInfo.InvariantCulture) is var b && b >= a && b - a <= 30)
            {
                for (var y = a; y <= b; y++)
                {
                    result.Add(y.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                result.AddRange(from);
                result.AddRange(until);
            }

            return result;
        }

        result.Add(DateType.TryParseExact(text, DateFormats, out var iso) ? iso : text);
        return result;
    }

    [GeneratedRegex(@"\b(LTD|LIMITED|LLC|L\.L\.C|INC|CORP|CORPORATION|COMPANY|CO\.|S\.A\.|SA|S\.A\.S|S\.L\.|SRL|S\.R\.L|GMBH|AG|JSC|OJSC|PJSC|CJSC|OOO|ZAO|OAO|PLC|LLP|BV|B\.V|NV|SPA|S\.P\.A|PTE|PVT|FZE|FZCO|FZC|DMCC|SDN BHD|BHD|TRADING|INDUSTRIES|ENTERPRISES?|HOLDINGS?|GROUP|BANK|SHIPPING|AIRLINES?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyWords();

    private static bool IsCompany(SdnEntry entry, List<SdnFact> facts) =>
        (entry.Name is { } name && CompanyWords().IsMatch(name)) ||
        facts.Any(f => f.Key is "Registration Number" or "Registration ID" or "Company Number" or "Business Registration Number"
            or "Commercial Registry Number" or "C.R. No." or "Company Number IMO" or "Identification Number IMO" or "V.A.T. Number"
            or "D-U-N-S Number" or "Tax ID No." or "SWIFT/BIC");

    /// <summary>OFAC writes "None Identified" where a value is unknown.</summary>
    private static string? Known(string? raw) =>
        raw is null || raw.Equals("None Identified", StringComparison.OrdinalIgnoreCase) || raw.Equals("Unknown", StringComparison.OrdinalIgnoreCase) ? null : raw;

    private static string? Number(string? raw) =>
        raw is null ? null : raw.Replace(",", "", StringComparison.Ordinal).Trim();
}
