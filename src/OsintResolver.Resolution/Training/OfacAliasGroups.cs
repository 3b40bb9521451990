using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Model.Types;

namespace OsintResolver.Resolution.Training;

/// <summary>
/// Labelled records from the OFAC SDN list in its CSV form (sdn.csv, alt.csv, add.csv, no
/// header, "-0-" for empty): every name of an entry (the primary name and each a.k.a./f.k.a.)
/// becomes one record of the entry's cluster, carrying a random subset of the entry's facts
/// (country, birth date, passport, IMO number, flag, address) so records miss fields the way
/// real sources do. A seeded share of records get a synthetic variant (typos, reordering,
/// legal-form variants, Cyrillic renderings). Different entries of the same programme, which
/// the blocker pairs because they look alike, are the hard negatives.
/// </summary>
public static partial class OfacAliasGroups
{
    public const string Source = "ofac";

    public static LabelledRecords Read(string directory, int seed, double keepFact = 0.6, double perturbShare = 0.5)
    {
        var sdn = Find(directory, "sdn");
        var alt = Find(directory, "alt");
        var add = Find(directory, "add");
        // A few entry numbers occur twice in some copies of the list; their aliases cannot be told
        // apart, so such entries are left out rather than merged into one false cluster.
        var entries = ReadCsv(sdn).Where(r => r.Length >= 12).GroupBy(r => r[0].Trim())
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First());
        var aliases = ReadCsv(alt).Where(r => r.Length >= 4).GroupBy(r => r[0].Trim()).ToDictionary(g => g.Key, g => g.Select(r => r[3]).ToList());
        var addresses = ReadCsv(add).Where(r => r.Length >= 5).GroupBy(r => r[0].Trim()).ToDictionary(g => g.Key, g => g.ToList());
        var random = new Random(seed);
        var noise = new Perturbations(random);
        var records = new List<(Entity, string)>();
        foreach (var (id, row) in entries)
        {
            var type = Value(row[2]);
            var schema = type switch
            {
                "individual" => "Person",
                "vessel" => "Vessel",
                null => "Organization",
                _ => null,
            };
            if (schema is null)
            {
                continue;
            }

            var names = new List<string> { row[1] };
            names.AddRange(aliases.GetValueOrDefault(id) ?? []);
            var facts = Facts(row, addresses.GetValueOrDefault(id), schema);
            var cluster = $"ofac-{id}";
            var k = 0;
            foreach (var raw in names.Select(n => n.Trim().Trim('"')).Where(n => n.Length > 1).Distinct())
            {
                var name = schema == "Person" && random.Next(2) == 0 ? SwapComma(raw) : raw;
                if (Make(schema, $"ofac-{id}-{k++}", name, facts, random, keepFact) is { } entity)
                {
                    records.Add((entity, cluster));
                }

                if (random.NextDouble() < perturbShare / Math.Max(1, names.Count))
                {
                    var variant = noise.Name(name, schema == "Person");
                    if (Make(schema, $"ofac-{id}-{k++}", variant, facts, random, keepFact) is { } noisy)
                    {
                        records.Add((noisy, cluster));
                    }
                }
            }
        }

        return new LabelledRecords(Source, records);
    }

    /// <summary>
    /// Whether two names of one entry are variants of each other (spelling, transliteration,
    /// order, legal form, acronym) rather than a translation or an unrelated nickname
    /// ("National Bank of Cuba" for "Banco Nacional de Cuba", "Abu Anas" for a full name).
    /// Only variants are training positives: records that share nothing but the list entry
    /// they came from teach a matcher to ignore names, which no real source supports.
    /// </summary>
    internal static bool NameVariants(Profiles.EntityProfile a, Profiles.EntityProfile b)
    {
        foreach (var x in a.Names)
        {
            foreach (var y in b.Names)
            {
                if (Text.Similarity.StringSimilarity.TokenSet(x.Tokens, y.Tokens) >= 0.6 ||
                    Text.Similarity.StringSimilarity.JaroWinkler(x.Compact, y.Compact) >= 0.85 ||
                    (x.Skeleton.Length >= 3 && Text.Similarity.StringSimilarity.JaroWinkler(x.Skeleton, y.Skeleton) >= 0.85) ||
                    (x.Tokens.Count == 1 && x.Compact == y.Initials) || (y.Tokens.Count == 1 && y.Compact == x.Initials))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static Entity? Make(string schema, string id, string name, List<(string Prop, string Value)> facts, Random random, double keep)
    {
        var entity = new Entity(schema, id);
        if (!entity.TryAdd("name", name, out _))
        {
            return null;
        }

        // A source either states a fact or not; when the list gives several values (alternative
        // birth dates, several passports) a source states the first or all of them, so two
        // records of one entry never contradict each other on a fact the list settles.
        foreach (var group in facts.GroupBy(f => f.Prop))
        {
            if (random.NextDouble() >= keep)
            {
                continue;
            }

            foreach (var (prop, value) in random.Next(2) == 0 ? group.Take(1) : group)
            {
                entity.TryAdd(prop, value, out _);
            }
        }

        entity.Datasets.Add(Source);
        return entity;
    }

    private static List<(string, string)> Facts(string[] row, List<string[]>? addresses, string schema)
    {
        var facts = new List<(string, string)>();
        var remarks = Value(row[11]) ?? "";
        if (schema == "Person")
        {
            foreach (Match m in DobPattern().Matches(remarks))
            {
                if (ParseDate(m.Groups[1].Value) is { } date)
                {
                    facts.Add(("birthDate", date));
                }
            }

            foreach (Match m in PassportPattern().Matches(remarks))
            {
                facts.Add(("passportNumber", m.Groups[1].Value));
            }

            foreach (Match m in NationalityPattern().Matches(remarks))
            {
                if (PropertyTypes.Country.TryClean(m.Groups[1].Value.Trim(), out var code, out _))
                {
                    facts.Add(("nationality", code));
                }
            }
        }

        if (schema == "Vessel")
        {
            foreach (Match m in ImoPattern().Matches(remarks))
            {
                facts.Add(("imoNumber", m.Groups[1].Value));
            }

            if (Value(row[9]) is { } flag && PropertyTypes.Country.TryClean(flag, out var code, out _))
            {
                facts.Add(("flag", code));
            }
        }

        foreach (var a in addresses ?? [])
        {
            if (schema != "Vessel" && Value(a[4]) is { } country && PropertyTypes.Country.TryClean(country, out var code, out _))
            {
                facts.Add(("country", code));
            }

            var line = string.Join(", ", new[] { Value(a[2]), Value(a[3]) }.Where(v => v is not null));
            if (line.Length > 3 && schema != "Vessel")
            {
                facts.Add(("address", line));
            }
        }

        return facts;
    }

    private static string SwapComma(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma < name.Length - 1 ? $"{name[(comma + 1)..].Trim()} {name[..comma].Trim()}" : name;
    }

    private static string? ParseDate(string text)
    {
        string[] formats = ["d MMM yyyy", "dd MMM yyyy", "MMM yyyy", "yyyy"];
        foreach (var format in formats)
        {
            if (DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return format switch
                {
                    "yyyy" => d.ToString("yyyy", CultureInfo.InvariantCulture),
                    "MMM yyyy" => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                };
            }
        }

        return null;
    }

    private static string? Value(string raw)
    {
        var v = raw.Trim();
        return v.Length == 0 || v == "-0-" ? null : v;
    }

    private static string Find(string directory, string stem)
    {
        var file = Directory.EnumerateFiles(directory, stem + "*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
                   ?? throw new InvalidInputException($"no {stem}*.csv in {directory} (the OFAC SDN list in CSV form: sdn, alt and add files)");
        return file;
    }

    private static IEnumerable<string[]> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null });
        while (csv.Read())
        {
            if (csv.Record is { } record)
            {
                yield return record;
            }
        }
    }

    [GeneratedRegex(@"DOB (\d{1,2} [A-Za-z]{3} \d{4}|[A-Za-z]{3} \d{4}|\d{4})")]
    private static partial Regex DobPattern();

    [GeneratedRegex(@"Passport ([A-Z0-9]{5,})")]
    private static partial Regex PassportPattern();

    [GeneratedRegex(@"[Nn]ationality ([A-Za-z ,]+?)[;.]")]
    private static partial Regex NationalityPattern();

    [GeneratedRegex(@"IMO (\d{7})")]
    private static partial Regex ImoPattern();
}
