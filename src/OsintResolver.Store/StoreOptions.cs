using System.ComponentModel.DataAnnotations;

namespace OsintResolver.Store;

/// <summary>Where the embedded store lives and how it is tuned. Validated at startup.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>The data folder: the SQLite file, the crawl archive and the Lucene index live under it.</summary>
    [Required]
    public string DataDir { get; set; } = DataDirectory.Resolve(null);

    /// <summary>SQLite page cache per connection, in MiB.</summary>
    [Range(2, 4096)]
    public int CacheSizeMb { get; set; } = 64;

    /// <summary>Page cache of bulk-writing connections, in MiB: random-key upserts need room.</summary>
    [Range(2, 4096)]
    public int WriterCacheSizeMb { get; set; } = 256;

    /// <summary>Entities per write transaction.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;
}

/// <summary>Resolves the data folder: <c>--data-dir</c>, else <c>OSINT_DATA_DIR</c>, else <c>./data</c>.</summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "OSINT_DATA_DIR";

    public static string Resolve(string? commandLine)
    {
        var dir = !string.IsNullOrWhiteSpace(commandLine) ? commandLine
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env
            : "data";
        return Path.GetFullPath(dir);
    }
}
