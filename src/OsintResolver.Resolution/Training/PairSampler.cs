using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Text.Identifiers;

namespace OsintResolver.Resolution.Training;

/// <summary>
/// Turns labelled records into training pairs: every pair within a cluster (capped for big
/// clusters) as positives; as negatives, pairs the blocker proposes across clusters (hard
/// negatives: look-alikes) plus some random pairs. With <c>variantsOnly</c>, positives are
/// limited to pairs whose names are variants of each other (see <see cref="OfacAliasGroups"/>).
/// </summary>
public static class PairSampler
{
    public static List<LabelledPair> Sample(LabelledRecords labelled, int seed, int maxPairsPerCluster = 15, double negativesPerPositive = 3.0,
        double randomNegativesPerRecord = 1.0, bool variantsOnly = false, double namesakesPerRecord = 0.3, double augmentShare = 0.3)
    {
        var random = new Random(seed);
        var records = Augment(labelled.Records, random, augmentShare);
        var profiles = new EntityProfile?[records.Count];
        EntityProfile Profile(int i) => profiles[i] ??= ProfileBuilder.Build(records[i].Entity);
        var pairs = new List<LabelledPair>();
        foreach (var cluster in records.Select((r, i) => (r, i)).GroupBy(x => x.r.Cluster))
        {
            var members = cluster.Select(x => x.i).ToList();
            var within = new List<(int, int)>();
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    within.Add((members[x], members[y]));
                }
            }

            foreach (var (i, j) in within.OrderBy(_ => random.Next()).Take(maxPairsPerCluster))
            {
                if (variantsOnly && !OfacAliasGroups.NameVariants(Profile(i), Profile(j)))
                {
                    continue;
                }

                pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, true, records[i].Cluster, records[j].Cluster, labelled.Source));
            }
        }

        var positives = pairs.Count;
        var all = Enumerable.Range(0, records.Count).Select(Profile).ToList();
        var stats = new TokenStatistics();
        foreach (var p in all)
        {
            stats.AddDocument(p.Names.SelectMany(n => n.Tokens));
        }

        // Every single rare token keys here: hard negatives should be plentiful, whatever the
        // production blocking trims for speed.
        var candidates = new Blocker(new BlockingOptions { RareTokenMaxFrequency = int.MaxValue }).Pairs(all, stats, out _);
        var hard = candidates.Select(c => ((int)(c >> 32), (int)(c & 0xffffffff)))
            .Where(c => records[c.Item1].Cluster != records[c.Item2].Cluster)
            .OrderBy(_ => random.Next())
            .Take((int)(positives * negativesPerPositive))
            .ToList();
        foreach (var (i, j) in hard)
        {
            pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, false, records[i].Cluster, records[j].Cluster, labelled.Source));
        }

        // Namesakes: the same name with everything else from another record. Real sources are
        // full of them, and without them a matcher learns that a shared name is enough.
        var namesakes = (int)(records.Count * namesakesPerRecord);
        for (var k = 0; k < namesakes; k++)
        {
            var i = random.Next(records.Count);
            var j = random.Next(records.Count);
            if (records[i].Cluster == records[j].Cluster || records[i].Entity.Schema != records[j].Entity.Schema)
            {
                continue;
            }

            var twin = Namesake(records[i].Entity, records[j].Entity, k);
            if (twin is not null)
            {
                // Same name, other facts: another thing. Against the facts' owner (same facts,
                // other name) it is the same thing renamed when the facts hold an identifier that
                // names one thing worldwide (a vessel keeps its IMO number through every rename;
                // sanctions lists give aliases with the holder's passport), else another thing.
                // Limiting this to IMO and LEI was tried: the pair features cannot tell a passport
                // from an IMO number, so passports still scored 0.95, and FEBRL and Splink F1 fell.
                var renamed = Profile(j).Identifiers.Any(x => x.Strength == IdentifierStrength.Strong);
                var twinCluster = renamed ? records[j].Cluster : $"namesake:{records[i].Cluster}:{k}";
                pairs.Add(new LabelledPair(records[i].Entity, twin, false, records[i].Cluster, twinCluster, labelled.Source));
                pairs.Add(new LabelledPair(records[j].Entity, twin, renamed, records[j].Cluster, twinCluster, labelled.Source));
            }

            if (Partial(records[i].Entity, records[j].Entity, random, k) is { } partial)
            {
                pairs.Add(new LabelledPair(records[i].Entity, partial, false, records[i].Cluster, $"partial:{records[i].Cluster}:{k}", labelled.Source));
            }

            if (records[i].Entity.Schema.Name == "Person" && Relative(records[i].Entity, records[j].Entity, k) is { } relative)
            {
                pairs.Add(new LabelledPair(records[i].Entity, relative, false, records[i].Cluster, $"relative:{records[i].Cluster}:{k}", labelled.Source));
            }
        }

        // Renamed vessels: rare among the namesakes above (two vessels seldom meet at random),
        // yet the case screening meets most, since a sanctioned ship changes name, not IMO number.
        var vessels = Enumerable.Range(0, records.Count).Where(i => records[i].Entity.Schema.Name == "Vessel").ToList();
        foreach (var j in vessels.Where(j => Profile(j).Identifiers.Any(x => x.Kind == "imo")))
        {
            var i = vessels[random.Next(vessels.Count)];
            if (records[i].Cluster != records[j].Cluster && Namesake(records[i].Entity, records[j].Entity, -1 - j) is { } renamed)
            {
                pairs.Add(new LabelledPair(records[j].Entity, renamed, true, records[j].Cluster, records[j].Cluster, labelled.Source));
            }
        }

        var randomCount = (int)(records.Count * randomNegativesPerRecord);
        var model = Model.Schemata.SchemaModel.Default;
        for (var k = 0; k < randomCount * 3 && randomCount > 0; k++)
        {
            var i = random.Next(records.Count);
            var j = random.Next(records.Count);
            if (records[i].Cluster == records[j].Cluster || !model.CanMatch(records[i].Entity.Schema, records[j].Entity.Schema))
            {
                continue;
            }

            pairs.Add(new LabelledPair(records[i].Entity, records[j].Entity, false, records[i].Cluster, records[j].Cluster, labelled.Source));
            if (--randomCount == 0)
            {
                break;
            }
        }

        return pairs;
    }

    /// <summary>
    /// Adds, for a share of records, a noisy copy in the same cluster: names cut to some of
    /// their words or mistyped, facts missing, e-mails and numbers mistyped, dates shifted.
    /// </summary>
    private static List<(Entity Entity, string Cluster)> Augment(IReadOnlyList<(Entity Entity, string Cluster)> records, Random random, double share)
    {
        var result = records.ToList();
        var noise = new Perturbations(random);
        for (var k = 0; k < records.Count; k++)
        {
            if (random.NextDouble() >= share)
            {
                continue;
            }

            var (source, cluster) = records[k];
            var copy = new Entity(source.Schema, $"{source.Id}-variant");
            // Now and then a record has no name at all, only facts (an e-mail, a birth date).
            var nameless = source.ValueCount - source.Names.Count() >= 3 && random.NextDouble() < 0.08;
            foreach (var (property, value) in source.Items())
            {
                var text = value.Value;
                if (nameless && (property.Type is Model.Types.NameType || property.Name is "firstName" or "lastName"))
                {
                    continue;
                }

                if (property.Type is Model.Types.NameType)
                {
                    var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length > 1 && random.NextDouble() < 0.35)
                    {
                        var drop = random.Next(words.Length);
                        text = string.Join(' ', words.Where((_, i) => i != drop));
                    }
                    else if (random.NextDouble() < 0.3)
                    {
                        text = noise.Typo(text);
                    }
                }
                else if (random.NextDouble() < 0.3)
                {
                    continue;
                }
                else if (property.Type is Model.Types.EmailType or Model.Types.IdentifierType && random.NextDouble() < 0.25)
                {
                    text = noise.Typo(text);
                }
                else if (property.Type is Model.Types.DateType && text.Length == 10 && random.NextDouble() < 0.25)
                {
                    text = ShiftDate(text, random);
                }

                copy.TryAdd(property.Name, text, out _);
            }

            if (copy.Names.Any() || (nameless && copy.ValueCount >= 2))
            {
                copy.Datasets.UnionWith(source.Datasets);
                result.Add((copy, cluster));
            }
        }

        return result;
    }

    private static string ShiftDate(string date, Random random)
    {
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d))
        {
            return date;
        }

        var shifted = random.Next(3) switch
        {
            0 => d.AddDays(random.Next(2) == 0 ? -1 : 1),
            1 => d.AddMonths(random.Next(2) == 0 ? -1 : 1),
            _ => d.AddYears(random.Next(2) == 0 ? -10 : 10),
        };
        return shifted.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Another thing whose name shares words with <paramref name="entity"/>'s: one word swapped
    /// for a word of <paramref name="other"/>'s name, and few facts to tell them apart. Such
    /// pairs are common (Li Na and Liu Na, Golden Star and Golden Sun) and must not be merged
    /// on the shared words alone.
    /// </summary>
    private static Entity? Partial(Entity entity, Entity other, Random random, int k)
    {
        var words = entity.First("name")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var otherWords = other.First("name")?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not { Length: >= 2 } || otherWords is not { Length: > 0 })
        {
            return null;
        }

        var replacement = otherWords[random.Next(otherWords.Length)];
        var at = random.Next(words.Length);
        if (string.Equals(words[at], replacement, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        words[at] = replacement;
        var partial = new Entity(entity.Schema, $"{entity.Id}-partial-{k}");
        var name = string.Join(' ', words);
        // Sometimes in another script: a shared word across scripts is no more proof than within one.
        if (!partial.TryAdd("name", random.Next(4) == 0 ? Perturbations.Cyrillic(name) : name, out _))
        {
            return null;
        }

        foreach (var (property, value) in entity.Items())
        {
            if (property.Type is Model.Types.CountryType && random.Next(2) == 0)
            {
                partial.AddClean(property.Name, value);
            }
        }

        partial.Datasets.UnionWith(entity.Datasets);
        return partial;
    }

    /// <summary>
    /// A family member: the family name and the facts (address, country) of <paramref name="person"/>,
    /// the given name and the dates of <paramref name="other"/>. Relatives of listed people are
    /// often listed themselves, and household records share a surname and an address.
    /// </summary>
    private static Entity? Relative(Entity person, Entity other, int k)
    {
        var name = person.First("name");
        var otherName = other.First("name");
        if (name is null || otherName is null)
        {
            return null;
        }

        static (string Given, string Family) Split(string n)
        {
            var comma = n.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0)
            {
                return (n[(comma + 1)..].Trim(), n[..comma].Trim());
            }

            var space = n.LastIndexOf(' ');
            return space > 0 ? (n[..space].Trim(), n[(space + 1)..].Trim()) : ("", n);
        }

        var (given, _) = Split(otherName);
        var (ownGiven, family) = Split(name);
        if (given.Length == 0 || family.Length == 0 || string.Equals(given, ownGiven, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var relative = new Entity(person.Schema, $"{person.Id}-relative-{k}");
        relative.Add("name", $"{given} {family}");
        if (other.First("firstName") is { } first)
        {
            relative.Add("firstName", first);
        }

        if (person.First("lastName") is { } last)
        {
            relative.Add("lastName", last);
        }

        foreach (var (property, value) in person.Items())
        {
            if (property.Type is Model.Types.AddressType or Model.Types.CountryType)
            {
                relative.AddClean(property.Name, value);
            }
        }

        foreach (var (property, value) in other.Items())
        {
            if (property.Type is Model.Types.DateType && relative.Schema.Properties.ContainsKey(property.Name))
            {
                relative.AddClean(property.Name, value);
            }
        }

        relative.Datasets.UnionWith(person.Datasets);
        return relative;
    }

    /// <summary>A record with the names of <paramref name="named"/> and every other fact of <paramref name="facts"/>.</summary>
    private static Entity? Namesake(Entity named, Entity facts, int k)
    {
        var twin = new Entity(named.Schema, $"{named.Id}-namesake-{k}");
        foreach (var (property, value) in named.Items())
        {
            if (property.Type is Model.Types.NameType || property.Name is "firstName" or "lastName" or "middleName" or "fatherName")
            {
                twin.AddClean(property.Name, value);
            }
        }

        foreach (var (property, value) in facts.Items())
        {
            if (!(property.Type is Model.Types.NameType || property.Name is "firstName" or "lastName" or "middleName" or "fatherName") &&
                twin.Schema.Properties.ContainsKey(property.Name))
            {
                twin.AddClean(property.Name, value);
            }
        }

        twin.Datasets.UnionWith(named.Datasets);
        return twin.ValueCount > 0 ? twin : null;
    }
}
