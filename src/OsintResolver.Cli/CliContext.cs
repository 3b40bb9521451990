using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using OsintResolver.Model.Errors;
using OsintResolver.Store;
using Spectre.Console;

namespace OsintResolver.Cli;

/// <summary>
/// What a command action needs: the parsed options, the store, and output that is either
/// human (Spectre tables, progress on stderr) or JSON on stdout.
/// </summary>
internal sealed class CliContext
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private EntityStore? _store;

    public CliContext(ParseResult parse)
    {
        Parse = parse;
        Output = parse.InvocationConfiguration.Output;
        Error = parse.InvocationConfiguration.Error;
        Json = parse.GetValue(CliOptions.Json);
        DataDir = DataDirectory.Resolve(parse.GetValue(CliOptions.DataDir));
        Console = AnsiConsole.Create(Settings(Output, System.Console.IsOutputRedirected || Output != System.Console.Out));
        ErrorConsole = AnsiConsole.Create(Settings(Error, System.Console.IsErrorRedirected || Error != System.Console.Error));
    }

    private static AnsiConsoleSettings Settings(TextWriter writer, bool redirected) => new()
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
    };

    public ParseResult Parse { get; }
    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public bool Json { get; }
    public string DataDir { get; }

    /// <summary>Human output (stdout).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress and diagnostics (stderr), so stdout stays clean for data.</summary>
    public IAnsiConsole ErrorConsole { get; }

    /// <summary>Whether to draw live progress bars: a terminal, and not --json.</summary>
    public bool Interactive => !Json && ErrorConsole.Profile.Capabilities.Interactive && !System.Console.IsErrorRedirected;

    public EntityStore Store => _store ??= new EntityStore(new StoreOptions { DataDir = DataDir });

    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    public void Warn(string message) => Error.WriteLine($"warning: {message}");

    /// <summary>
    /// Runs a command body, turning product errors into a clear message and exit code 1. Other
    /// exceptions are bugs: they propagate with their stack trace.
    /// </summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Action(Func<CliContext, CancellationToken, Task<int>> body) =>
        async (parse, ct) =>
        {
            var ctx = new CliContext(parse);
            try
            {
                return await body(ctx, ct).ConfigureAwait(false);
            }
            catch (OsintException ex)
            {
                if (ctx.Json)
                {
                    ctx.WriteJson(new { error = ex.Kind, message = ex.Message });
                }
                else
                {
                    ctx.Error.WriteLine($"error: {ex.Message}");
                }

                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Missing files, full disks and permissions are the user's to fix, not bugs.
                ctx.Error.WriteLine($"error: {ex.Message}");
                return 1;
            }
            catch (OperationCanceledException)
            {
                ctx.Error.WriteLine("cancelled");
                return 130;
            }
        };
}
