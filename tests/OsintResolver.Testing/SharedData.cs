using Xunit;

namespace OsintResolver.Testing;

/// <summary>
/// Locates the real public data in <c>../shared/data</c> (beside the repository) or in
/// <c>$OSINT_SHARED_DATA</c>. Tests that need it call <see cref="Require"/>, which skips the test
/// with a plain reason when the data is absent: such a test never passes silently.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "OSINT_SHARED_DATA";

    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The shared data folder, or null when it is not there.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The full path of a shared file; skips the calling test when it is missing.</summary>
    public static string Require(string relativePath)
    {
        var root = Root.Value;
        Skip.If(root is null,
            $"shared data not found: set {EnvironmentVariable} or place it at ../shared/data beside the repository (needed: {relativePath})");
        var path = Path.Combine(root!, relativePath);
        Skip.IfNot(File.Exists(path), $"shared data file missing: {path}");
        return path;
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && System.IO.Directory.Exists(env))
        {
            return env;
        }

        var repo = RepositoryRoot.Path;
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(repo, "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}

/// <summary>The repository root: the folder holding OsintResolver.sln, found from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "OsintResolver.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"OsintResolver.sln not found above {AppContext.BaseDirectory}");
    });

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}

/// <summary>A temporary data folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix ?? "osint-test"}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding the SQLite file (e.g. pooled connections) must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
