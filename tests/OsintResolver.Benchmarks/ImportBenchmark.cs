using System.Text;
using System.Text.Json;
using OsintResolver.Model.Types;
using OsintResolver.Store;
using OsintResolver.Store.Import;

namespace OsintResolver.Benchmarks;

/// <summary>
/// Imports N generated FtM entities (about 6 statements each) through the same importer the CLI
/// uses, into a fresh SQLite store. Goal (issue 2): 1,000,000 entities in ≤ 60 s, peak RSS ≤ 1 GiB.
/// The file is generated before the clock starts; a second import of the same file measures the
/// re-import path (no new rows, last_seen bumped).
/// </summary>
internal sealed class ImportBenchmark : IBenchmark
{
    public string Name => "import";
    public string Description => "FtM JSON lines → SQLite statements (--entities 1000000 --seed 42 [--reimport])";

    public async Task<int> RunAsync(BenchmarkArgs args)
    {
        var count = args.Int("entities", 1_000_000);
        var seed = args.Int("seed", 42);
        var dir = Path.Combine(Path.GetTempPath(), $"osint-bench-import-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "entities.ftm.json");
            var gen = Report.Start();
            var statements = EntityGenerator.WriteFtm(file, count, seed);
            Report.Line("generated", $"{count:N0} entities, {statements:N0} values ({statements / (double)count:F1}/entity), {new FileInfo(file).Length / 1e6:F0} MB in {gen.Elapsed.TotalSeconds:F1} s");

            var store = new EntityStore(new StoreOptions { DataDir = Path.Combine(dir, "data") });
            var importer = new EntityImporter(store);
            var rssBefore = Memory.PeakRssBytes();
            var sw = Report.Start();
            var result = await importer.ImportAsync(new ImportRequest { Path = file, Dataset = "bench" }).ConfigureAwait(false);
            sw.Stop();
            if (!result.Succeeded || result.Entities != count)
            {
                Console.Error.WriteLine($"import failed: {result.Run.Error}; {result.Entities} of {count}");
                return 1;
            }

            Report.Rate("import", result.Entities, sw.Elapsed, "entities");
            Report.Rate("statements", result.Statements, sw.Elapsed, "statements");
            Report.Line("peak RSS", $"{Memory.Format(Memory.PeakRssBytes())} (before import: {Memory.Format(rssBefore)})");
            Report.Line("database", $"{new FileInfo(store.DatabasePath).Length / 1e6:F0} MB");
            Report.Line("goal", $"≤ 60 s and ≤ 1024 MiB for 1,000,000 entities: {(sw.Elapsed.TotalSeconds <= 60 * count / 1e6 ? "met" : "NOT met")} (time, scaled), {(Memory.PeakRssBytes() <= 1L << 30 ? "met" : "NOT met")} (memory)");

            if (args.Flag("reimport"))
            {
                sw.Restart();
                var again = await importer.ImportAsync(new ImportRequest { Path = file, Dataset = "bench" }).ConfigureAwait(false);
                Report.Rate("re-import", again.Entities, sw.Elapsed, "entities");
                Report.Line("statements after re-import", store.GetStats().Statements.ToString("N0"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>
/// Deterministic synthetic entities: people, companies and vessels with realistic-looking names
/// in several scripts, dates, countries, identifiers with valid check digits and addresses.
/// </summary>
internal static class EntityGenerator
{
    private static readonly string[] Given = ["Kim", "Ri", "Pak", "Choe", "Jong", "Ali", "Mohammad", "Hassan", "Ivan", "Olga", "Sergei", "Wei", "Li", "Zhang", "John", "Maria", "Ahmed", "Fatima", "Yuki", "Chen"];
    private static readonly string[] Family = ["Kim", "Ri", "Pak", "Han", "Rahimi", "Karimi", "Petrov", "Ivanova", "Wang", "Liu", "Smith", "Garcia", "Tanaka", "Hussein", "Nasser", "Volkov", "Zhou", "Huang", "Santos", "Okafor"];
    private static readonly string[] Words = ["Dandong", "Hongxiang", "Golden", "Star", "Pacific", "Ocean", "Trading", "Industrial", "Development", "Shipping", "Global", "Energy", "Import", "Export", "Mining", "Maritime", "Korea", "Daesong", "Sino", "Euro", "Atlas", "Phoenix", "Delta", "Lotus"];
    private static readonly string[] Forms = ["Co., Ltd.", "LLC", "GmbH", "Corp.", "JSC", "S.A.", "Trading Co.", "Limited", "有限公司", "ООО"];
    private static readonly string[] Han = ["丹东", "鸿祥", "实业", "发展", "贸易", "海运", "金星", "东方", "太平洋", "能源"];
    private static readonly string[] Hangul = ["김", "리", "박", "정", "철", "명", "성", "혁", "은", "수"];
    private static readonly string[] Countries = ["kp", "cn", "ru", "ir", "sy", "ae", "sg", "hk", "gb", "us", "de", "pa", "lr", "mh", "tw"];
    private static readonly string[] Streets = ["Main St", "Harbour Rd", "Industrial Ave", "Station Rd", "Sungri St", "Jiefang Rd"];

    /// <summary>Writes FtM JSON lines; returns the number of property values written.</summary>
    public static long WriteFtm(string path, int count, int seed)
    {
        var random = new Random(seed);
        long values = 0;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var props = new List<(string, string)>(8);
        for (var i = 0; i < count; i++)
        {
            props.Clear();
            var kind = random.Next(10);
            string schema;
            if (kind < 5)
            {
                schema = "Person";
                var first = Pick(random, Given);
                var last = Pick(random, Family);
                props.Add(("name", $"{first} {last} {Suffix(i)}"));
                if (random.Next(3) == 0)
                {
                    props.Add(("alias", string.Concat(Pick(random, Hangul), Pick(random, Hangul), Pick(random, Hangul))));
                }

                props.Add(("birthDate", $"{1940 + random.Next(60)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}"));
                props.Add(("nationality", Pick(random, Countries)));
                props.Add(("idNumber", $"P{random.Next(10_000_000, 99_999_999)}"));
                props.Add(("address", $"{1 + random.Next(999)} {Pick(random, Streets)}, {Pick(random, Words)}"));
            }
            else if (kind < 9)
            {
                schema = "Company";
                var name = random.Next(4) == 0
                    ? string.Concat(Pick(random, Han), Pick(random, Han), Pick(random, Han), "有限公司")
                    : $"{Pick(random, Words)} {Pick(random, Words)} {Suffix(i)} {Pick(random, Forms)}";
                props.Add(("name", name));
                props.Add(("jurisdiction", Pick(random, Countries)));
                props.Add(("registrationNumber", $"{random.Next(100_000, 999_999)}-{random.Next(10, 99)}"));
                props.Add(("incorporationDate", $"{1960 + random.Next(60)}-{1 + random.Next(12):D2}"));
                props.Add(("address", $"{1 + random.Next(999)} {Pick(random, Streets)}, {Pick(random, Words)}"));
                props.Add(("topics", random.Next(20) == 0 ? "sanction" : "corp.offshore"));
            }
            else
            {
                schema = "Vessel";
                props.Add(("name", $"{Pick(random, Words).ToUpperInvariant()} {Suffix(i)}"));
                props.Add(("imoNumber", Imo(random)));
                props.Add(("flag", Pick(random, Countries)));
                props.Add(("type", "Bulk Carrier"));
                props.Add(("grossRegisteredTonnage", random.Next(500, 90_000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                props.Add(("buildDate", $"{1970 + random.Next(50)}"));
            }

            writer.WriteStartObject();
            writer.WriteString("id", $"bench-{i:D8}");
            writer.WriteString("schema", schema);
            writer.WriteStartObject("properties");
            foreach (var group in props.GroupBy(p => p.Item1))
            {
                writer.WriteStartArray(group.Key);
                foreach (var (_, v) in group)
                {
                    writer.WriteStringValue(v);
                    values++;
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }

        return values;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Suffix(int i)
    {
        var sb = new StringBuilder();
        var n = i;
        do
        {
            sb.Append((char)('A' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return sb.ToString();
    }

    private static string Imo(Random random)
    {
        var digits = new int[6];
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            digits[i] = i == 0 ? 1 + random.Next(9) : random.Next(10);
            sum += digits[i] * (7 - i);
        }

        var imo = string.Concat(digits) + (sum % 10);
        return PropertyTypes.Imo.IsValid(imo) ? "IMO" + imo : throw new InvalidOperationException("generator made a bad IMO");
    }
}
