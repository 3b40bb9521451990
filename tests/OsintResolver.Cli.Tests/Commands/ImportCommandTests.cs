using System.Text.Json;
using OsintResolver.Cli.Tests.Support;

namespace OsintResolver.Cli.Tests.Commands;

public class ImportCommandTests
{
    private const string Good = """
        {"id": "p1", "schema": "Person", "properties": {"name": ["Kim Jong Un"], "nationality": ["kp"]}}
        {"id": "v1", "schema": "Vessel", "properties": {"name": ["CHON MA SAN"], "imoNumber": ["8660313"]}}
        """;

    [Fact]
    public async Task Import_ValidFile_ExitsZeroAndStatsCountIt()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("import", cli.WriteFile("good.ftm.json", Good), "--dataset", "demo");
        Assert.True(code == 0, error);

        var (statsCode, json, _) = await cli.RunAsync("stats", "--json");
        Assert.Equal(0, statsCode);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(2, doc.RootElement.GetProperty("entities").GetInt64());
        var dataset = doc.RootElement.GetProperty("datasets")[0];
        Assert.Equal("demo", dataset.GetProperty("name").GetString());
        Assert.Equal(1, dataset.GetProperty("schemata").GetProperty("Vessel").GetInt64());
    }

    [Fact]
    public async Task Import_InvalidRecordWithoutSkip_ExitsNonZeroNamingLineAndReason()
    {
        using var cli = new CliRunner();
        var path = cli.WriteFile("bad.ftm.json", Good + "\n{\"id\": \"v2\", \"schema\": \"Vessel\", \"properties\": {\"imoNumber\": [\"8660314\"]}}\n");
        var (code, _, error) = await cli.RunAsync("import", path, "--dataset", "demo");

        Assert.Equal(1, code);
        Assert.Contains("line 3 (entity v2)", error, StringComparison.Ordinal);
        Assert.Contains("IMO check digit", error, StringComparison.Ordinal);
        Assert.Contains("--skip-invalid", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidRecordWithSkip_ExitsZeroAndReportsCountInJson()
    {
        using var cli = new CliRunner();
        var path = cli.WriteFile("bad.ftm.json", "{not json}\n" + Good + "\n{\"id\": \"x\", \"schema\": \"Robot\", \"properties\": {\"name\": [\"R2\"]}}\n");
        var (code, output, _) = await cli.RunAsync("import", path, "--dataset", "demo", "--skip-invalid", "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2, doc.RootElement.GetProperty("entities").GetInt64());
        Assert.Equal(2, doc.RootElement.GetProperty("invalid").GetInt64());
        var errors = doc.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(1, errors[0].GetProperty("line").GetInt64());
        Assert.Contains("malformed JSON", errors[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown schema 'Robot'", errors[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneWithMessage()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("import", cli.File("nope.json"));
        Assert.Equal(1, code);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CsvWithoutMapping_ExplainsWhatIsNeeded()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("import", cli.WriteFile("x.csv", "a,b\n1,2\n"));
        Assert.Equal(1, code);
        Assert.Contains("--mapping", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_AfterImport_WritesFtmLinesThatReimportIdentically()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("good.ftm.json", Good), "--dataset", "demo");
        var exported = cli.File("out.ftm.json");
        var (code, _, _) = await cli.RunAsync("export", "--format", "ftm", "--out", exported);
        Assert.Equal(0, code);

        var lines = File.ReadAllLines(exported);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("p1", first.RootElement.GetProperty("id").GetString());
        Assert.Equal("kp", first.RootElement.GetProperty("properties").GetProperty("nationality")[0].GetString());
        Assert.Equal("demo", first.RootElement.GetProperty("datasets")[0].GetString());
    }

    [Fact]
    public async Task Export_CsvFormat_WritesOneRowPerStatementWithProvenance()
    {
        using var cli = new CliRunner();
        await cli.RunAsync("import", cli.WriteFile("good.ftm.json", Good), "--dataset", "demo");
        var path = cli.File("out.csv");
        var (code, _, _) = await cli.RunAsync("export", "--format", "csv", "--out", path, "--schema", "Vessel");
        Assert.Equal(0, code);
        var rows = File.ReadAllLines(path);
        Assert.StartsWith("entity_id,schema,prop,value", rows[0], StringComparison.Ordinal);
        Assert.Equal(3, rows.Length);
        Assert.All(rows.Skip(1), r => Assert.StartsWith("v1,Vessel,", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_UnknownSchemaFilter_ExitsOne()
    {
        using var cli = new CliRunner();
        var (code, _, error) = await cli.RunAsync("export", "--schema", "Spaceship");
        Assert.Equal(1, code);
        Assert.Contains("unknown schema", error, StringComparison.Ordinal);
    }
}
