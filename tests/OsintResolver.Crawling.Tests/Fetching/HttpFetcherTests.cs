using System.Diagnostics;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using OsintResolver.Crawling.Fetching;
using OsintResolver.Crawling.Tests.Support;
using OsintResolver.Testing.Http;

namespace OsintResolver.Crawling.Tests.Fetching;

public sealed class HttpFetcherTests
{
    [Fact]
    public async Task FetchAsync_503WithRetryAfter_WaitsTheAskedTimeThenSucceeds()
    {
        var calls = 0;
        var times = new List<long>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            times.Add(Stopwatch.GetTimestamp());
            if (Interlocked.Increment(ref calls) == 1)
            {
                c.Response.StatusCode = 503;
                c.Response.Headers.RetryAfter = "1";
                return;
            }

            await c.Response.WriteAsync("ok");
        });
        using var h = new EngineHarness();

        var doc = await h.FetchAsync(server.Url("page"));

        Assert.Equal("ok", doc.Text);
        Assert.Equal(2, doc.Attempts);
        Assert.Equal(1, h.Stats.Retries);
        // The backoff alone would be ~10 ms; Retry-After asked for a second.
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task FetchAsync_StallPastTimeout_RetriesThenReportsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted).ContinueWith(_ => { });
        });
        using var h = new EngineHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 2;
        });

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync(server.Url("slow")));

        Assert.Equal(FetchFailureKind.Timeout, ex.FailureKind);
        Assert.Equal(3, ex.Attempts);
        Assert.Contains("timed out", ex.Reason);
    }

    [Fact]
    public async Task FetchAsync_LoopbackWithoutPermission_IsRefusedBeforeAnyRequest()
    {
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("secret"));
        using var h = new EngineHarness(o => o.AllowPrivateNetwork = false);

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync(server.Url("admin")));

        Assert.Equal(FetchFailureKind.PrivateNetwork, ex.FailureKind);
        Assert.Contains("--allow-private-network", ex.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_HostnameResolvingToLoopback_IsRefusedAtConnect()
    {
        await using var server = await LoopbackServer.StartAsync(c => c.Response.WriteAsync("secret"));
        using var h = new EngineHarness(o => o.AllowPrivateNetwork = false);

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync($"http://localhost:{server.BaseUrl.Port}/admin"));

        Assert.Equal(FetchFailureKind.PrivateNetwork, ex.FailureKind);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.20.0.1", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("::1", "loopback")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fd00::1", "unique local")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("100.64.0.1", "shared")]
    public void Classify_NonPublicAddresses_AreNamed(string address, string kind) =>
        Assert.Contains(kind, NetworkGuard.Classify(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("2001:4860:4860::8888")]
    public void Classify_PublicAddresses_AreAllowed(string address) =>
        Assert.Null(NetworkGuard.Classify(System.Net.IPAddress.Parse(address)));

    [Fact]
    public async Task FetchAsync_BodyOverCap_FailsWithoutRetrying()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            await c.Response.Body.WriteAsync(new byte[64 * 1024]);
        });
        using var h = new EngineHarness(o => o.MaxBodyBytes = 16 * 1024);

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync(server.Url("big")));

        Assert.Equal(FetchFailureKind.TooLarge, ex.FailureKind);
        Assert.Equal(1, ex.Attempts);
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_StopsAtTheDecompressionBound()
    {
        var bomb = new MemoryStream();
        using (var gzip = new GZipStream(bomb, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[64 * 1024 * 1024]);
        }

        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(bomb.ToArray());
        });
        using var h = new EngineHarness();

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync(server.Url("bomb")));

        Assert.Equal(FetchFailureKind.TooLarge, ex.FailureKind);
        Assert.Contains("decompress", ex.Reason);
    }

    [Fact]
    public async Task FetchAsync_GzipBody_IsDecodedAndArchivedDecoded()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("hello archive"u8);
        }

        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            await c.Response.Body.WriteAsync(compressed.ToArray());
        });
        using var h = new EngineHarness(o => o.RespectRobots = false);

        var doc = await h.FetchAsync(server.Url("page"));

        Assert.Equal("hello archive", doc.Text);
        Assert.Equal("hello archive"u8.ToArray(), h.Archive.TryGet(doc.Sha256, 1024));
    }

    [Fact]
    public async Task FetchAsync_RobotsDisallows_RefusesWithReasonAndAppliesCrawlDelay()
    {
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                await c.Response.WriteAsync("User-agent: *\nDisallow: /private\nCrawl-delay: 0.5\n");
                return;
            }

            await c.Response.WriteAsync("page");
        });
        using var h = new EngineHarness();

        var ex = await Assert.ThrowsAsync<FetchFailedException>(() => h.FetchAsync(server.Url("private/x")));
        Assert.Equal(FetchFailureKind.Robots, ex.FailureKind);
        var watch = Stopwatch.StartNew();
        await h.FetchAsync(server.Url("a"));
        await h.FetchAsync(server.Url("b"));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"two requests took {watch.ElapsedMilliseconds} ms");
        Assert.DoesNotContain("GET /private/x", server.Requests);
        Assert.Single(server.Requests, r => r == "GET /robots.txt");
    }

    [Fact]
    public async Task FetchAsync_TruncatedBody_IsRetried()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/robots.txt")
            {
                c.Response.StatusCode = 404;
                return;
            }

            c.Response.ContentLength = 100;
            if (Interlocked.Increment(ref calls) == 1)
            {
                await c.Response.Body.WriteAsync(new byte[10]);
                await c.Response.Body.FlushAsync();
                c.Abort();
                return;
            }

            await c.Response.Body.WriteAsync(new byte[100]);
        });
        using var h = new EngineHarness();

        var doc = await h.FetchAsync(server.Url("page"));

        Assert.Equal(100, doc.Body.Length);
        Assert.Equal(2, doc.Attempts);
    }
}
