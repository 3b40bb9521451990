using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using OsintResolver.Index;
using OsintResolver.Index.Canonical;
using OsintResolver.Store;
using OsintResolver.Store.Import;

namespace OsintResolver.Web.Tests.Support;

/// <summary>
/// The real web host on real Kestrel, bound to a free loopback port, over a temporary data
/// folder seeded from <c>Fixtures/entities.ftm.json</c> through the real importer. One per test
/// class (xunit class fixture); tests talk to it with a plain <see cref="HttpClient"/>.
/// </summary>
public sealed class WebHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("osint-web");
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string DataDir => _dir.Path;
    public EntityStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new EntityStore(new StoreOptions { DataDir = _dir.Path });
        foreach (var (file, dataset) in new[] { ("entities.ftm.json", "fixture"), ("registry.ftm.json", "cn_registry") })
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
            var result = await new EntityImporter(Store).ImportAsync(new ImportRequest { Path = path, Dataset = dataset });
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"fixture import of {file} failed: {result.Run.Error}");
            }
        }

        _app = OsintWebHost.Create(new OsintWebHostSettings
        {
            DataDir = _dir.Path,
            Urls = "http://127.0.0.1:0",
            LogLevel = LogLevel.Warning,
        });
        // The index is built from the store exactly as `osint index` does it.
        var index = _app.Services.GetRequiredService<IEntityIndex>();
        await index.RebuildAsync(_app.Services.GetRequiredService<ICanonicalEntitySource>().ReadAll());
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, await ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        return (response, await ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostRawAsync(string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await Client.PostAsync(path, content);
        return (response, await ReadAsync(response));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>Assertions on RFC 9457 ProblemDetails bodies.</summary>
public static class Problem
{
    public static void Assert(HttpResponseMessage response, JsonElement body, int status, string? detailContains = null)
    {
        Xunit.Assert.Equal(status, (int)response.StatusCode);
        Xunit.Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Xunit.Assert.Equal(status, body.GetProperty("status").GetInt32());
        Xunit.Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        if (detailContains is not null)
        {
            Xunit.Assert.Contains(detailContains, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
