using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OsintResolver.Crawling;
using OsintResolver.Crawling.Runs;
using OsintResolver.Crawling.Sources;
using OsintResolver.Store;
using OsintResolver.Testing;
using OsintResolver.Testing.Http;

namespace OsintResolver.Benchmarks;

/// <summary>
/// Crawls the same generated loopback site (issue 3: 5,000 pages) with OsintResolver's engine,
/// Scrapy (Debian python3-scrapy) and Crawlee's CheerioCrawler, at the same concurrency with
/// politeness off; each extracts the title and links of every page and stores them (our SQLite
/// store and archive; Scrapy's JSON-lines feed; Crawlee's dataset). wrk loading the same
/// server alone gives the ceiling. Goal: ≥ 3× Scrapy's pages/s, within 2× of the ceiling.
/// </summary>
internal sealed partial class CrawlBenchmark : IBenchmark
{
    public string Name => "crawl";
    public string Description => "5,000-page loopback site: OsintResolver vs Scrapy vs Crawlee, wrk ceiling (--pages 5000 --concurrency 16; --ours-only skips the peers)";

    public async Task<int> RunAsync(BenchmarkArgs args)
    {
        var pages = args.Int("pages", 5000);
        var concurrency = args.Int("concurrency", 16);
        using var dir = new TempDirectory("osint-bench-crawl");
        await using var site = await GeneratedSite.StartAsync(pages).ConfigureAwait(false);
        Report.Line("site", $"{pages:N0} pages at {site.Server.BaseUrl}, concurrency {concurrency}");

        var rates = new Dictionary<string, double>();
        var ours = await CrawlOursAsync(site, dir, concurrency).ConfigureAwait(false);
        rates["OsintResolver"] = Print("OsintResolver", ours, pages);
        if (args.Flag("ours-only"))
        {
            return 0;
        }

        site.ResetAttempts();
        if (await RunScrapyAsync(site, dir, concurrency).ConfigureAwait(false) is { } scrapy)
        {
            rates["Scrapy"] = Print("Scrapy", scrapy, pages);
        }

        site.ResetAttempts();
        if (await RunCrawleeAsync(site, dir, concurrency).ConfigureAwait(false) is { } crawlee)
        {
            rates["Crawlee"] = Print("Crawlee CheerioCrawler", crawlee, pages);
        }

        if (await RunWrkAsync(site, dir, concurrency, pages).ConfigureAwait(false) is { } ceiling)
        {
            rates["wrk"] = ceiling;
            Report.Line("wrk ceiling", $"{ceiling:N0} requests/s (server alone, same pages, {concurrency} connections)");
        }

        var us = rates["OsintResolver"];
        if (rates.TryGetValue("Scrapy", out var s))
        {
            Report.Line("ratio vs Scrapy", $"{us / s:F2}× (goal ≥ 3×: {(us >= 3 * s ? "met" : "NOT met")})");
        }

        if (rates.TryGetValue("Crawlee", out var c))
        {
            Report.Line("ratio vs Crawlee", $"{us / c:F2}×");
        }

        if (rates.TryGetValue("wrk", out var w))
        {
            Report.Line("ceiling / OsintResolver", $"{w / us:F2}× (goal ≤ 2×: {(w <= 2 * us ? "met" : "NOT met")})");
        }

        Report.Line("peak RSS (this process)", Memory.Format(Memory.PeakRssBytes()));
        return 0;
    }

    private static double Print(string label, (long Pages, TimeSpan Elapsed) run, int expected)
    {
        Report.Rate(label, run.Pages, run.Elapsed, "pages");
        if (run.Pages != expected)
        {
            Report.Line("", $"warning: {label} stored {run.Pages:N0} of {expected:N0} pages");
        }

        return run.Pages / run.Elapsed.TotalSeconds;
    }

    private static async Task<(long, TimeSpan)> CrawlOursAsync(GeneratedSite site, TempDirectory dir, int concurrency)
    {
        var source = dir.File("site.yml");
        await File.WriteAllTextAsync(source, $"name: bench_site\ncrawler: site\nurls:\n  start: {site.StartUrl}\n").ConfigureAwait(false);
        var runner = new CrawlRunner(EntityStore.Open(dir.File("osint-data")), new SourceCatalog([], []), new CrawlerOptions
        {
            AllowPrivateNetwork = true,
            RespectRobots = false,
            PerHostDelay = TimeSpan.Zero,
            Concurrency = concurrency,
            PerHostConcurrency = concurrency,
            ConditionalRequests = false,
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = await runner.RunAsync(new CrawlRequest { Source = source, SkipAssertions = true }).ConfigureAwait(false);
        sw.Stop();
        // CPU per page is steadier than pages/s on a shared machine (it includes the in-process site's share).
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Report.Line("OsintResolver CPU", $"{cpu.TotalMilliseconds / Math.Max(1, result.Stats.PagesDone):F2} ms per page (crawler and site, {cpu.TotalSeconds:F1} s)");
        if (!result.Succeeded)
        {
            Report.Line("OsintResolver", $"run failed: {result.Run.Error}");
        }

        return (result.Stats.PagesDone, sw.Elapsed);
    }

    private const string ScrapySpider = """
        import sys, time, scrapy
        from scrapy.crawler import CrawlerProcess

        class Site(scrapy.Spider):
            name = "site"
            seen = set()
            def __init__(self, start, **kw):
                super().__init__(**kw)
                self.start_urls = [start]
                self.allowed_domains = ["127.0.0.1"]
            def parse(self, response):
                links = [response.urljoin(h) for h in response.css("a::attr(href)").getall()]
                Site.seen.add(response.url)
                yield {"url": response.url, "title": response.css("title::text").get(), "links": links}
                for link in links:
                    yield scrapy.Request(link, callback=self.parse)

        start, concurrency, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        process = CrawlerProcess(settings={
            "CONCURRENT_REQUESTS": concurrency, "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
            "DOWNLOAD_DELAY": 0, "ROBOTSTXT_OBEY": False, "AUTOTHROTTLE_ENABLED": False,
            "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "WARNING",
            "FEEDS": {out: {"format": "jsonlines"}},
        })
        process.crawl(Site, start=start)
        t0 = time.monotonic()
        process.start()
        # Scrapy does not deduplicate its start URL against later links, so pages are counted by URL.
        print(f"PAGES {len(Site.seen)} SECONDS {time.monotonic() - t0:.3f}")
        """;

    private static async Task<(long, TimeSpan)?> RunScrapyAsync(GeneratedSite site, TempDirectory dir, int concurrency)
    {
        var folder = Directory.CreateDirectory(dir.File("scrapy")).FullName;
        var spider = Path.Combine(folder, "spider.py");
        await File.WriteAllTextAsync(spider, ScrapySpider).ConfigureAwait(false);
        var (code, stdout, stderr) = await RunAsync("/usr/bin/python3", [spider, site.StartUrl, concurrency.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, "items.jsonl")], folder, null).ConfigureAwait(false);
        return ParsePages("Scrapy", code, stdout, stderr);
    }

    private const string CrawleeScript = """
        import { CheerioCrawler, Dataset, Configuration } from 'crawlee';
        const [start, concurrency] = [process.argv[2], Number(process.argv[3])];
        let pages = 0;
        const crawler = new CheerioCrawler({
            minConcurrency: concurrency, maxConcurrency: concurrency, maxRequestsPerCrawl: 1_000_000,
            async requestHandler({ request, $, enqueueLinks }) {
                const links = $('a[href]').map((_, a) => new URL($(a).attr('href'), request.loadedUrl ?? request.url).href).get();
                await Dataset.pushData({ url: request.url, title: $('title').text(), links });
                pages++;
                await enqueueLinks({ strategy: 'same-hostname' });
            },
        }, new Configuration({ persistStorage: true }));
        const t0 = performance.now();
        await crawler.run([start]);
        console.log(`PAGES ${pages} SECONDS ${((performance.now() - t0) / 1000).toFixed(3)}`);
        """;

    private static async Task<(long, TimeSpan)?> RunCrawleeAsync(GeneratedSite site, TempDirectory dir, int concurrency)
    {
        var folder = Directory.CreateDirectory(dir.File("crawlee")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "package.json"), """{ "name": "bench-crawlee", "private": true, "type": "module" }""").ConfigureAwait(false);
        var install = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", "crawlee", "cheerio"], folder, null).ConfigureAwait(false);
        if (install.Code != 0)
        {
            Report.Line("Crawlee", $"SKIPPED: npm install crawlee cheerio failed (exit {install.Code}): {Last(install.Stderr)}");
            return null;
        }

        var script = Path.Combine(folder, "crawl.mjs");
        await File.WriteAllTextAsync(script, CrawleeScript).ConfigureAwait(false);
        var env = new Dictionary<string, string> { ["CRAWLEE_STORAGE_DIR"] = Path.Combine(folder, "storage"), ["CRAWLEE_LOG_LEVEL"] = "WARNING" };
        var (code, stdout, stderr) = await RunAsync("node", [script, site.StartUrl, concurrency.ToString(CultureInfo.InvariantCulture)], folder, env).ConfigureAwait(false);
        return ParsePages("Crawlee", code, stdout, stderr);
    }

    private static async Task<double?> RunWrkAsync(GeneratedSite site, TempDirectory dir, int concurrency, int pages)
    {
        // Every request asks for another page, as a crawl does.
        var script = dir.File("pages.lua");
        await File.WriteAllTextAsync(script, $"n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, \"/p\" .. (n % {pages}))\nend\n").ConfigureAwait(false);
        var (code, stdout, stderr) = await RunAsync("wrk", ["-t2", $"-c{concurrency}", "-d5s", "-s", script, site.StartUrl], dir.Path, null).ConfigureAwait(false);
        var match = WrkRate().Match(stdout);
        if (code != 0 || !match.Success)
        {
            Report.Line("wrk", $"failed (exit {code}): {Last(stderr + stdout)}");
            return null;
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static (long, TimeSpan)? ParsePages(string label, int code, string stdout, string stderr)
    {
        var match = PagesLine().Match(stdout);
        if (code != 0 || !match.Success)
        {
            Report.Line(label, $"failed (exit {code}): {Last(stderr + stdout)}");
            return null;
        }

        return (long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string[] arguments, string workDir, IReadOnlyDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workDir };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        try
        {
            using var p = Process.Start(info)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync().ConfigureAwait(false);
            return (p.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, "", $"{file} could not be started: {ex.Message}");
        }
    }

    private static string Last(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }

    [GeneratedRegex(@"PAGES (\d+) SECONDS ([\d.]+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex WrkRate();
}
