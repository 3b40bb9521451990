using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OsintResolver.Testing.Http;

/// <summary>Faults a <see cref="GeneratedSite"/> injects, as shares of attempts (0–1).</summary>
public sealed record SiteFaults
{
    /// <summary>503 with <c>Retry-After</c> of 0 or 1 seconds.</summary>
    public double Unavailable { get; init; }

    /// <summary>Headers never come: the request stalls for <see cref="StallFor"/>.</summary>
    public double Stall { get; init; }

    /// <summary>The connection is reset before any response.</summary>
    public double Reset { get; init; }

    /// <summary>Content-Length promises the whole page but the connection drops half way.</summary>
    public double Truncate { get; init; }

    /// <summary>Faults hit only the first attempts of a URL, so a crawler that retries enough always gets the page.</summary>
    public int FaultyAttempts { get; init; } = 3;

    public TimeSpan StallFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Seed of the per-URL, per-attempt fault draw.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The mix of the reliability test in issue 3: 20% 503, 5% stall, 5% reset, 2% truncated.</summary>
    public static SiteFaults Issue3 { get; } = new() { Unavailable = 0.20, Stall = 0.05, Reset = 0.05, Truncate = 0.02 };
}

/// <summary>
/// A generated site of <c>pages</c> HTML pages on a loopback Kestrel server: page i links to
/// 2i+1 and 2i+2 (so every page is reachable from <c>/p0</c>), to two pseudo-random pages and
/// home. With <see cref="SiteFaults"/>, it injects faults deterministically per URL and attempt
/// (the same seed gives the same faults on the same attempt of a URL), and every 250th page
/// also links to three extra URLs that always fail: <c>/gone/k</c> (404), <c>/down/k</c> (503)
/// and <c>/broken/k</c> (connection reset).
/// </summary>
public sealed class GeneratedSite : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly long[] _injected = new long[4];

    private GeneratedSite(int pages, SiteFaults? faults)
    {
        Pages = pages;
        Faults = faults;
    }

    public int Pages { get; }
    public SiteFaults? Faults { get; }
    public LoopbackServer Server { get; private set; } = null!;
    public string StartUrl => Server.Url("p0");

    /// <summary>The extra URLs that always fail (only with faults), with the status they fail with (null: connection reset).</summary>
    public IReadOnlyDictionary<string, int?> DeadUrls => Faults is null
        ? new Dictionary<string, int?>()
        : Enumerable.Range(0, Pages).Where(HasDeadLinks).SelectMany(i => new (string, int?)[]
        {
            (Server.Url($"gone/{i}"), 404), (Server.Url($"down/{i}"), 503), (Server.Url($"broken/{i}"), null),
        }).ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>Faults injected so far: 503s, stalls, resets, truncated bodies.</summary>
    public (long Unavailable, long Stalled, long Reset, long Truncated) Injected =>
        (Interlocked.Read(ref _injected[0]), Interlocked.Read(ref _injected[1]), Interlocked.Read(ref _injected[2]), Interlocked.Read(ref _injected[3]));

    public static async Task<GeneratedSite> StartAsync(int pages, SiteFaults? faults = null)
    {
        var site = new GeneratedSite(pages, faults);
        site.Server = await LoopbackServer.StartAsync(site.HandleAsync).ConfigureAwait(false);
        return site;
    }

    /// <summary>Forgets the attempts seen so far, so the next crawl meets the same faults from its first attempt.</summary>
    public void ResetAttempts()
    {
        _attempts.Clear();
        Array.Clear(_injected);
        lock (Server.Requests)
        {
            Server.Requests.Clear();
        }
    }

    /// <summary>The HTML of page i (also what a fault-free response carries).</summary>
    public string Page(int i)
    {
        var html = new StringBuilder(1600);
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page {i}</title></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>Page {i}</h1><p>Generated page {i} of {Pages}. ");
        html.Append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ");
        html.Append("Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p><ul>");
        foreach (var target in new[] { 2 * i + 1, 2 * i + 2, Mix(i, 1) % Pages, Mix(i, 2) % Pages, 0 })
        {
            if (target < Pages)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/p{target}\">Page {target}</a></li>");
            }
        }

        if (Faults is not null && HasDeadLinks(i))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/gone/{i}\">gone</a></li><li><a href=\"/down/{i}\">down</a></li><li><a href=\"/broken/{i}\">broken</a></li>");
        }

        html.Append("</ul></body></html>");
        return html.ToString();
    }

    private static bool HasDeadLinks(int i) => i % 250 == 125;

    private async Task HandleAsync(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        if (path == "/robots.txt")
        {
            c.Response.ContentType = "text/plain";
            await c.Response.WriteAsync("User-agent: *\nAllow: /\n").ConfigureAwait(false);
            return;
        }

        if (Faults is { } faults)
        {
            if (path.StartsWith("/gone/", StringComparison.Ordinal))
            {
                c.Response.StatusCode = 404;
                return;
            }

            if (path.StartsWith("/down/", StringComparison.Ordinal))
            {
                c.Response.StatusCode = 503;
                c.Response.Headers.RetryAfter = "0";
                return;
            }

            if (path.StartsWith("/broken/", StringComparison.Ordinal))
            {
                c.Abort();
                return;
            }
        }

        if (!path.StartsWith("/p", StringComparison.Ordinal) ||
            !int.TryParse(path.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= Pages)
        {
            c.Response.StatusCode = 404;
            return;
        }

        var body = Encoding.UTF8.GetBytes(Page(i));
        if (Faults is { } f)
        {
            var attempt = _attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (attempt <= f.FaultyAttempts)
            {
                var draw = (Mix(Hash(path) ^ f.Seed, attempt) % 10_000) / 10_000.0;
                if ((draw -= f.Unavailable) < 0)
                {
                    Interlocked.Increment(ref _injected[0]);
                    c.Response.StatusCode = 503;
                    c.Response.Headers.RetryAfter = (attempt % 2).ToString(CultureInfo.InvariantCulture);
                    return;
                }

                if ((draw -= f.Stall) < 0)
                {
                    Interlocked.Increment(ref _injected[1]);
                    try
                    {
                        await Task.Delay(f.StallFor, c.RequestAborted).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    c.Abort();
                    return;
                }

                if ((draw -= f.Reset) < 0)
                {
                    Interlocked.Increment(ref _injected[2]);
                    c.Abort();
                    return;
                }

                if ((draw -= f.Truncate) < 0)
                {
                    Interlocked.Increment(ref _injected[3]);
                    c.Response.ContentType = "text/html; charset=utf-8";
                    c.Response.ContentLength = body.Length;
                    await c.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2)).ConfigureAwait(false);
                    await c.Response.Body.FlushAsync().ConfigureAwait(false);
                    c.Abort();
                    return;
                }
            }
        }

        c.Response.ContentType = "text/html; charset=utf-8";
        c.Response.ContentLength = body.Length;
        await c.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    // A stable string hash (string.GetHashCode is randomised per process).
    private static int Hash(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)(h & 0x7fffffff);
    }

    private static int Mix(int a, int b)
    {
        var x = (uint)a * 0x9E3779B1u ^ (uint)b * 0x85EBCA77u;
        x ^= x >> 15;
        x *= 0x2C1B3C6Du;
        x ^= x >> 12;
        return (int)(x & 0x7fffffff);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
