using System.IO.Compression;
using System.Security.Cryptography;
using OsintResolver.Crawling.Fetching;

namespace OsintResolver.Crawling.Archive;

/// <summary>
/// Content-addressed archive of response bodies under <c>&lt;data&gt;/archive/ab/&lt;sha256&gt;.gz</c>.
/// A body is stored once however often it is fetched; the request and response metadata live in
/// the store's <c>crawl_responses</c> table, keyed by the same sha256. Files are written to a
/// temporary name and renamed, so a crash never leaves a partial body under its final name.
/// </summary>
public sealed class ContentArchive
{
    public ContentArchive(string dataDir)
    {
        Root = Path.Combine(dataDir, "archive");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256 + ".gz");

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Stores a body (if not already stored) and returns its sha256.</summary>
    public string Put(ReadOnlySpan<byte> body)
    {
        var sha = Hash(body);
        var path = PathOf(sha);
        if (File.Exists(path))
        {
            return sha;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(body);
        }

        File.Move(temp, path, overwrite: true);
        return sha;
    }

    /// <summary>
    /// Reads a body back, verifying its hash; null when it is missing or damaged (the caller
    /// then fetches it again instead of trusting a bad copy).
    /// </summary>
    public byte[]? TryGet(string sha256, long maxBytes)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            var body = BodyReader.ReadBoundedAsync(gzip, maxBytes, null, 0, CancellationToken.None).GetAwaiter().GetResult();
            return Hash(body) == sha256 ? body : null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return null;
        }
    }
}
