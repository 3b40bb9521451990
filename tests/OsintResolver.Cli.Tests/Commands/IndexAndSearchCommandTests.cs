using System.Text.Json;

namespace OsintResolver.Cli.Tests.Commands;

public sealed class IndexAndSearchCommandTests
{
    private const string Entities = """
        {"id":"hx-cn","schema":"Company","properties":{"name":["丹东鸿祥实业发展有限公司"],"topics":["sanction"]}}
        {"id":"co-golden","schema":"Company","properties":{"name":["Golden Star Trading LLC"],"jurisdiction":["ae"]}}
        {"id":"person-ma","schema":"Person","properties":{"name":["Ma Xiaohong"],"topics":["sanction"]}}
        """;

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await OsintCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task IndexThenSearch_FromTheStore_FindsHanNameByRomanisation()
    {
        using var dir = new TempDirectory();
        var file = dir.File("entities.ftm.json");
        await File.WriteAllTextAsync(file, Entities);
        var data = dir.File("data");
        Assert.Equal(0, (await Run("import", file, "--dataset", "test", "--data-dir", data, "--json")).Exit);

        var (indexExit, indexOut, _) = await Run("index", "--data-dir", data, "--json");
        Assert.Equal(0, indexExit);
        using var indexed = JsonDocument.Parse(indexOut);
        Assert.Equal(3, indexed.RootElement.GetProperty("indexed").GetInt64());
        Assert.Equal("lucene", indexed.RootElement.GetProperty("backend").GetString());
        Assert.True(Directory.Exists(Path.Combine(data, "index", "v1")));

        var (searchExit, searchOut, _) = await Run("search", "Dandong Hongxiang", "--topic", "sanction", "--data-dir", data, "--json");
        Assert.Equal(0, searchExit);
        using var found = JsonDocument.Parse(searchOut);
        Assert.Equal("hx-cn", found.RootElement.GetProperty("results")[0].GetProperty("id").GetString());
        Assert.Equal(1, found.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_DangerousQuery_FailsWithClearMessage()
    {
        using var dir = new TempDirectory();
        var file = dir.File("entities.ftm.json");
        await File.WriteAllTextAsync(file, Entities);
        var data = dir.File("data");
        await Run("import", file, "--dataset", "test", "--data-dir", data);
        await Run("index", "--data-dir", data);

        var (exit, _, error) = await Run("search", "go*", "--data-dir", data);

        Assert.Equal(1, exit);
        Assert.Contains("prefix needs at least 3 letters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BeforeIndex_TellsToRunOsintIndex()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = await Run("search", "golden", "--data-dir", dir.File("data"));

        Assert.Equal(1, exit);
        Assert.Contains("osint index", error, StringComparison.Ordinal);
    }
}
