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
internal sealed class WebBenchmark : IBenchmark
{
    public string Name => "web";
    public string Description => "search + profile pages under load (--entities 100000 --clients 50 --seconds 60 --seed 42)";

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

            var searchAvailable = (await http.GetAsync("/api/search?q=kim").ConfigureAwait(false)).StatusCode == HttpStatusCode.OK;
            Report.Line("mix", searchAvailable
                ? "per round: search page, search API, profile page, profile network"
                : "per round: profile page, profile network (no /api/search in this build: search not measured)");

            // Warm-up: JIT, Razor, SQLite page cache.
            await Load(http, clients, TimeSpan.FromSeconds(5), count, seed + 1, searchAvailable).ConfigureAwait(false);

            var rssBefore = Memory.RssBytes();
            var run = await Load(http, clients, TimeSpan.FromSeconds(seconds), count, seed + 2, searchAvailable).ConfigureAwait(false);
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

    private static readonly string[] Queries = ["kim", "dandong", "golden star", "petrov", "shipping", "pacific ocean", "ri", "hongxiang", "maritime", "wang"];

    private static async Task<Worker[]> Load(HttpClient http, int clients, TimeSpan duration, int count, int seed, bool search)
    {
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(_ => new Worker()).ToArray();
        await Task.WhenAll(workers.Select(async (w, i) =>
        {
            var random = new Random(seed * 1000 + i);
            while (stop.Elapsed < duration)
            {
                var id = $"bench-{random.Next(count):D8}";
                if (search)
                {
                    var q = Uri.EscapeDataString(Queries[random.Next(Queries.Length)]);
                    await Time(http, w, "search page", $"/?q={q}").ConfigureAwait(false);
                    var found = await Time(http, w, "search api", $"/api/search?q={q}&limit=10").ConfigureAwait(false);
                    if (found is not null && JsonDocument.Parse(found).RootElement.TryGetProperty("results", out var results) && results.GetArrayLength() > 0)
                    {
                        id = results[random.Next(results.GetArrayLength())].GetProperty("id").GetString()!;
                    }
                }

                await Time(http, w, "profile page", $"/entities/{id}").ConfigureAwait(false);
                await Time(http, w, "profile network", $"/api/entities/{id}/graph").ConfigureAwait(false);
            }
        })).ConfigureAwait(false);
        return workers;
    }

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
