using System.Buffers;
using System.Text.Unicode;

namespace OsintResolver.Model.Ftm;

/// <summary>
/// Reads newline-delimited records from a stream as UTF-8 byte spans, in constant memory. Lines
/// longer than the cap and lines that are not valid UTF-8 are reported, not returned, and reading
/// resumes at the next line, so one bad record never hides the ones after it.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(maxLineBytes + 1, 4096), 1 << 20));
    }

    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far, for progress.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The next line without its terminator. Returns false at the end of the stream. When the
    /// line is bad, <paramref name="error"/> says why and <paramref name="line"/> is empty.
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out string? error)
    {
        line = default;
        error = null;
        var skipping = false;
        long skipped = 0;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = newline;
                var consumed = newline + 1;
                var begin = _start;
                _start += consumed;
                Position += consumed;
                if (skipping || length > _maxLineBytes)
                {
                    LineNumber++;
                    error = $"line is longer than the {_maxLineBytes:N0}-byte limit ({skipped + length:N0} bytes)";
                    return true;
                }

                return Accept(begin, length, out line, out error);
            }

            if (skipping || _end - _start > _maxLineBytes)
            {
                // Over-long: drop what we have and keep reading until the newline.
                skipped += _end - _start;
                Position += _end - _start;
                _start = _end = 0;
                skipping = true;
            }

            if (_eof)
            {
                if (skipping)
                {
                    LineNumber++;
                    error = $"line is longer than the {_maxLineBytes:N0}-byte limit ({skipped:N0}+ bytes)";
                    return true;
                }

                if (_end == _start)
                {
                    return false;
                }

                var begin = _start;
                var length = _end - _start;
                if (length > _maxLineBytes)
                {
                    Position += length;
                    _start = _end;
                    LineNumber++;
                    error = $"line is longer than the {_maxLineBytes:N0}-byte limit ({length:N0} bytes)";
                    return true;
                }

                Position += length;
                _start = _end;
                return Accept(begin, length, out line, out error);
            }

            Fill();
        }
    }

    private bool Accept(int begin, int length, out ReadOnlyMemory<byte> line, out string? error)
    {
        LineNumber++;
        if (length > 0 && _buffer[begin + length - 1] == '\r')
        {
            length--;
        }

        line = _buffer.AsMemory(begin, length);
        if (!Utf8.IsValid(line.Span))
        {
            var valid = ValidPrefix(line.Span);
            line = default;
            error = $"line is not valid UTF-8 (bad byte at column {valid + 1})";
            return true;
        }

        if (LineNumber == 1 && line.Span.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        error = null;
        return true;
    }

    private static int ValidPrefix(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return i;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
