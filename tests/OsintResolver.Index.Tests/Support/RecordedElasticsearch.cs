using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OsintResolver.Index.Tests.Support;

/// <summary>
/// A loopback Kestrel server that replays Elasticsearch's wire format from a recording file
/// (<c>Fixtures/elasticsearch/*.json</c>): each exchange is a request (method, path with query,
/// JSON or NDJSON body) and the response to send. A request must match a recorded one exactly
/// (JSON compared structurally), so any change to the mapping, the bulk body or the query DSL the
/// backend sends fails the test until the recording is updated. Every reply carries
/// <c>x-elastic-product: Elasticsearch</c>, which the 9.x client insists on. Unmatched requests get
/// a 500 and are kept in <see cref="Unmatched"/>; with <c>OSINT_ES_CAPTURE=DIR</c> they are also
/// written there, to author a new recording from.
/// </summary>
public sealed class RecordedElasticsearch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Queue<Exchange>> _exchanges = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private RecordedElasticsearch(IEnumerable<Exchange> exchanges)
    {
        foreach (var exchange in exchanges)
        {
            _exchanges.GetOrAdd(Key(exchange.Method, exchange.Path, exchange.Body), _ => new Queue<Exchange>()).Enqueue(exchange);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        _app.Run(async http =>
        {
            try
            {
                await HandleAsync(http);
            }
            catch (Exception ex)
            {
                Unmatched.Enqueue($"stub failure: {ex}");
                throw;
            }
        });
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<string> Unmatched { get; } = new();

    public ConcurrentQueue<string> Received { get; } = new();

    public static async Task<RecordedElasticsearch> StartAsync(string recording)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "elasticsearch", recording);
        var exchanges = JsonSerializer.Deserialize<List<Exchange>>(await File.ReadAllTextAsync(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var server = new RecordedElasticsearch(exchanges);
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.Single());
        return server;
    }

    private async Task HandleAsync(HttpContext http)
    {
        // The 9.x client gzips request bodies, as a real cluster accepts.
        var input = http.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(http.Request.Body, System.IO.Compression.CompressionMode.Decompress)
            : http.Request.Body;
        using var reader = new StreamReader(input, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = http.Request.Path + http.Request.QueryString;
        var key = Key(http.Request.Method, path, body.Length == 0 ? null : body);
        Received.Enqueue($"{http.Request.Method} {path}");
        http.Response.Headers["x-elastic-product"] = "Elasticsearch";
        http.Response.ContentType = "application/json";
        if (Environment.GetEnvironmentVariable("OSINT_ES_CAPTURE") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            var capture = new JsonObject
            {
                ["method"] = http.Request.Method,
                ["path"] = path,
                ["body"] = body.Length == 0 ? null : body,
            };
            await File.WriteAllTextAsync(Path.Combine(dir, $"{DateTime.UtcNow.Ticks}.json"), capture.ToJsonString());
        }

        if (_exchanges.TryGetValue(key, out var queue) && queue.Count > 0)
        {
            // Repeated identical requests take the recorded answers in order; the last one stays.
            var exchange = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            http.Response.StatusCode = exchange.Status;
            await http.Response.WriteAsync(exchange.Response?.ToJsonString() ?? "");
            return;
        }

        Unmatched.Enqueue($"{http.Request.Method} {path}\n{body}");
        if (Environment.GetEnvironmentVariable("OSINT_ES_CAPTURE") is { Length: > 0 })
        {
            // Capturing only: answer with an empty success so the whole request sequence is seen
            // in one run. Authored responses replace these in the recording.
            http.Response.StatusCode = 200;
            await http.Response.WriteAsync(path.Contains("_search", StringComparison.Ordinal)
                ? """{"took":1,"timed_out":false,"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}"""
                : path.Contains("_bulk", StringComparison.Ordinal) ? """{"errors":false,"took":1,"items":[]}"""
                : path.StartsWith("/_cat", StringComparison.Ordinal) ? "[]"
                : path.StartsWith("/_alias/", StringComparison.Ordinal) ? "{}"
                : """{"acknowledged":true}""");
            return;
        }

        http.Response.StatusCode = 500;
        await http.Response.WriteAsync("""{"error":{"type":"no_recording","reason":"no recorded exchange for this request"},"status":500}""");
    }

    /// <summary>Method, path and body with JSON normalised (each NDJSON line parsed and re-serialised).</summary>
    private static string Key(string method, string path, string? body)
    {
        var normalised = body is null
            ? ""
            : string.Join('\n', body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!.ToJsonString()));
        return $"{method} {path}\n{normalised}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One recorded request and its response.</summary>
    public sealed record Exchange(string Method, string Path, string? Body, int Status, JsonNode? Response);
}
