using System.Text.Json;
using OsintResolver.Cli.Commands;
using OsintResolver.Model.Entities;
using OsintResolver.Resolution;
using OsintResolver.Resolution.Matching;
using OsintResolver.Store;
using OsintResolver.Store.Edges;
using OsintResolver.Store.Resolution;
using Spectre.Console;

namespace OsintResolver.Cli.Tests.Commands;

/// <summary>
/// The resolution verbs end to end through the real command line: import, resolve, evaluate,
/// review (driven by scripted input), resolve again, export --resolved.
/// </summary>
public class ResolutionCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new("osint-cli-resolve");

    private string DataDir => _dir.File("data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await OsintCli.RunAsync([.. args, "--data-dir", DataDir], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteFixture()
    {
        // Records written for this test: two pairs of duplicates (one across scripts) and a loner.
        var path = _dir.File("people.ftm.json");
        File.WriteAllLines(path,
        [
            """{"id": "p1", "schema": "Person", "properties": {"name": ["Mikhail Khodorkovsky"], "birthDate": ["1963-06-26"], "nationality": ["ru"]}}""",
            """{"id": "p2", "schema": "Person", "properties": {"name": ["Ходорковский Михаил Борисович"], "birthDate": ["1963-06-26"], "nationality": ["ru"]}}""",
            """{"id": "v1", "schema": "Vessel", "properties": {"name": ["Golden Star"], "imoNumber": ["IMO 9176187"]}}""",
            """{"id": "v2", "schema": "Vessel", "properties": {"name": ["GOLDEN STAR"], "imoNumber": ["9176187"], "flag": ["pa"]}}""",
            """{"id": "c1", "schema": "Company", "properties": {"name": ["Acme Widgets GmbH"], "jurisdiction": ["de"]}}""",
        ]);
        return path;
    }

    [Fact]
    public async Task ImportResolveEvaluateExport_Fixture_MergesDuplicatesWithReferents()
    {
        Assert.Equal(0, (await Run("import", WriteFixture(), "--dataset", "fixture")).Code);

        var resolve = await Run("resolve", "--json");
        var truth = _dir.File("truth.csv");
        File.WriteAllLines(truth, ["id,cluster", "p1,a", "p2,a", "v1,b", "v2,b", "c1,c"]);
        var evaluate = await Run("evaluate", "--truth", truth, "--json");
        var export = _dir.File("resolved.json");
        var exported = await Run("export", "--format", "ftm", "--resolved", "--out", export);

        Assert.Equal(0, resolve.Code);
        using var report = JsonDocument.Parse(resolve.Out);
        Assert.Equal(2, report.RootElement.GetProperty("clusters").GetInt64());
        using var metrics = JsonDocument.Parse(evaluate.Out);
        Assert.Equal(1.0, metrics.RootElement.GetProperty("pairwise").GetProperty("f1").GetDouble());
        Assert.Equal(0, exported.Code);
        var lines = File.ReadAllLines(export).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        var person = lines.Single(l => l.GetProperty("schema").GetString() == "Person");
        Assert.StartsWith("nk-", person.GetProperty("id").GetString());
        Assert.Equal(["p1", "p2"], person.GetProperty("referents").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ResolveThenIndex_Duplicates_AreIndexedOnceUnderTheCanonicalId()
    {
        Assert.Equal(0, (await Run("import", WriteFixture(), "--dataset", "fixture")).Code);
        Assert.Equal(0, (await Run("resolve")).Code);

        var index = await Run("index", "--json");
        var search = await Run("search", "Khodorkovsky", "--json");
        // Updating one dataset must not bring back the members' own documents.
        var update = await Run("index", "--dataset", "fixture", "--json");
        var again = await Run("search", "Golden Star", "--json");

        Assert.Equal(0, index.Code);
        using var indexed = JsonDocument.Parse(index.Out);
        Assert.Equal(3, indexed.RootElement.GetProperty("indexed").GetInt64()); // 5 records, 3 canonical entities
        using var found = JsonDocument.Parse(search.Out);
        var person = Assert.Single(found.RootElement.GetProperty("results").EnumerateArray());
        Assert.StartsWith("nk-", person.GetProperty("id").GetString());
        Assert.Equal(["p1", "p2"], person.GetProperty("referents").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(0, update.Code);
        using var updated = JsonDocument.Parse(update.Out);
        Assert.Equal(3, updated.RootElement.GetProperty("indexed").GetInt64());
        using var vessels = JsonDocument.Parse(again.Out);
        var vessel = Assert.Single(vessels.RootElement.GetProperty("results").EnumerateArray());
        Assert.Equal(["v1", "v2"], vessel.GetProperty("referents").EnumerateArray().Select(e => e.GetString()).Order());
    }

    [Fact]
    public async Task Evaluate_NeitherTruthNorPairs_FailsWithAMessage()
    {
        var result = await Run("evaluate");

        Assert.Equal(1, result.Code);
        Assert.Contains("--truth", result.Err);
    }

    [Fact]
    public void ReviewLoop_ScriptedKeys_JudgeSkipAndUndo()
    {
        var store = new EntityStore(new StoreOptions { DataDir = DataDir });
        var run = store.BeginRun("t", Store.Runs.RunKind.Import, Store.Runs.WriteMode.Direct);
        using (var writer = store.OpenWriter(run))
        {
            foreach (var id in new[] { "a", "b", "c", "d", "e", "f" })
            {
                writer.Write(new Entity("Person", id).Add("name", $"Ivan Petrov {id}"));
            }

            writer.Commit();
        }

        store.CompleteRun(run);
        store.Edges.UpsertModelEdges(
        [
            new ResolverEdge("a", "b", Judgement.NoJudgement, 0.5, "m", null, DateTimeOffset.UnixEpoch, "names agree (0.95)"),
            new ResolverEdge("c", "d", Judgement.NoJudgement, 0.6, "m", null, DateTimeOffset.UnixEpoch, "names agree (0.90)"),
            new ResolverEdge("e", "f", Judgement.NoJudgement, 0.7, "m", null, DateTimeOffset.UnixEpoch, "names agree (0.80)"),
        ]);
        var queue = new ReviewQueue(store, 0.2, 0.9);
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });

        // yes to a/b, skip c/d, no to e/f, undo that, then quit.
        var decisions = new ReviewLoop(queue, console, new StringReader("y\ns\nn\nz\nq\n"), "analyst").Run(int.MaxValue);

        var resolution = new ResolutionStore(store);
        Assert.Equal(2, decisions);
        Assert.Equal(resolution.CanonicalOf("a"), resolution.CanonicalOf("b"));
        Assert.Equal(Judgement.Positive, store.Edges.Get("a", "b")!.Judgement);
        Assert.Null(store.Edges.Get("e", "f")!.User);
        Assert.Contains("Ivan Petrov a", screen.ToString());
        Assert.Contains("names agree (0.95)", screen.ToString());
        Assert.Contains("undid negative on e / f", screen.ToString());
    }
}
