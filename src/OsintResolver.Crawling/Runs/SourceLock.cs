using OsintResolver.Model.Errors;

namespace OsintResolver.Crawling.Runs;

/// <summary>
/// An exclusive lock per source under <c>&lt;data&gt;/locks/</c>, so one source is never crawled
/// twice at once, across processes too. The operating system releases it when the holder dies
/// (even by kill -9), so a crashed run never blocks the next one.
/// </summary>
internal sealed class SourceLock : IDisposable
{
    private readonly FileStream _file;

    private SourceLock(FileStream file) => _file = file;

    public static SourceLock Acquire(string dataDir, string source)
    {
        var dir = Path.Combine(dataDir, "locks");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, source + ".lock");
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            return new SourceLock(file);
        }
        catch (IOException)
        {
            throw new ConflictException($"source {source} is already being crawled (lock {path} is held)");
        }
    }

    public void Dispose() => _file.Dispose();
}
