using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OsintResolver.Crawling.Sources;

namespace OsintResolver.Cli.Pipeline;

/// <summary>
/// Serves the crawlers' bundled sample files (<c>crawlers/&lt;source&gt;/fixtures/</c>, embedded in
/// the crawlers assembly) over HTTP on a free loopback port, so <c>osint demo</c> crawls them
/// through the real engine with no internet. Each source URL whose file name has a sample is
/// pointed here; the crawl is otherwise unchanged.
/// </summary>
internal sealed class SampleSourceServer : IAsyncDisposable
{
    private const string Prefix = "Fixtures.";
    private readonly WebApplication _app;
    private readonly Dictionary<string, (Assembly Assembly, string Resource)> _files;

    private SampleSourceServer(WebApplication app, Dictionary<string, (Assembly, string)> files)
    {
        _app = app;
        _files = files;
    }

    public Uri BaseAddress => new(_app.Urls.Single());

    /// <summary>The sample files, by <c>/&lt;source&gt;/&lt;file&gt;</c> path.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys;

    public static async Task<SampleSourceServer> StartAsync(Assembly crawlers, CancellationToken ct)
    {
        // "Fixtures.us_ofac_sdn/fixtures/sdn.xml" → "/us_ofac_sdn/sdn.xml"
        var files = crawlers.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => (Name: n, Parts: n[Prefix.Length..].Replace('\\', '/').Split('/')))
            .Where(x => x.Parts is [_, "fixtures", _])
            .ToDictionary(x => $"/{x.Parts[0]}/{x.Parts[2]}".ToLowerInvariant(), x => (crawlers, x.Name), StringComparer.Ordinal);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var server = new SampleSourceServer(app, files);
        app.Run(server.ServeAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        return server;
    }

    /// <summary>
    /// URL overrides (<c>KEY=URL</c>) pointing a source's URLs at the samples: a URL is served
    /// here when a sample of the source has the same file name (case aside).
    /// </summary>
    public IReadOnlyList<string> OverridesFor(SourceDefinition source)
    {
        var overrides = new List<string>();
        foreach (var (key, url) in source.Urls)
        {
            var file = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Segments[^1].ToLowerInvariant() : "";
            var path = $"/{source.Name}/{file}".ToLowerInvariant();
            if (_files.ContainsKey(path))
            {
                overrides.Add($"{key}={new Uri(BaseAddress, path)}");
            }
        }

        return overrides;
    }

    private async Task ServeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value?.ToLowerInvariant() ?? "";
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) || !_files.TryGetValue(path, out var file))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = Path.GetExtension(path) switch
        {
            ".xml" => "application/xml",
            ".csv" => "text/csv; charset=utf-8",
            ".json" => "application/json",
            _ => "application/octet-stream",
        };
        await using var stream = file.Assembly.GetManifestResourceStream(file.Resource)!;
        http.Response.ContentLength = stream.Length;
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
