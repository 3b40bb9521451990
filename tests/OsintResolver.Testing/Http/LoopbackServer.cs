using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OsintResolver.Testing.Http;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, answering with the given handler. Tests
/// crawl it over real HTTP (no network beyond loopback), like Scrapy's mock server.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Requests received so far, in order ("GET /path").</summary>
    public List<string> Requests { get; } = [];

    public string Url(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            lock (server!.Requests)
            {
                server.Requests.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            }

            await handler(context).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        server = new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    /// <summary>Serves files by path (<c>/name</c> → file) with ETag and Last-Modified, answering 304 to a matching conditional GET.</summary>
    public static Task<LoopbackServer> ServeFilesAsync(IReadOnlyDictionary<string, string> files) =>
        StartAsync(async context =>
        {
            if (!files.TryGetValue(context.Request.Path.Value ?? "", out var path))
            {
                context.Response.StatusCode = 404;
                return;
            }

            var bytes = await File.ReadAllBytesAsync(path).ConfigureAwait(false);
            var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\"";
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = "Mon, 03 Jul 2017 20:27:45 GMT";
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.ContentType = path.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml" : "text/csv; charset=utf-8";
            await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
