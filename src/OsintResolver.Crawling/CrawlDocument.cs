using System.Text;
using OsintResolver.Store.Runs;

namespace OsintResolver.Crawling;

/// <summary>
/// A fetched (or rendered, or archived) response body with where it came from. Statements emitted
/// from it carry its URL and the sha256 of its archived copy as provenance.
/// </summary>
public sealed class CrawlDocument
{
    internal CrawlDocument(Uri url, Uri finalUrl, int status, string? contentType, string sha256, byte[] body)
    {
        Url = url;
        FinalUrl = finalUrl;
        Status = status;
        ContentType = contentType;
        Sha256 = sha256;
        Body = body;
    }

    public Uri Url { get; }

    /// <summary>The URL after redirects.</summary>
    public Uri FinalUrl { get; }

    public int Status { get; }
    public string? ContentType { get; }

    /// <summary>sha256 of the body: its name in the archive.</summary>
    public string Sha256 { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The server answered 304 Not Modified and the archived body was reused.</summary>
    public bool NotModified { get; init; }

    /// <summary>Read from the archive because this run had already fetched it (a resumed run).</summary>
    public bool Reused { get; init; }

    /// <summary>Rendered by the browser.</summary>
    public bool Rendered { get; init; }

    public int Attempts { get; init; } = 1;

    public Provenance Provenance => new(Url.ToString(), Sha256);

    public Stream OpenStream() => new MemoryStream(Body.ToArray(), writable: false);

    /// <summary>The body as text, in the charset the Content-Type names (or a BOM says), else UTF-8.</summary>
    public string Text
    {
        get
        {
            var span = Body.Span;
            var encoding = Charset(ContentType) ?? Encoding.UTF8;
            var preamble = 0;
            if (span.StartsWith(Encoding.UTF8.Preamble))
            {
                encoding = Encoding.UTF8;
                preamble = 3;
            }

            return encoding.GetString(span[preamble..]);
        }
    }

    private static Encoding? Charset(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        var i = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return null;
        }

        var name = contentType[(i + 8)..].Split(';')[0].Trim().Trim('"');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            // The common case, without the encoding provider's lock.
            return Encoding.UTF8;
        }

        try
        {
            return name.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || name.Equals("latin1", StringComparison.OrdinalIgnoreCase)
                ? Encoding.Latin1
                : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public override string ToString() => $"{Url} ({Status}, {Body.Length:N0} bytes, sha256 {Sha256[..12]})";
}
