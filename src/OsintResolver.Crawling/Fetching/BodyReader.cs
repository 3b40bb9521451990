using System.Buffers;
using System.IO.Compression;

namespace OsintResolver.Crawling.Fetching;

/// <summary>
/// Reads a response body with a size cap, decoding Content-Encoding itself so decompression is
/// bounded: the decoded size may exceed neither the cap nor the compressed size times the
/// allowed ratio (a 1 KB gzip that inflates to 10 GB stops at the bound).
/// </summary>
internal static class BodyReader
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, int maxRatio, CancellationToken ct)
    {
        var encodings = content.Headers.ContentEncoding.Select(e => e.Trim().ToLowerInvariant())
            .Where(e => e is not ("identity" or "")).ToList();
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new ResponseTooLargeException($"body of {length:N0} bytes is over the {maxBytes:N0}-byte cap");
        }

        var raw = new CountingStream(await content.ReadAsStreamAsync(ct).ConfigureAwait(false), maxBytes);
        Stream stream = raw;
        for (var i = encodings.Count - 1; i >= 0; i--)
        {
            stream = encodings[i] switch
            {
                "gzip" or "x-gzip" => new GZipStream(stream, CompressionMode.Decompress),
                "deflate" => new ZLibStream(stream, CompressionMode.Decompress),
                "br" => new BrotliStream(stream, CompressionMode.Decompress),
                var other => throw new ResponseTooLargeException($"unsupported content encoding '{other}'"),
            };
        }

        await using (stream.ConfigureAwait(false))
        {
            return await ReadBoundedAsync(stream, maxBytes, encodings.Count > 0 ? raw : null, maxRatio, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a stream to its end, refusing more than <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadBoundedAsync(Stream stream, long maxBytes, CountingStream? compressed, int maxRatio, CancellationToken ct)
    {
        var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new ResponseTooLargeException($"body is over the {maxBytes:N0}-byte cap" + (compressed is null ? "" : " after decompression"));
                }

                if (compressed is not null && output.Length + read > Math.Max(64 * 1024, compressed.BytesRead * (long)maxRatio))
                {
                    throw new ResponseTooLargeException(
                        $"decompressed body exceeds {maxRatio}× its compressed size ({compressed.BytesRead:N0} bytes read); refusing a possible decompression bomb");
                }

                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return output.ToArray();
    }
}

/// <summary>A read-only pass-through that counts bytes and stops past a cap.</summary>
internal sealed class CountingStream(Stream inner, long maxBytes) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Count(await inner.ReadAsync(buffer, ct).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Count(int n)
    {
        BytesRead += n;
        if (BytesRead > maxBytes)
        {
            throw new ResponseTooLargeException($"body is over the {maxBytes:N0}-byte cap");
        }

        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
