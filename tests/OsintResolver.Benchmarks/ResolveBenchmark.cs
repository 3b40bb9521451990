using System.Diagnostics;
using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Blocking;
using OsintResolver.Resolution.Clustering;
using OsintResolver.Resolution.Evaluation;
using OsintResolver.Resolution.Matching;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Resolution.Scoring;
using OsintResolver.Resolution.Training;
using OsintResolver.Text.Transliteration;

namespace OsintResolver.Benchmarks;

/// <summary>
/// End-to-end entity resolution of N generated person and company records (about 30 %
/// duplicates with realistic noise, names in Latin, Cyrillic, Han, Hangul and Arabic script):
/// normalise (entities and profiles), block, score with the shipped matcher, cluster. The
/// records are generated before the clock starts. Goal (issue 4): 1,000,000 records in ≤ 120 s
/// and ≤ 4 GiB peak RSS on 2 cores. Anchor: Splink's "a million records on a laptop in
/// approximately one minute".
/// </summary>
internal sealed class ResolveBenchmark : IBenchmark
{
    public string Name => "resolve";
    public string Description => "normalise, block, score, cluster N records (--records 1000000 --seed 42 --max-block 100)";

    public Task<int> RunAsync(BenchmarkArgs args)
    {
        var count = args.Int("records", 1_000_000);
        var seed = args.Int("seed", 42);
        var maxBlock = args.Int("max-block", 100);
        var gen = Report.Start();
        var records = RecordGenerator.Generate(count, seed, out var truth);
        Report.Line("generated", $"{records.Count:N0} records ({truth.Values.Distinct().Count():N0} true entities) in {gen.Elapsed.TotalSeconds:F1} s, RSS {Memory.Format(Memory.RssBytes())}");

        var matcher = Matcher.LoadShipped();
        var total = Stopwatch.StartNew();

        var sw = Stopwatch.StartNew();
        var profiles = new EntityProfile[records.Count];
        Parallel.For(0, records.Count, i => profiles[i] = ProfileBuilder.Build(records[i].ToEntity()));
        var stats = new TokenStatistics();
        Parallel.ForEach(profiles, p => stats.AddDocument(p.Names.SelectMany(n => n.Tokens)));
        stats.Freeze();
        Report.Rate("normalise", records.Count, sw.Elapsed, "records");

        sw.Restart();
        var pairs = new Blocker(new BlockingOptions { MaxBlockSize = maxBlock }).Pairs(profiles, stats, out var blocking);
        Report.Line("block", $"{blocking.CandidatePairs:N0} candidate pairs from {blocking.Blocks:N0} blocks ({blocking.OversizedBlocks:N0} over {maxBlock}) in {sw.Elapsed.TotalSeconds:F1} s; reduction ratio {blocking.ReductionRatio:F7}");

        if (args.Flag("profile"))
        {
            var f = new float[OsintResolver.Resolution.Features.PairFeatures.Count];
            var n = Math.Min(pairs.Length, 100_000);
            var t1 = Stopwatch.StartNew();
            for (var k = 0; k < n; k++)
            {
                OsintResolver.Resolution.Features.PairFeatures.Compute(profiles[(int)(pairs[k] >> 32)], profiles[(int)(pairs[k] & 0xffffffff)], stats, f);
            }

            var featureTime = t1.Elapsed;
            t1.Restart();
            double sum = 0;
            for (var k = 0; k < n; k++)
            {
                sum += matcher.Probability(f);
            }

            Report.Line("profile (1 thread)", $"features {featureTime.TotalMilliseconds * 1000 / n:F2} µs/pair, trees {t1.Elapsed.TotalMilliseconds * 1000 / n:F2} µs/pair ({sum:F0})");
        }

        sw.Restart();
        var review = matcher.Card.ReviewThreshold;
        var scored = PairScorer.Score(profiles, pairs, stats, matcher, review);
        Report.Rate("score", pairs.Length, sw.Elapsed, "pairs");

        sw.Restart();
        var clusterer = new ConstrainedClusterer(profiles.Length, i => profiles[i].Schema, profileOf: i => profiles[i]);
        var auto = matcher.Card.AutoMergeThreshold;
        foreach (var s in scored.Where(s => s.Score >= auto).OrderByDescending(s => s.Score))
        {
            clusterer.TryUnion(s.Left, s.Right);
        }

        var clusters = clusterer.Clusters();
        Report.Line("cluster", $"{clusters.Count:N0} clusters holding {clusters.Sum(c => c.Count):N0} records ({clusterer.RefusedForFacts:N0} merges refused for contradicting facts); {scored.Count(s => s.Score < auto):N0} pairs for review, in {sw.Elapsed.TotalSeconds:F1} s");
        total.Stop();

        Report.Rate("end to end", records.Count, total.Elapsed, "records");
        Report.Line("peak RSS", Memory.Format(Memory.PeakRssBytes()));

        // Quality against the generator's truth (outside the clock).
        var truePairs = new HashSet<long>();
        var predicted = new string[profiles.Length];
        for (var i = 0; i < profiles.Length; i++)
        {
            predicted[i] = profiles[i].Id;
        }

        foreach (var cluster in clusters)
        {
            foreach (var i in cluster)
            {
                predicted[i] = profiles[cluster[0]].Id;
            }
        }

        var index = profiles.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var metrics = Metrics.Clusters(truth, id => predicted[index[id]]);
        var truthPairsFound = pairs.Count(p => truth[profiles[(int)(p >> 32)].Id] == truth[profiles[(int)(p & 0xffffffff)].Id]);
        var allTruePairs = truth.Values.GroupBy(v => v).Sum(g => (long)g.Count() * (g.Count() - 1) / 2);
        Report.Line("pairs completeness", $"{truthPairsFound / (double)Math.Max(1, allTruePairs):F4} ({truthPairsFound:N0} of {allTruePairs:N0} true pairs are candidates)");
        Report.Line("pairwise P / R / F1", $"{metrics.Pairwise.Precision:F4} / {metrics.Pairwise.Recall:F4} / {metrics.Pairwise.F1:F4}");
        var largest = clusters.OrderByDescending(c => c.Count).First();
        Report.Line("largest cluster", $"{largest.Count:N0} records, e.g. {string.Join(" | ", largest.Take(6).Select(i => records[i].Values[0].Value))}");
        if (args.Flag("debug"))
        {
            var inLargest = largest.ToHashSet();
            foreach (var e in scored.Where(e => e.Score >= auto && inLargest.Contains(e.Left) && truth[profiles[e.Left].Id] != truth[profiles[e.Right].Id]).Take(15))
            {
                Console.WriteLine($"  {e.Score:F3} {string.Join(";", records[e.Left].Values)}  ||  {string.Join(";", records[e.Right].Values)}");
            }
        }

        var seconds = total.Elapsed.TotalSeconds * 1_000_000 / count;
        Report.Line("goal", $"≤ 120 s and ≤ 4096 MiB for 1,000,000 records: {(seconds <= 120 ? "met" : "NOT met")} (time, scaled: {seconds:F0} s), {(Memory.PeakRssBytes() <= 4L << 30 ? "met" : "NOT met")} (memory)");
        return Task.FromResult(0);
    }
}

/// <summary>One generated record, kept compact until the clock starts turning it into an entity.</summary>
internal sealed record GeneratedRecord(string Schema, string Id, (string Prop, string Value)[] Values)
{
    public Entity ToEntity()
    {
        var entity = new Entity(Schema, Id);
        foreach (var (prop, value) in Values)
        {
            entity.TryAdd(prop, value, out _);
        }

        return entity;
    }
}

/// <summary>
/// Deterministic people and companies with about 30 % duplicates. Names draw on several
/// naming cultures and scripts; family and brand names are built from syllables so that
/// names repeat about as often as in real registers (common ones often, most rarely).
/// Duplicates carry the noise real sources show: typos, reordered or dropped words, another
/// script, another legal form, missing fields, shifted dates, mistyped numbers.
/// </summary>
internal static class RecordGenerator
{
    private static readonly string[] Syllables = ["ka", "ro", "mi", "ten", "val", "dor", "an", "bel", "cor", "dra", "el", "fen", "gar", "hol", "is", "jor", "kel", "lin", "mar", "nor", "os", "pet", "quin", "ras", "sol", "tor", "ul", "ver", "wal", "zen", "bra", "sto", "gri", "mon", "lev", "sha", "tam", "ber", "nik", "vos"];
    private static readonly string[] WesternGiven = ["james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "david", "elizabeth", "william", "susan", "richard", "jessica", "joseph", "sarah", "thomas", "karen", "carlos", "maria", "jose", "ana", "pierre", "marie", "hans", "anna", "luca", "giulia", "jan", "eva"];
    private static readonly string[] RussianGiven = ["ivan", "sergei", "mikhail", "dmitri", "aleksei", "olga", "tatyana", "natalya", "yelena", "andrei", "vladimir", "nikolai", "pavel", "yuri", "igor", "svetlana", "boris", "viktor", "anastasiya", "oleg"];
    private static readonly string[] RussianSuffix = ["ov", "ev", "in", "sky", "enko", "ovich"];
    private static readonly (string Han, string Latin)[] HanFamily = [("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"), ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu")];
    private static readonly string[] HanGiven = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "建", "文", "国", "红", "鸿", "祥", "春", "玲", "林", "斌", "波", "宇", "浩", "凯", "鹏", "辉", "飞", "鑫", "亮", "晨", "晶", "雪", "琳", "婷", "颖", "莉", "萍", "燕", "梅", "兰", "凤", "琴", "云", "莲", "真", "环", "慧", "巧", "美", "娇", "淑", "惠", "珠", "翠", "雅", "芝", "玉", "蓉", "眉", "君", "琼", "瑶", "怡", "佳", "嘉", "琪", "倩", "彤", "欣", "宁", "鸣", "晓", "东", "旭", "峰", "阳", "龙", "海", "山", "仁", "义", "礼", "智", "信", "忠", "孝", "德", "成", "志", "祖", "荣", "富", "贵", "福", "寿", "康", "安", "乐", "永", "长", "松", "柏", "青"];
    private static readonly string[] HangulFamily = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
    private static readonly string[] HangulGiven = ["민", "서", "지", "현", "우", "준", "영", "수", "희", "성", "철", "은", "혜", "진", "호"];
    private static readonly (string Arabic, string Latin)[] ArabicGiven = [("محمد", "mohammed"), ("أحمد", "ahmed"), ("علي", "ali"), ("حسن", "hassan"), ("حسين", "hussein"), ("عمر", "omar"), ("خالد", "khalid"), ("يوسف", "yusuf"), ("إبراهيم", "ibrahim"), ("عبدالله", "abdullah"), ("فاطمة", "fatima"), ("مريم", "maryam")];
    private static readonly string[] Industry = ["trading", "shipping", "energy", "logistics", "mining", "holdings", "industrial", "technology", "import export", "marine", "petroleum", "construction", "investment", "electronics", "textile", "agro", "chemical", "steel", "consulting", "capital"];
    private static readonly string[] Forms = ["LLC", "Co., Ltd.", "Limited", "GmbH", "JSC", "S.A.", "Corp.", "Inc.", "Trading Co.", "Pte Ltd", "FZE", "AG", "B.V."];
    private static readonly (string Han, string Latin)[] HanCities = [("丹东", "dandong"), ("上海", "shanghai"), ("北京", "beijing"), ("深圳", "shenzhen"), ("大连", "dalian"), ("青岛", "qingdao"), ("天津", "tianjin"), ("广州", "guangzhou"), ("杭州", "hangzhou"), ("南京", "nanjing"), ("武汉", "wuhan"), ("成都", "chengdu"), ("重庆", "chongqing"), ("厦门", "xiamen"), ("宁波", "ningbo"), ("沈阳", "shenyang")];
    private static readonly string[] HanWords = ["鸿祥", "金星", "东方", "海运", "能源", "实业", "发展", "贸易", "科技", "国际", "远洋", "华信", "永盛", "天成", "宏达", "新世纪", "恒通", "中联", "嘉禾", "瑞丰", "兴业", "长城", "华夏", "泰山", "中远", "振华", "富源", "鑫源", "龙腾", "光明", "创新", "联合", "环球", "万达", "亚太", "宝利", "隆盛", "安泰", "中兴", "华美", "通达", "盛世", "金桥", "凯旋", "和平", "太平洋", "北方", "南方", "西部", "星光"];
    private static readonly string[] Countries = ["ru", "cn", "kp", "kr", "ir", "sy", "ae", "sg", "hk", "gb", "us", "de", "pa", "tr", "in", "br", "fr", "it", "ua", "by"];
    private static readonly string[] Streets = ["main street", "harbour road", "industrial avenue", "station road", "sungri street", "jiefang road", "lenina ulitsa", "sheikh zayed road", "market street", "river road"];

    public static List<GeneratedRecord> Generate(int count, int seed, out Dictionary<string, string> truth)
    {
        var random = new Random(seed);
        var noise = new Perturbations(random);
        var originals = (int)(count * 0.7);
        var records = new List<GeneratedRecord>(count);
        truth = new Dictionary<string, string>(count, StringComparer.Ordinal);
        for (var i = 0; i < originals; i++)
        {
            var id = $"bench-{i:D7}";
            var record = random.Next(2) == 0 ? Person(random, id) : Company(random, id);
            records.Add(record);
            truth[id] = id;
        }

        for (var i = originals; i < count; i++)
        {
            var source = records[random.Next(originals)];
            var id = $"bench-{i:D7}";
            records.Add(Duplicate(random, noise, source, id));
            truth[id] = truth[source.Id];
        }

        return records;
    }

    private static string Pick(Random r, string[] values) => values[r.Next(values.Length)];

    private static string Title(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Family(Random r) => string.Concat(Enumerable.Range(0, 2 + r.Next(2)).Select(_ => Pick(r, Syllables)));

    private static GeneratedRecord Person(Random r, string id)
    {
        string name;
        string country;
        switch (r.Next(10))
        {
            case < 4:
                name = $"{Title(Pick(r, WesternGiven))} {Title(Family(r))}";
                country = Pick(r, ["gb", "us", "de", "fr", "it", "br"]);
                break;
            case < 6:
                var given = Pick(r, RussianGiven);
                var latin = $"{Title(given)} {Title(Pick(r, RussianGiven))}ovich {Title(Family(r) + Pick(r, RussianSuffix))}";
                name = r.Next(3) == 0 ? Perturbations.Cyrillic(latin) : latin;
                country = Pick(r, ["ru", "ua", "by"]);
                break;
            case < 8:
                var (han, _) = HanFamily[r.Next(HanFamily.Length)];
                name = han + Pick(r, HanGiven) + (r.Next(2) == 0 ? Pick(r, HanGiven) : "");
                country = "cn";
                break;
            case 8:
                name = Pick(r, HangulFamily) + Pick(r, HangulGiven) + Pick(r, HangulGiven);
                country = Pick(r, ["kp", "kr"]);
                break;
            default:
                var (arabic, arabicLatin) = ArabicGiven[r.Next(ArabicGiven.Length)];
                name = r.Next(2) == 0 ? $"{arabic} {Title(Family(r))}" : $"{Title(arabicLatin)} bin {Title(ArabicGiven[r.Next(ArabicGiven.Length)].Latin)} {Title(Family(r))}";
                country = Pick(r, ["ae", "ir", "sy", "sa", "iq"]);
                break;
        }

        var values = new List<(string, string)>
        {
            ("name", name),
            ("birthDate", $"{1930 + r.Next(75)}-{1 + r.Next(12):D2}-{1 + r.Next(28):D2}"),
            ("nationality", country),
        };
        if (r.Next(2) == 0)
        {
            values.Add(("passportNumber", $"{(char)('A' + r.Next(26))}{r.Next(10_000_000, 99_999_999)}"));
        }

        if (r.Next(5) < 2)
        {
            values.Add(("address", $"{1 + r.Next(300)} {Pick(r, Streets)}, {Title(Family(r))}"));
        }

        return new GeneratedRecord("Person", id, [.. values]);
    }

    private static GeneratedRecord Company(Random r, string id)
    {
        string name;
        string country;
        switch (r.Next(10))
        {
            case < 6:
                name = $"{Title(Family(r))} {Title(Pick(r, Industry))} {Pick(r, Forms)}";
                country = Pick(r, Countries);
                break;
            case < 8:
                var (city, _) = HanCities[r.Next(HanCities.Length)];
                name = city + Pick(r, HanWords) + Pick(r, HanWords) + "有限公司";
                country = "cn";
                break;
            default:
                name = $"ООО «{Perturbations.Cyrillic(Title(Family(r)))}»";
                country = "ru";
                break;
        }

        var values = new List<(string, string)> { ("name", name), ("jurisdiction", country) };
        if (r.Next(5) < 3)
        {
            values.Add(("registrationNumber", $"{r.Next(1_000_000, 99_999_999)}"));
        }

        if (r.Next(2) == 0)
        {
            values.Add(("incorporationDate", $"{1950 + r.Next(72)}-{1 + r.Next(12):D2}-{1 + r.Next(28):D2}"));
        }

        if (r.Next(2) == 0)
        {
            values.Add(("address", $"{1 + r.Next(300)} {Pick(r, Streets)}, {Title(Family(r))}"));
        }

        return new GeneratedRecord("Company", id, [.. values]);
    }

    private static GeneratedRecord Duplicate(Random r, Perturbations noise, GeneratedRecord source, string id)
    {
        var values = new List<(string, string)>();
        foreach (var (prop, value) in source.Values)
        {
            if (prop == "name")
            {
                values.Add((prop, NoisyName(r, noise, value, source.Schema == "Person")));
                continue;
            }

            if (r.Next(10) < 3)
            {
                continue;
            }

            var v = value;
            if (prop is "passportNumber" or "registrationNumber" && r.Next(10) == 0)
            {
                v = noise.Typo(v);
            }
            else if (prop is "birthDate" or "incorporationDate" && r.Next(10) == 0)
            {
                v = $"{v[..8]}{1 + r.Next(28):D2}";
            }

            values.Add((prop, v));
        }

        return new GeneratedRecord(source.Schema, id, [.. values]);
    }

    private static string NoisyName(Random r, Perturbations noise, string name, bool person)
    {
        if (Latinizer.HasNonLatin(name) && r.Next(2) == 0)
        {
            // The same name as an English-language source writes it.
            var latin = Latinizer.ToAscii(name);
            return person ? string.Join(' ', latin.Split(' ').Select(Title)) : $"{Title(latin)} Co., Ltd.";
        }

        return r.Next(4) == 0 ? name : noise.Name(name, person);
    }
}
