using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using OsintResolver.Index;
using OsintResolver.Index.Canonical;
using OsintResolver.Store;
using OsintResolver.Store.Import;
using OsintResolver.Store.Users;
using OsintResolver.Web;
using OsintResolver.Web.Auth;

namespace OsintResolver.Benchmarks;

/// <summary>
/// The web app under load: N concurrent clients (default 50) search and open profiles for a
/// fixed time (default 60 s) against a store of generated entities (default 100,000, with
/// ownership links so profiles and networks have relationships). Server and clients share the
/// process and its cores, over real HTTP on loopback. Goal (issue 6): zero errors, p95 &lt; 100 ms.
/// </summary>
internal sealed partial class WebBenchmark : IBenchmark
{
    public string Name => "web";
    public string Description => "search page + profile page + network under load (--entities 100000 --clients 50 --seconds 60 --seed 42)";

    public async Task<int> RunAsync(BenchmarkArgs args)
    {
        var count = args.Int("entities", 100_000);
        var clients = args.Int("clients", 50);
        var seconds = args.Int("seconds", 60);
        var seed = args.Int("seed", 42);
        var dir = Path.Combine(Path.GetTempPath(), $"osint-bench-web-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            var store = new EntityStore(new StoreOptions { DataDir = Path.Combine(dir, "data") });
            var sw = Report.Start();
            var file = Path.Combine(dir, "entities.ftm.json");
            EntityGenerator.WriteFtm(file, count, seed);
            var queries = SampleQueries(file, seed);
            var links = Path.Combine(dir, "links.ftm.json");
            var linkCount = WriteOwnerships(links, count, seed);
            foreach (var (path, dataset) in new[] { (file, "bench"), (links, "bench_links") })
            {
                var result = await new EntityImporter(store).ImportAsync(new ImportRequest { Path = path, Dataset = dataset }).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    Console.Error.WriteLine($"seeding failed: {result.Run.Error}");
                    return 1;
                }
            }

            Report.Line("store", $"{count:N0} entities + {linkCount:N0} ownerships seeded in {sw.Elapsed.TotalSeconds:F1} s");
            var accounts = new UserAccounts(store);
            accounts.Create("bench", UserRole.Viewer, UserAccounts.GeneratePassword());
            var key = accounts.Store.CreateApiKey("bench", "benchmark").Secret;

            await using var app = OsintWebHost.Create(new OsintWebHostSettings
            {
                DataDir = store.DataDir,
                Urls = "http://127.0.0.1:0",
                LogLevel = LogLevel.Warning,
            });
            // The index is built from the store as `osint index` does it.
            sw.Restart();
            var index = app.Services.GetRequiredService<IEntityIndex>();
            var built = await index.RebuildAsync(app.Services.GetRequiredService<ICanonicalEntitySource>().ReadAll()).ConfigureAwait(false);
            Report.Line("index", $"{built.Entities:N0} entities indexed in {sw.Elapsed.TotalSeconds:F1} s ({index.Backend})");
            await app.StartAsync().ConfigureAwait(false);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseCookies = false })
            {
                BaseAddress = new Uri(app.Urls.Single()),
                Timeout = TimeSpan.FromSeconds(30),
            };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

            Report.Line("mix", $"per round, as a researcher does it: the search page for one of {queries.Length:N0} queries " +
                               "(names of generated entities, some misspelt, and common single words), then the profile page of a hit " +
                               "and its network (the call the page's script makes)");

            // Warm-up: JIT, Razor, SQLite page cache.
            await Load(http, clients, TimeSpan.FromSeconds(5), count, seed + 1, queries).ConfigureAwait(false);

            var rssBefore = Memory.RssBytes();
            var run = await Load(http, clients, TimeSpan.FromSeconds(seconds), count, seed + 2, queries).ConfigureAwait(false);
            var all = run.SelectMany(w => w.Latencies).Order().ToArray();
            var errors = run.Sum(w => w.Errors);
            double Pct(double p) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
            Report.Line("clients", $"{clients} for {seconds} s");
            Report.Line("requests", $"{all.Length:N0} ({all.Length / (double)seconds:N0} requests/s)");
            Report.Line("errors", $"{errors:N0}{(errors > 0 ? " e.g. " + run.SelectMany(w => w.Samples).FirstOrDefault() : "")}");
            Report.Line("latency p50/p95/p99", $"{Pct(0.50):F1} / {Pct(0.95):F1} / {Pct(0.99):F1} ms (max {all.LastOrDefault():F1} ms)");
            foreach (var group in run.SelectMany(w => w.ByKind).GroupBy(k => k.Kind))
            {
                var sorted = group.Select(g => g.Ms).Order().ToArray();
                Report.Line($"  {group.Key}", $"{sorted.Length:N0} requests, p50 {sorted[sorted.Length / 2]:F1} ms, p95 {sorted[(int)(sorted.Length * 0.95)]:F1} ms");
            }

            Report.Line("peak RSS", $"{Memory.Format(Memory.PeakRssBytes())} (RSS before the run {Memory.Format(rssBefore)}; server and clients in one process)");
            var met = errors == 0 && Pct(0.95) < 100;
            Report.Line("goal", $"zero errors and p95 < 100 ms: {(met ? "met" : "NOT met")}");
            await app.StopAsync().ConfigureAwait(false);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private sealed class Worker
    {
        public List<double> Latencies { get; } = [];
        public List<(string Kind, double Ms)> ByKind { get; } = [];
        public List<string> Samples { get; } = [];
        public long Errors { get; set; }
    }

    private static readonly string[] CommonWords = ["kim", "dandong", "golden star", "petrov", "shipping", "pacific ocean", "hongxiang", "maritime", "wang", "trading"];

    /// <summary>
    /// What researchers type: mostly the name of a particular entity (every 250th generated one,
    /// a fifth of them with two letters swapped), and one query in ten a common word that
    /// matches thousands.
    /// </summary>
    private static string[] SampleQueries(string file, int seed)
    {
        var random = new Random(seed + 3);
        var names = new List<string>();
        var line = 0;
        foreach (var text in File.ReadLines(file))
        {
            if (line++ % 250 != 0)
            {
                continue;
            }

            var name = JsonDocument.Parse(text).RootElement.GetProperty("properties").GetProperty("name")[0].GetString()!;
            if (random.Next(5) == 0 && name.Length > 4)
            {
                var i = 1 + random.Next(name.Length - 3);
                name = string.Concat(name.AsSpan(0, i), name[i + 1].ToString(), name[i].ToString(), name.AsSpan(i + 2));
            }

            names.Add(name);
        }

        var common = names.Count / 9;
        return [.. names, .. Enumerable.Range(0, common).Select(i => CommonWords[i % CommonWords.Length])];
    }

    private static async Task<Worker[]> Load(HttpClient http, int clients, TimeSpan duration, int count, int seed, string[] queries)
    {
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => new Worker()).ToArray();
        await Task.WhenAll(workers.Select(async (w, i) =>
        {
            var random = new Random(seed * 1000 + i);
            while (stop.Elapsed < duration)
            {
                var q = queries[random.Next(queries.Length)];
                var page = await Time(http, w, "search page", $"/?q={Uri.EscapeDataString(q)}").ConfigureAwait(false);
                // Open a hit when there is one (most queries name an entity), else a random entity.
                var id = page is not null && HitPattern().Match(page) is { Success: true } m ? m.Groups[1].Value : $"bench-{random.Next(count):D8}";
                await Time(http, w, "profile page", $"/entities/{id}").ConfigureAwait(false);
                await Time(http, w, "profile network", $"/api/entities/{id}/graph").ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return workers;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<li data-entity=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex HitPattern();

    private static async Task<string?> Time(HttpClient http, Worker w, string kind, string path)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(path).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var ms = sw.Elapsed.TotalMilliseconds;
            w.Latencies.Add(ms);
            w.ByKind.Add((kind, ms));
            if (!response.IsSuccessStatusCode)
            {
                w.Errors++;
                if (w.Samples.Count < 3)
                {
                    w.Samples.Add($"{(int)response.StatusCode} {path}");
                }

                return null;
            }

            return body;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            w.Latencies.Add(sw.Elapsed.TotalMilliseconds);
            w.Errors++;
            if (w.Samples.Count < 3)
            {
                w.Samples.Add($"{ex.GetType().Name} {path}");
            }

            return null;
        }
    }

    /// <summary>One ownership per ten entities, between generated ids, so profiles and networks have links to read.</summary>
    private static int WriteOwnerships(string path, int count, int seed)
    {
        var random = new Random(seed + 7);
        var links = count / 10;
        using var writer = new StreamWriter(path);
        for (var i = 0; i < links; i++)
        {
            var owner = random.Next(count);
            var asset = random.Next(count);
            if (owner == asset)
            {
                asset = (asset + 1) % count;
            }

            writer.WriteLine($$$"""{"id":"bench-own-{{{i:D8}}}","schema":"Ownership","properties":{"owner":["bench-{{{owner:D8}}}"],"asset":["bench-{{{asset:D8}}}"],"percentage":["{{{1 + random.Next(100)}}}"]}}""");
        }

        return links;
    }
}
