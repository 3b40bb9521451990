using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using OsintResolver.Index;
using OsintResolver.Index.Canonical;
using OsintResolver.Store;
using OsintResolver.Store.Import;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;

namespace OsintResolver.Web.Tests.Support;

/// <summary>
/// The real web host on real Kestrel, bound to a free loopback port, over a temporary data
/// folder seeded from <c>Fixtures/entities.ftm.json</c> and <c>registry.ftm.json</c> through the
/// real importer, and an index built from it as <c>osint index</c> does. One per test
/// class (xunit class fixture); tests talk to it with a plain <see cref="HttpClient"/>.
/// Three users exist (<see cref="Users"/>); <see cref="Client"/> sends the analyst's API key, so
/// API tests read and judge as a script would.
/// </summary>
public class WebHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("osint-web");
    private WebApplication? _app;

    /// <summary>Name, role and password of each seeded user.</summary>
    public static readonly IReadOnlyList<(string Name, UserRole Role, string Password)> Users =
    [
        ("ada", UserRole.Admin, "admin password 1"),
        ("alice", UserRole.Analyst, "analyst password 1"),
        ("vic", UserRole.Viewer, "viewer password 1"),
    ];

    public HttpClient Client { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string DataDir => _dir.Path;
    public EntityStore Store { get; private set; } = null!;
    public WebApplication App => _app!;

    /// <summary>API keys of the seeded users, by name.</summary>
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>FtM files and the dataset each is imported as.</summary>
    protected virtual IEnumerable<(string File, string Dataset)> Seeds => [("entities.ftm.json", "fixture"), ("registry.ftm.json", "cn_registry")];

    /// <summary>Extra host configuration (options, replaced services).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary>Runs after the store is seeded, before the host starts.</summary>
    protected virtual Task SeedAsync(EntityStore store) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Store = new EntityStore(new StoreOptions { DataDir = _dir.Path });
        foreach (var (file, dataset) in Seeds)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
            var result = await new EntityImporter(Store).ImportAsync(new ImportRequest { Path = path, Dataset = dataset });
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"fixture import of {file} failed: {result.Run.Error}");
            }
        }

        var accounts = new UserAccounts(Store);
        foreach (var (name, role, password) in Users)
        {
            accounts.Create(name, role, password);
            ApiKeys[name] = accounts.Store.CreateApiKey(name, "tests").Secret;
        }

        await SeedAsync(Store);
        _app = OsintWebHost.Create(new OsintWebHostSettings
        {
            DataDir = _dir.Path,
            Urls = "http://127.0.0.1:0",
            LogLevel = LogLevel.Warning,
        }, Configure);
        // The index is built from the store exactly as `osint index` does it.
        var index = _app.Services.GetRequiredService<IEntityIndex>();
        await index.RebuildAsync(_app.Services.GetRequiredService<ICanonicalEntitySource>().ReadAll());
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single());
        Client = CreateClient(ApiKeys["alice"]);
    }

    /// <summary>A client with no cookies; with an API key when given one.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>A browser-like session (cookies, antiforgery), signed in as a seeded user.</summary>
    public async Task<BrowserSession> SignInAsync(string name)
    {
        var session = new BrowserSession(BaseAddress);
        var password = Users.Single(u => u.Name == name).Password;
        var response = await session.PostFormAsync("/login", new() { ["name"] = name, ["password"] = password });
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException($"sign-in of {name} failed: {(int)response.StatusCode}");
        }

        return session;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
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

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
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
