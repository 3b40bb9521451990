using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OsintResolver.Crawling.Archive;
using OsintResolver.Crawling.Rendering;
using OsintResolver.Crawling.Robots;
using OsintResolver.Crawling.Runs;
using OsintResolver.Store.Crawl;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace OsintResolver.Crawling.Fetching;

/// <summary>Where a fetcher records responses and validators (the run's writer), if anywhere.</summary>
internal interface IFetchLog
{
    void Record(ResponseRecord response);
    void SaveValidators(CachedValidators validators);
}

/// <summary>
/// The only place that talks HTTP. Per host: robots.txt, a politeness gate (concurrency and
/// spacing, Crawl-delay), and a Polly pipeline — retries with exponential backoff and jitter that
/// honour Retry-After, a circuit breaker, and a per-attempt timeout. Every body is size-capped,
/// decompressed with a bound, archived by sha256 and logged with its metadata. Conditional GET
/// reuses the archived body on 304; a resumed run reuses what it already fetched.
/// </summary>
internal sealed class HttpFetcher : IDisposable
{
    private readonly CrawlerOptions _options;
    private readonly ContentArchive _archive;
    private readonly CrawlStateStore _state;
    private readonly CrawlStats _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly HttpClient _client;
    private readonly NetworkGuard _guard;
    private readonly ResiliencePipeline _timeout;
    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private string? _plainRequestHeaders;

    public HttpFetcher(CrawlerOptions options, ContentArchive archive, CrawlStateStore state, CrawlStats stats,
        TimeProvider time, ILogger log, FetchScope? scope = null, IPageRenderer? renderer = null)
    {
        _options = options;
        _archive = archive;
        _state = state;
        _stats = stats;
        _time = time;
        _log = log;
        Scope = scope ?? new FetchScope();
        Renderer = renderer;
        _guard = new NetworkGuard(options.AllowPrivateNetwork);
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            AllowAutoRedirect = options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, options.MaxRedirects),
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = _guard.ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.AttemptTimeout).Build();
    }

    public FetchScope Scope { get; }
    public IPageRenderer? Renderer { get; }

    /// <summary>Fetches a URL through the whole pipeline; throws <see cref="FetchFailedException"/> with the reason.</summary>
    public async Task<CrawlDocument> FetchAsync(Uri url, CancellationToken ct)
    {
        if (url.Scheme is not ("http" or "https") || !url.IsAbsoluteUri)
        {
            throw new FetchFailedException(url.ToString(), FetchFailureKind.InvalidUrl, "only absolute http(s) URLs can be fetched");
        }

        var key = url.AbsoluteUri;
        if (Scope.RunResponses is { } done && done.TryGetValue(key, out var previous) && previous.Sha256 is { } prevSha &&
            _archive.TryGet(prevSha, _options.MaxBodyBytes) is { } reused)
        {
            _stats.ReusedHit();
            return new CrawlDocument(url, new Uri(previous.FinalUrl ?? key), previous.Status, previous.ContentType, prevSha, reused)
            {
                Reused = true,
                NotModified = previous.NotModified,
                Rendered = previous.Rendered,
                Attempts = 0,
            };
        }

        if (IPAddress.TryParse(url.IdnHost, out var literal))
        {
            try
            {
                _guard.Check(url.Host, literal);
            }
            catch (PrivateNetworkRefusedException ex)
            {
                _stats.Refused();
                throw new FetchFailedException(key, FetchFailureKind.PrivateNetwork, ex.Message);
            }
        }

        var host = await GetHostAsync(url, ct).ConfigureAwait(false);
        if (!host.Robots.IsAllowed(url.PathAndQuery))
        {
            _stats.RobotsDenied();
            throw new FetchFailedException(key, FetchFailureKind.Robots, $"disallowed by {host.Origin}/robots.txt for user agent '{_options.UserAgent}'");
        }

        return Scope.Render && Renderer is not null
            ? await RenderAsync(url, host, ct).ConfigureAwait(false)
            : await FetchCoreAsync(url, host, ct).ConfigureAwait(false);
    }

    private async Task<CrawlDocument> FetchCoreAsync(Uri url, HostState host, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        var validators = _options.ConditionalRequests ? _state.GetValidators(key) : null;
        if (validators is not null && !_archive.Contains(validators.Sha256))
        {
            validators = null;
        }

        var state = new AttemptState(url, validators);
        var started = Stopwatch.GetTimestamp();
        AttemptResult result;
        try
        {
            result = await host.Pipeline.ExecuteAsync(static async (s, token) =>
                await s.Fetcher.AttemptAsync(s.State, s.Host, token).ConfigureAwait(false),
                (Fetcher: this, State: state, Host: host), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Classify(ex) is { } failure)
        {
            if (failure.Kind == FetchFailureKind.PrivateNetwork)
            {
                _stats.Refused();
            }

            throw new FetchFailedException(key, failure.Kind, $"{failure.Reason} (after {state.Attempts} attempt{(state.Attempts == 1 ? "" : "s")})",
                state.Attempts, null, ex);
        }

        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        byte[] body;
        var notModified = false;
        string sha;
        if (result.Status == 304 && state.Validators is { } v && _archive.TryGet(v.Sha256, _options.MaxBodyBytes) is { } archived)
        {
            body = archived;
            sha = v.Sha256;
            notModified = true;
            _stats.NotModifiedHit();
        }
        else
        {
            body = result.Body ?? [];
            sha = _archive.Put(body);
        }

        var status = notModified ? state.Validators!.Status : result.Status;
        var contentType = notModified ? state.Validators!.ContentType : result.ContentType;
        var finalUrl = notModified ? new Uri(state.Validators!.FinalUrl ?? key) : result.FinalUrl ?? url;
        Scope.Log?.Record(new ResponseRecord
        {
            RunId = Scope.RunId,
            Source = Scope.Source,
            Url = key,
            FinalUrl = finalUrl.AbsoluteUri,
            RequestHeaders = result.RequestHeaders,
            Status = result.Status,
            ResponseHeaders = result.ResponseHeaders,
            ContentType = contentType,
            Sha256 = sha,
            Size = body.Length,
            NotModified = notModified,
            Attempts = state.Attempts,
            ElapsedMs = elapsed,
            FetchedAt = _time.GetUtcNow(),
        });

        if (status is < 200 or >= 300)
        {
            throw new FetchFailedException(key, FetchFailureKind.HttpStatus,
                $"HTTP {result.Status} {ReasonPhrase(result.Status)} (after {state.Attempts} attempt{(state.Attempts == 1 ? "" : "s")})",
                state.Attempts, result.Status);
        }

        if (!notModified && (result.ETag is not null || result.LastModified is not null))
        {
            Scope.Log?.SaveValidators(new CachedValidators(key, result.ETag, result.LastModified, sha, status, contentType,
                finalUrl.AbsoluteUri, _time.GetUtcNow()));
        }

        return new CrawlDocument(url, finalUrl, status, contentType, sha, body) { NotModified = notModified, Attempts = state.Attempts };
    }

    private async ValueTask<AttemptResult> AttemptAsync(AttemptState state, HostState host, CancellationToken ct)
    {
        using var lease = await host.Gate.EnterAsync(ct).ConfigureAwait(false);
        state.Attempts++;
        _stats.Attempt();
        return await _timeout.ExecuteAsync(static async (s, token) =>
            await s.Fetcher.SendAsync(s.State, token).ConfigureAwait(false), (Fetcher: this, State: state), ct).ConfigureAwait(false);
    }

    private async Task<AttemptResult> SendAsync(AttemptState state, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, state.Url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (state.Validators is { } v)
        {
            if (v.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", v.ETag);
            }

            if (v.LastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", v.LastModified);
            }
        }

        // Without validators every request carries the same headers: serialise them once.
        var requestHeaders = state.Validators is null ? _plainRequestHeaders ??= HeadersJson(request.Headers) : HeadersJson(request.Headers);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        _stats.Response(status, response.Content.Headers.ContentLength ?? 0);
        var result = new AttemptResult
        {
            Status = status,
            FinalUrl = response.RequestMessage?.RequestUri,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            RetryAfter = RetryAfter.Parse(response.Headers, _time.GetUtcNow()),
            RequestHeaders = requestHeaders,
            ResponseHeaders = HeadersJson(response.Headers, response.Content.Headers),
        };

        if (status == 304)
        {
            if (state.Validators is null || !_archive.Contains(state.Validators.Sha256))
            {
                // A 304 for a body we no longer hold: ask again without validators.
                state.Validators = null;
                return result with { Retryable = true };
            }

            return result;
        }

        if (IsRetryableStatus(status))
        {
            return result with { Retryable = true };
        }

        var body = await BodyReader.ReadAsync(response.Content, _options.MaxBodyBytes, _options.MaxCompressionRatio, ct).ConfigureAwait(false);
        return result with { Body = body };
    }

    private async Task<CrawlDocument> RenderAsync(Uri url, HostState host, CancellationToken ct)
    {
        var key = url.AbsoluteUri;
        var state = new AttemptState(url, null);
        var started = Stopwatch.GetTimestamp();
        AttemptResult result;
        try
        {
            result = await host.Pipeline.ExecuteAsync(static async (s, token) =>
            {
                using var lease = await s.Host.Gate.EnterAsync(token).ConfigureAwait(false);
                s.State.Attempts++;
                s.Fetcher._stats.Attempt();
                return await s.Fetcher._timeout.ExecuteAsync(static async (s2, t) =>
                {
                    var page = await s2.Fetcher.Renderer!.RenderAsync(s2.State.Url, s2.Fetcher.AllowAsync, s2.Fetcher._options.UserAgent, t).ConfigureAwait(false);
                    s2.Fetcher._stats.Response(page.Status, page.Html.Length);
                    return new AttemptResult
                    {
                        Status = page.Status,
                        FinalUrl = page.FinalUrl,
                        ContentType = page.ContentType ?? "text/html; charset=utf-8",
                        Body = Encoding.UTF8.GetBytes(page.Html),
                        Retryable = IsRetryableStatus(page.Status),
                    };
                }, s, token).ConfigureAwait(false);
            }, (Fetcher: this, State: state, Host: host), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Classify(ex) is { } failure)
        {
            throw new FetchFailedException(key, failure.Kind == FetchFailureKind.Network ? FetchFailureKind.Render : failure.Kind,
                $"{failure.Reason} (after {state.Attempts} attempts)", state.Attempts, null, ex);
        }

        var body = result.Body ?? [];
        var sha = _archive.Put(body);
        Scope.Log?.Record(new ResponseRecord
        {
            RunId = Scope.RunId,
            Source = Scope.Source,
            Url = key,
            FinalUrl = (result.FinalUrl ?? url).AbsoluteUri,
            Status = result.Status,
            ContentType = result.ContentType,
            Sha256 = sha,
            Size = body.Length,
            Rendered = true,
            Attempts = state.Attempts,
            ElapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            FetchedAt = _time.GetUtcNow(),
        });
        if (result.Status is < 200 or >= 300)
        {
            throw new FetchFailedException(key, FetchFailureKind.HttpStatus, $"HTTP {result.Status} {ReasonPhrase(result.Status)} (rendered)",
                state.Attempts, result.Status);
        }

        return new CrawlDocument(url, result.FinalUrl ?? url, result.Status, result.ContentType, sha, body) { Rendered = true, Attempts = state.Attempts };
    }

    /// <summary>The SSRF policy for requests a rendered page makes by itself.</summary>
    private async Task<bool> AllowAsync(Uri url, CancellationToken ct)
    {
        if (url.Scheme is "data" or "blob" or "about")
        {
            return true;
        }

        if (url.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (_guard.AllowPrivateNetwork)
        {
            return true;
        }

        try
        {
            var addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct).ConfigureAwait(false);
            return addresses.Length > 0 && addresses.All(a => NetworkGuard.Classify(a) is null);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    // ---- hosts, robots --------------------------------------------------------------------------

    private async Task<HostState> GetHostAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (_hosts.TryGetValue(origin, out var known) && known.RobotsLoaded.IsCompletedSuccessfully)
        {
            return known;
        }

        var host = _hosts.GetOrAdd(origin, o => new HostState(o, BuildPipeline(),
            new HostGate(Scope.PerHostConcurrency ?? _options.PerHostConcurrency, _options.HostDelayFor(Scope.HostDelay), _time)));
        await host.EnsureRobotsAsync(() => LoadRobotsAsync(host, ct)).ConfigureAwait(false);
        return host;
    }

    private async Task<RobotsPolicy> LoadRobotsAsync(HostState host, CancellationToken ct)
    {
        if (!_options.RespectRobots)
        {
            return RobotsPolicy.Unrestricted;
        }

        var now = _time.GetUtcNow();
        var cached = _state.GetRobots(host.Origin);
        RobotsTxt robots;
        if (cached is not null && cached.ExpiresAt > now)
        {
            robots = Interpret(cached.Status, cached.Body);
        }
        else
        {
            var url = new Uri(host.Origin + "/robots.txt");
            var state = new AttemptState(url, null);
            int status;
            string? body = null;
            try
            {
                var result = await host.Pipeline.ExecuteAsync(static async (s, token) =>
                    await s.Fetcher.AttemptAsync(s.State, s.Host, token).ConfigureAwait(false),
                    (Fetcher: this, State: state, Host: host), ct).ConfigureAwait(false);
                status = result.Status;
                if (result.Body is { } bytes)
                {
                    body = Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 512 * 1024)));
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && Classify(ex) is { } failure)
            {
                if (failure.Kind == FetchFailureKind.PrivateNetwork)
                {
                    // The pages will be refused with the same reason; robots has nothing to add.
                    return RobotsPolicy.Unrestricted;
                }

                // RFC 9309 §2.3.1.4: an unreachable robots.txt means the site is fully disallowed.
                _stats.Warning($"{url}: {failure.Reason}; treating the site as disallowed for this run");
                return RobotsTxt.DisallowAll.For(_options.UserAgent);
            }

            robots = Interpret(status, body);
            if (status < 500)
            {
                _state.SaveRobots(new CachedRobots(host.Origin, status, body, now, now + _options.RobotsTtl));
            }
            else
            {
                _stats.Warning($"{url}: HTTP {status}; treating the site as disallowed for this run");
            }
        }

        var policy = robots.For(_options.UserAgent);
        if (policy.CrawlDelay is { } delay)
        {
            var capped = delay > _options.MaxCrawlDelay ? _options.MaxCrawlDelay : delay;
            if (capped > host.Gate.Delay)
            {
                host.Gate.Delay = capped;
                _log.LogInformation("{Origin}: robots.txt Crawl-delay {Delay}s", host.Origin, capped.TotalSeconds);
            }
        }

        return policy;
    }

    private static RobotsTxt Interpret(int status, string? body) => status switch
    {
        >= 200 and < 300 => RobotsTxt.Parse(body ?? ""),
        >= 400 and < 500 => RobotsTxt.AllowAll,
        _ => RobotsTxt.DisallowAll,
    };

    private ResiliencePipeline<AttemptResult> BuildPipeline()
    {
        var transient = new PredicateBuilder<AttemptResult>()
            .Handle<Exception>(IsTransient)
            .HandleResult(r => r.Retryable);
        var breakerFailures = new PredicateBuilder<AttemptResult>()
            .Handle<Exception>(ex => ex is not BrokenCircuitException && IsTransient(ex))
            .HandleResult(r => r.Retryable);
        return new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                MaxDelay = _options.RetryMaxDelay,
                Randomizer = NextRandom,
                DelayGenerator = args =>
                {
                    TimeSpan? wait = args.Outcome.Result?.RetryAfter
                                     ?? (args.Outcome.Exception as BrokenCircuitException)?.RetryAfter;
                    return ValueTask.FromResult(wait is { } w ? (TimeSpan?)(w > _options.RetryMaxDelay ? _options.RetryMaxDelay : w) : null);
                },
                OnRetry = _ =>
                {
                    _stats.Retry();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<AttemptResult>
            {
                ShouldHandle = breakerFailures,
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
            })
            .Build();
    }

    private double NextRandom()
    {
        lock (_randomLock)
        {
            return _random.NextDouble();
        }
    }

    private static bool IsTransient(Exception ex) => Classify(ex) is { Retryable: true };

    private static bool IsRetryableStatus(int status) => status is 408 or 425 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Why an attempt failed, and whether another attempt may help.</summary>
    internal static (FetchFailureKind Kind, string Reason, bool Retryable)? Classify(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PrivateNetworkRefusedException p:
                    return (FetchFailureKind.PrivateNetwork, p.Message, false);
                case ResponseTooLargeException t:
                    return (FetchFailureKind.TooLarge, t.Message, false);
            }
        }

        return ex switch
        {
            TimeoutRejectedException t => (FetchFailureKind.Timeout, $"timed out after {t.Timeout.TotalSeconds:0.###} s", true),
            BrokenCircuitException => (FetchFailureKind.CircuitOpen, "circuit breaker open: the host failed too often", true),
            HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } => (FetchFailureKind.Truncated, "response body ended early (truncated)", true),
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => (FetchFailureKind.Truncated, "response ended early (truncated)", true),
            HttpRequestException h => (FetchFailureKind.Network, $"network error: {Describe(h)}", true),
            IOException io => (FetchFailureKind.Network, $"network error: {io.Message}", true),
            System.Net.Sockets.SocketException s => (FetchFailureKind.Network, $"network error: {s.Message}", true),
            _ => null,
        };
    }

    private static string Describe(HttpRequestException ex)
    {
        var inner = ex.InnerException?.Message;
        return inner is null || ex.Message.Contains(inner, StringComparison.Ordinal) ? ex.Message : $"{ex.Message} ({inner})";
    }

    private static string ReasonPhrase(int status) =>
        Enum.IsDefined(typeof(HttpStatusCode), status) ? ((HttpStatusCode)status).ToString() : "";

    private static string HeadersJson(params HttpHeaders[] sets)
    {
        var map = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in sets)
        {
            foreach (var (name, values) in set.NonValidated)
            {
                map[name] = string.Join(", ", values);
            }
        }

        return JsonSerializer.Serialize(map);
    }

    public void Dispose() => _client.Dispose();

    private sealed class AttemptState(Uri url, CachedValidators? validators)
    {
        public Uri Url { get; } = url;
        public CachedValidators? Validators { get; set; } = validators;
        public int Attempts { get; set; }
    }

    private sealed record AttemptResult
    {
        public int Status { get; init; }
        public Uri? FinalUrl { get; init; }
        public string? ContentType { get; init; }
        public string? ETag { get; init; }
        public string? LastModified { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public byte[]? Body { get; init; }
        public bool Retryable { get; init; }
        public string? RequestHeaders { get; init; }
        public string? ResponseHeaders { get; init; }
    }

    private sealed class HostState(string origin, ResiliencePipeline<AttemptResult> pipeline, HostGate gate)
    {
        private readonly Lock _lock = new();
        private Task<RobotsPolicy>? _robots;

        public string Origin { get; } = origin;
        public ResiliencePipeline<AttemptResult> Pipeline { get; } = pipeline;
        public HostGate Gate { get; } = gate;
        public RobotsPolicy Robots => _robots!.Result;
        public Task RobotsLoaded => _robots ?? Task.FromException(new InvalidOperationException("robots not loaded"));

        public Task EnsureRobotsAsync(Func<Task<RobotsPolicy>> load)
        {
            lock (_lock)
            {
                if (_robots is null || _robots.IsFaulted || _robots.IsCanceled)
                {
                    _robots = load();
                }

                return _robots;
            }
        }
    }
}

/// <summary>What a fetcher works for: the run, its log, the source's politeness and render mode, and what the run already fetched.</summary>
internal sealed class FetchScope
{
    public long? RunId { get; init; }
    public string? Source { get; init; }
    public IFetchLog? Log { get; init; }
    public IReadOnlyDictionary<string, ResponseRecord>? RunResponses { get; init; }
    public int? PerHostConcurrency { get; init; }
    public TimeSpan? HostDelay { get; init; }
    public bool Render { get; init; }
}
