using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.Json;
using OsintResolver.Index;
using OsintResolver.Index.Analysis;
using OsintResolver.Store;
using OsintResolver.Web.Apis;
using OsintResolver.Web.Matching;
using OsintResolver.Web.Ui;

namespace OsintResolver.Web;

/// <summary>How to start the web host: where the data is and where to listen.</summary>
public sealed record OsintWebHostSettings
{
    /// <summary>Loopback only unless told otherwise: the data may hold leads that are not public.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The data folder (store, index); resolved like the CLI's <c>--data-dir</c>.</summary>
    public string DataDir { get; init; } = DataDirectory.Resolve(null);

    /// <summary>Semicolon-separated listen URLs; <c>http://127.0.0.1:0</c> picks a free port.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Extra configuration arguments (<c>--Key=value</c>, <c>--urls</c> …).</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Index backend settings over the defaults and the <c>Index</c> configuration section.</summary>
    public Action<IndexOptions>? ConfigureIndex { get; init; }

    /// <summary>A matcher trained with <c>osint train</c> for the match API; null for the one shipped in models/matcher/.</summary>
    public string? MatcherDirectory { get; init; }

    /// <summary>Minimum log level of the host; tests quieten it.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Settings from a plain command line: <c>--data-dir</c>, <c>--urls</c>, and configuration keys.</summary>
    public static OsintWebHostSettings FromArgs(string[] args)
    {
        string? Value(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        return new OsintWebHostSettings
        {
            DataDir = DataDirectory.Resolve(Value("--data-dir")),
            Urls = Value("--urls") ?? DefaultUrls,
            MatcherDirectory = Value("--model"),
            Args = args,
        };
    }
}

/// <summary>
/// Builds the web application: the same composition for <c>osint serve</c>, the Program entry
/// point and in-process tests (real Kestrel on a loopback port).
/// </summary>
public static class OsintWebHost
{
    /// <summary>
    /// Creates the application. <paramref name="configure"/> runs after the default services are
    /// added, so callers (the CLI, tests, the web UI) can replace or add services.
    /// </summary>
    public static WebApplication Create(OsintWebHostSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = settings.Args,
            ContentRootPath = AppContext.BaseDirectory,
            // Razor Pages are found from the application name; the entry assembly may be the CLI or a test host.
            ApplicationName = typeof(OsintWebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(settings.LogLevel);
        builder.Services.AddOsintWeb(store => store.DataDir = settings.DataDir);
        var indexSection = builder.Configuration.GetSection(IndexOptions.Section);
        builder.Services.AddOsintIndex(index =>
        {
            indexSection.Bind(index);
            index.DataDir = settings.DataDir;
            if (index.ElasticsearchUrl is null && Environment.GetEnvironmentVariable(IndexOptions.ElasticsearchUrlVariable) is { Length: > 0 } url)
            {
                index.ElasticsearchUrl = new Uri(url);
            }

            settings.ConfigureIndex?.Invoke(index);
        });
        builder.Services.AddLearnedMatcher(settings.MatcherDirectory);
        builder.Services.AddOsintWebUi();
        configure?.Invoke(builder);

        var app = builder.Build();
        // The transliterator takes about a second to create; pay it now, not on the first query.
        _ = Task.Run(IndexWarmup.Warm);
        app.UseOsintWeb();
        app.UseOsintWebUi();
        app.MapOsintWebUi(app.MapOsintApis());
        return app;
    }
}

public static class OsintWebServiceCollectionExtensions
{
    internal static readonly JsonSerializerOptions JsonDefaults = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// Registers what the APIs need: the store, JSON conventions (snake_case like the CLI and
    /// yente; FtM property names are dictionary keys and stay as declared), ProblemDetails with
    /// one mapping of <see cref="Model.Errors.OsintException"/>, and 400s for malformed requests.
    /// </summary>
    public static IServiceCollection AddOsintWeb(this IServiceCollection services, Action<StoreOptions>? configureStore = null)
    {
        services.AddOsintStore(configureStore);
        services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<OsintExceptionHandler>();
        // Binding failures (bad JSON, a number that is not one) throw, so the handler above turns
        // them into a 400 ProblemDetails that says what was wrong, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = WebLimits.MaxRequestBodyBytes;
        });
        return services;
    }

    /// <summary>Middleware in order: ProblemDetails for exceptions and for bare error statuses (404 of an unknown route).</summary>
    public static WebApplication UseOsintWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Any script stays readable, but HTML-significant characters are still escaped.
        o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        o.NumberHandling = JsonNumberHandling.Strict;
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
        return o;
    }
}

/// <summary>Hard limits on what one request may ask for.</summary>
internal static class WebLimits
{
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;
}
