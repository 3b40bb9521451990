using System.Text;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Ftm;
using OsintResolver.Store.Runs;
using OsintResolver.Store.Tests.Support;

namespace OsintResolver.Store.Tests.Import;

public class EntityImporterTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);

    private static Dictionary<string, (string Schema, Dictionary<string, HashSet<string>> Props)> ReadFtm(string path)
    {
        using var stream = File.OpenRead(path);
        return new FtmJsonReader().Read(stream).Select(r => r.Entity ?? throw new InvalidOperationException(r.Error!.ToString()))
            .ToDictionary(e => e.Id, e => (e.Schema.Name, e.PropertyNames.ToDictionary(p => p, p => e.Get(p).ToHashSet())));
    }

    [Fact]
    public async Task ImportThenExport_FtmFile_RoundTripsEverySchemaPropertyAndValue()
    {
        using var f = new StoreFixture();
        var result = await f.ImportAsync(Fixture("roundtrip.ftm.json"), "demo");
        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(13, result.Entities);

        var exported = f.WriteFile("export.ftm.json", "");
        using (var stream = File.Create(exported))
        using (var writer = new FtmJsonWriter(stream))
        {
            foreach (var e in f.Store.ReadEntities())
            {
                writer.Write(e);
            }
        }

        var original = ReadFtm(Fixture("roundtrip.ftm.json"));
        var roundTripped = ReadFtm(exported);
        Assert.Equal(original.Keys.Order(), roundTripped.Keys.Order());
        foreach (var (id, (schema, props)) in original)
        {
            Assert.Equal(schema, roundTripped[id].Schema);
            Assert.Equal(props.Keys.Order(), roundTripped[id].Props.Keys.Order());
            foreach (var (prop, values) in props)
            {
                Assert.True(values.SetEquals(roundTripped[id].Props[prop]), $"{id}.{prop}: {string.Join("|", values)} vs {string.Join("|", roundTripped[id].Props[prop])}");
            }
        }
    }

    [Fact]
    public async Task Import_SameFileTwice_AddsNoRowsAndBumpsLastSeen()
    {
        using var f = new StoreFixture();
        var first = await f.ImportAsync(Fixture("roundtrip.ftm.json"));
        var statements = f.Store.GetStats().Statements;
        f.Time.Advance(TimeSpan.FromDays(1));
        var second = await f.ImportAsync(Fixture("roundtrip.ftm.json"));

        Assert.Equal(statements, f.Store.GetStats().Statements);
        Assert.Equal(first.Statements, second.Statements);
        var vessel = f.Store.GetEntity("demo-kp-vessel-1")!;
        Assert.Equal(first.Run.StartedAt, vessel.FirstSeen);
        Assert.Equal(second.Run.StartedAt, vessel.LastSeen);
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]", "malformed JSON" },
        { "{\"id\": \"x1\", \"schema\": \"Spaceship\", \"properties\": {\"name\": [\"A\"]}}", "unknown schema 'Spaceship'" },
        { "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": {\"wingspan\": [\"3m\"]}}", "schema 'Person' has no property 'wingspan'" },
        { "{\"id\": \"x1\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"A\"], \"imoNumber\": [\"9176188\"]}}", "IMO check digit" },
        { "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"], \"birthDate\": [\"1957-02-30\"]}}", "day 30 does not exist" },
        { "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": {\"name\": [42, {\"a\": 1}]}}", "StartObject where a string belongs" },
        { "{\"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}", "no 'id'" },
        { "{\"id\": \"x 1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}", "not an entity id" },
        { "[1, 2, 3]", "one JSON object" },
        { "{\"id\": \"x1\", \"schema\": \"Person\", \"properties\": {\"sanctions\": [\"s1\"]}}", "reverse of Sanction:entity" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Import_BadRecord_FailsNamingLineAndReasonAndKeepsEarlierData(string badLine, string reason)
    {
        using var f = new StoreFixture();
        var good = "{\"id\": \"g1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Good One\"]}}";
        var earlier = await f.ImportAsync(f.WriteFile("earlier.json", good.Replace("g1", "old1", StringComparison.Ordinal) + "\n"), "earlier");
        Assert.True(earlier.Succeeded);

        var path = f.WriteFile("bad.json", $"{good}\n\n{badLine}\n{good.Replace("g1", "g2", StringComparison.Ordinal)}\n");
        var result = await f.ImportAsync(path, "bad");

        Assert.False(result.Succeeded);
        Assert.Equal(RunState.Failed, result.Run.State);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Run.Error, StringComparison.Ordinal);
        Assert.Null(f.Store.GetEntity("x1"));
        Assert.NotNull(f.Store.GetEntity("g1"));
        Assert.Null(f.Store.GetEntity("g2"));
        Assert.Equal(["Good One"], f.Store.GetEntity("old1")!.Get("name"));
    }

    [Fact]
    public async Task Import_SkipInvalid_CountsAndReportsEveryBadRecordAndStoresTheRest()
    {
        using var f = new StoreFixture();
        var lines = new StringBuilder();
        lines.AppendLine("{\"id\": \"ok1\", \"schema\": \"Company\", \"properties\": {\"name\": [\"One\"]}}");
        foreach (var (bad, _) in BadLines.Select(r => ((string)r[0], (string)r[1])))
        {
            lines.AppendLine(bad);
        }

        lines.AppendLine("{\"id\": \"ok2\", \"schema\": \"Company\", \"properties\": {\"name\": [\"Two\"]}}");
        var result = await f.ImportAsync(f.WriteFile("mixed.json", lines.ToString()), skipInvalid: true);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Entities);
        Assert.Equal(BadLines.Count, result.Invalid);
        Assert.Equal(Enumerable.Range(2, BadLines.Count).Select(i => (long)i), result.Errors.Select(e => e.Line));
        Assert.Contains("\"invalid\":" + BadLines.Count, result.Run.StatsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidUtf8_NamesTheLineAndColumn()
    {
        using var f = new StoreFixture();
        var bytes = Encoding.UTF8.GetBytes("{\"id\": \"a1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}\n{\"id\": \"a2\", \"schema\": \"Person\", \"properties\": {\"name\": [\"B")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"]}}\n")).ToArray();
        var result = await f.ImportAsync(f.WriteBytes("utf8.json", bytes), skipInvalid: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(2, error.Line);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Contains("column 60", error.Reason, StringComparison.Ordinal);
        Assert.NotNull(f.Store.GetEntity("a1"));
        Assert.Null(f.Store.GetEntity("a2"));
    }

    [Fact]
    public async Task Import_OverLongLine_IsRejectedAndReadingResumesAfterIt()
    {
        using var f = new StoreFixture();
        var longName = new string('x', 5000);
        var content = "{\"id\": \"a1\", \"schema\": \"Person\", \"properties\": {\"name\": [\"" + longName + "\"]}}\n" +
                      "{\"id\": \"a2\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Short\"]}}\n";
        var path = f.WriteFile("long.json", content);
        var result = await new EntityImporterFacade(f).ImportAsync(path, maxLineBytes: 1024);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("longer than the 1,024-byte limit", error.Reason, StringComparison.Ordinal);
        Assert.NotNull(f.Store.GetEntity("a2"));
    }

    [Fact]
    public async Task Import_EntityWithoutValues_IsRejected()
    {
        using var f = new StoreFixture();
        var result = await f.ImportAsync(f.WriteFile("empty.json", "{\"id\": \"e1\", \"schema\": \"Person\", \"properties\": {}}\n"));
        Assert.False(result.Succeeded);
        Assert.Contains("no property values", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_CsvWithMapping_MakesEntitiesWithStableIds()
    {
        using var f = new StoreFixture();
        var csv = f.WriteFile("people.csv", "rec_id, given_name, surname, date_of_birth, country\nr1, ann, lee, 19570815, North Korea\nr2, bo, kim, 19570230, kp\n");
        var mapping = f.WriteFile("people.yml", """
            dataset: people
            invalid_values: reject
            entities:
              person:
                schema: Person
                keys: [rec_id]
                properties:
                  name: { template: "{given_name} {surname}" }
                  birthDate: { column: date_of_birth, date_format: ["yyyyMMdd"] }
                  nationality: { column: country }
            """);
        var result = await f.ImportAsync(csv, "people", skipInvalid: true, mapping: mapping);

        Assert.Equal(1, result.Entities);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("birthDate", error.Reason, StringComparison.Ordinal);
        var id = EntityIds.Make("people", "person", "r1");
        var person = f.Store.GetEntity(id)!;
        Assert.Equal(["ann lee"], person.Get("name"));
        Assert.Equal(["1957-08-15"], person.Get("birthDate"));
        Assert.Equal(["kp"], person.Get("nationality"));
    }

    [SkippableFact]
    public async Task Import_FebrlDataset2WithMapping_ImportsEveryRecord()
    {
        var csv = SharedData.Require("er_benchmarks/febrl/febrl_dataset2.csv");
        using var f = new StoreFixture();
        var result = await f.ImportAsync(csv, "febrl", mapping: RepositoryRoot.Combine("docs", "mappings", "febrl.yml"));

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(5000, result.Entities);
        Assert.Equal(0, result.Invalid);
        Assert.True(result.Warnings > 0, "FEBRL's corrupted dates are reported as warnings");
        var person = f.Store.GetEntity("febrl-rec-2778-org")!;
        Assert.Equal(["sarah bruhn"], person.Get("name"));
        Assert.Equal(["1930-02-13"], person.Get("birthDate"));
    }

    [SkippableFact]
    public async Task Import_SplinkFake1000WithMapping_ImportsEveryRecord()
    {
        var csv = SharedData.Require("er_benchmarks/splink/fake_1000.csv");
        using var f = new StoreFixture();
        var result = await f.ImportAsync(csv, "splink", mapping: RepositoryRoot.Combine("docs", "mappings", "splink_fake_1000.yml"));

        Assert.True(result.Succeeded, result.Run.Error);
        Assert.Equal(1000, result.Entities);
        Assert.Equal(["Robert Alan"], f.Store.GetEntity("splink-0")!.Get("name"));
    }

    private sealed class EntityImporterFacade(StoreFixture f)
    {
        public Task<Store.Import.ImportResult> ImportAsync(string path, int maxLineBytes) =>
            new Store.Import.EntityImporter(f.Store).ImportAsync(new Store.Import.ImportRequest
            {
                Path = path, Dataset = "test", SkipInvalid = true, MaxLineBytes = maxLineBytes,
            });
    }
}
