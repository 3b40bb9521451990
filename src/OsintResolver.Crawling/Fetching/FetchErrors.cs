using OsintResolver.Model.Errors;

namespace OsintResolver.Crawling.Fetching;

/// <summary>Why a fetch was given up; the reason is stored with the page and shown in stats.</summary>
public enum FetchFailureKind
{
    /// <summary>The server answered with an error status (after retries, when it was retryable).</summary>
    HttpStatus,

    /// <summary>Connection refused, reset or DNS failure, after retries.</summary>
    Network,

    /// <summary>Every attempt ran past the per-attempt timeout.</summary>
    Timeout,

    /// <summary>The body ended early (truncated) on every attempt.</summary>
    Truncated,

    /// <summary>The body exceeded the size cap or the decompression bound.</summary>
    TooLarge,

    /// <summary>The URL resolves to a private, loopback or link-local address and the run does not allow that.</summary>
    PrivateNetwork,

    /// <summary>robots.txt disallows the URL for our user agent.</summary>
    Robots,

    /// <summary>The host's circuit breaker stayed open.</summary>
    CircuitOpen,

    /// <summary>The URL is not http(s) or otherwise unusable.</summary>
    InvalidUrl,

    /// <summary>The browser could not render the page.</summary>
    Render,
}

/// <summary>A fetch that failed for good; <see cref="Kind"/> and the message say why.</summary>
public sealed class FetchFailedException : OsintException
{
    public FetchFailedException(string url, FetchFailureKind kind, string reason, int attempts = 0, int? status = null, Exception? inner = null)
        : base($"{url}: {reason}", 502, inner)
    {
        Url = url;
        FailureKind = kind;
        Reason = reason;
        Attempts = attempts;
        Status = status;
    }

    public string Url { get; }
    public FetchFailureKind FailureKind { get; }
    public string Reason { get; }
    public int Attempts { get; }
    public int? Status { get; }
    public override string Kind => "fetch-failed";
}

/// <summary>Thrown inside an attempt when the body is over the cap; never retried.</summary>
internal sealed class ResponseTooLargeException(string message) : IOException(message);

/// <summary>Thrown when connecting to a refused address; never retried.</summary>
internal sealed class PrivateNetworkRefusedException(string message) : IOException(message);
