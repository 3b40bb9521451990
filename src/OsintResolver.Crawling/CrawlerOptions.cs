using System.ComponentModel.DataAnnotations;

namespace OsintResolver.Crawling;

/// <summary>Engine settings: politeness, retries, timeouts, caps. Validated at startup.</summary>
public sealed class CrawlerOptions
{
    public const string Section = "Crawler";

    /// <summary>Sent with every request and matched against robots.txt groups.</summary>
    [Required, MinLength(3)]
    public string UserAgent { get; set; } = "OsintResolver/0.1 (+https://github.com/osint-resolver; crawler)";

    /// <summary>Obey robots.txt (disallowed URLs are refused, Crawl-delay is honoured).</summary>
    public bool RespectRobots { get; set; } = true;

    /// <summary>How long a fetched robots.txt is trusted.</summary>
    public TimeSpan RobotsTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A robots.txt Crawl-delay larger than this is capped (some sites ask for hours).</summary>
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after the first attempt, for network errors, timeouts, 408/425/429/5xx and truncated bodies.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay; doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest backoff delay, and longest Retry-After that is waited for.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one attempt: connecting, headers and the whole body.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests in flight to one host at once.</summary>
    [Range(1, 256)]
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Least time between two request starts to one host (robots Crawl-delay may raise it).</summary>
    public TimeSpan PerHostDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pages fetched at once in a site crawl (all hosts).</summary>
    [Range(1, 512)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Circuit breaker: a host is paused when this share of attempts fail within the sampling window…</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.8;

    /// <summary>…with at least this many attempts in the window…</summary>
    [Range(2, 100_000)]
    public int BreakerMinimumThroughput { get; set; } = 50;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>…for this long (Polly's breaker accepts half a second to a day).</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "1.00:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Times a page whose host's breaker stayed open through all its retries is set aside for a
    /// break and tried again, before it is reported failed: a host down for minutes pauses its
    /// pages instead of failing them.
    /// </summary>
    [Range(0, 1000)]
    public int MaxBreakerDeferrals { get; set; } = 10;

    /// <summary>Largest response body accepted, after decompression.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest ratio of decompressed to compressed size (bounded decompression against zip bombs).</summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 200;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Allow URLs resolving to private, loopback or link-local addresses (tests, local mirrors).</summary>
    public bool AllowPrivateNetwork { get; set; }

    /// <summary>Send ETag/Last-Modified of the last good response; a 304 reuses the archived body.</summary>
    public bool ConditionalRequests { get; set; } = true;

    /// <summary>How often live stats are saved to the run (and the heartbeat bumped).</summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest time crawl state waits before it is committed.</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Seed of the retry jitter, for reproducible runs; null for a random seed.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>The effective per-host delay of a source, given its politeness settings.</summary>
    internal TimeSpan HostDelayFor(TimeSpan? sourceDelay) =>
        sourceDelay is { } d && d > PerHostDelay ? d : PerHostDelay;

    public CrawlerOptions Clone() => (CrawlerOptions)MemberwiseClone();
}
