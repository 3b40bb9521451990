namespace OsintResolver.Cli.Tests.Support;

/// <summary>Runs the real <c>osint</c> command tree in-process against a temporary data folder.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly TempDirectory _dir = new("osint-cli");

    public string DataDir => Path.Combine(_dir.Path, "data");

    public string WriteFile(string name, string content)
    {
        var path = _dir.File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string File(string name) => _dir.File(name);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OsintCli.RunAsync([.. args, "--data-dir", DataDir], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
