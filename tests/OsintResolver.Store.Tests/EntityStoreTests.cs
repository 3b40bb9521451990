using Microsoft.Data.Sqlite;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;
using OsintResolver.Store.Runs;
using OsintResolver.Store.Tests.Support;

namespace OsintResolver.Store.Tests;

public class EntityStoreTests
{
    [Fact]
    public void Open_NewFolder_UsesWalAndAppliesEveryMigrationOnce()
    {
        using var f = new StoreFixture();
        using var c = f.Store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
        cmd.CommandText = "SELECT count(*) FROM schema_migrations";
        var applied = (long)cmd.ExecuteScalar()!;
        Assert.Equal(Migrations.All.Count, applied);

        // Opening the same folder again applies nothing new and keeps the data.
        var again = new EntityStore(new StoreOptions { DataDir = f.Dir });
        using var c2 = again.OpenConnection();
        using var cmd2 = c2.CreateCommand();
        cmd2.CommandText = "SELECT count(*) FROM schema_migrations";
        Assert.Equal(applied, (long)cmd2.ExecuteScalar()!);
    }

    [Fact]
    public void Write_SameEntityTwice_AddsNoRowsAndBumpsLastSeen()
    {
        using var f = new StoreFixture();
        var person = StoreFixture.Person("p1", ("name", "Kim Jong Un"), ("birthDate", "1984-01-08"));
        var first = f.WriteRun("ds", WriteMode.Direct, person);
        f.Store.CompleteRun(first);
        var before = f.Store.GetStatements("p1");

        f.Time.Advance(TimeSpan.FromDays(1));
        var second = f.WriteRun("ds", WriteMode.Direct, person);
        f.Store.CompleteRun(second);
        var after = f.Store.GetStatements("p1");

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(2, f.Store.GetStats().Statements);
        Assert.All(after, s => Assert.Equal(first.StartedAt, s.FirstSeen));
        Assert.All(after, s => Assert.Equal(second.StartedAt, s.LastSeen));
        Assert.All(after, s => Assert.Equal(second.Id, s.CrawlRun));
    }

    [Fact]
    public void CompleteRun_ValueDisappears_KeepsItAsHistoryButNotCurrent()
    {
        using var f = new StoreFixture();
        var run1 = f.WriteRun("ds", WriteMode.Direct,
            StoreFixture.Person("p1", ("name", "Ri Su Yong"), ("alias", "Ri Chol")));
        f.Store.CompleteRun(run1);
        f.Time.Advance(TimeSpan.FromHours(1));
        var run2 = f.WriteRun("ds", WriteMode.Direct, StoreFixture.Person("p1", ("name", "Ri Su Yong")));
        f.Store.CompleteRun(run2);

        var current = f.Store.GetEntity("p1")!;
        Assert.Equal(["Ri Su Yong"], current.Get("name"));
        Assert.Empty(current.Get("alias"));

        var history = f.Store.GetStatements("p1", includeHistory: true);
        var alias = Assert.Single(history, s => s.Prop == "alias");
        Assert.False(alias.Current);
        Assert.Equal(run1.StartedAt, alias.LastSeen);
        Assert.Contains("Ri Chol", f.Store.GetEntity("p1", new ReadOptions { IncludeHistory = true })!.Get("alias"));
    }

    [Fact]
    public void FailRun_StagedRun_DiscardsItsStatementsAndKeepsLastGoodData()
    {
        using var f = new StoreFixture();
        var good = f.WriteRun("un", WriteMode.Staged, StoreFixture.Person("p1", ("name", "Good Name")));
        f.Store.CompleteRun(good);
        f.Time.Advance(TimeSpan.FromHours(1));

        var bad = f.WriteRun("un", WriteMode.Staged, StoreFixture.Person("p1", ("name", "Broken Name")), StoreFixture.Person("p2", ("name", "New")));
        Assert.Equal(["Good Name"], f.Store.GetEntity("p1")!.Get("name"));
        var failed = f.Store.FailRun(bad, "assertion failed: Person count 2 < min 100");

        Assert.Equal(RunState.Failed, failed.State);
        Assert.Contains("assertion", failed.Error, StringComparison.Ordinal);
        Assert.Equal(["Good Name"], f.Store.GetEntity("p1")!.Get("name"));
        Assert.Null(f.Store.GetEntity("p2"));
        using var c = f.Store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM staged_statements";
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void CompleteRun_StagedRun_PromotesStatementsWithProvenance()
    {
        using var f = new StoreFixture();
        var run = f.WriteRun("un", WriteMode.Staged, StoreFixture.Person("p1", ("name", "Staged")));
        Assert.Null(f.Store.GetEntity("p1"));

        f.Store.CompleteRun(run);
        var entity = f.Store.GetEntity("p1", new ReadOptions { WithStatements = true })!;
        var statement = Assert.Single(entity.Statements!);
        Assert.Equal("https://example.org/list.xml", statement.SourceUrl);
        Assert.Equal("un", statement.Dataset);
        Assert.Equal(run.Id, statement.CrawlRun);
        Assert.Equal(run.StartedAt, statement.FirstSeen);
    }

    [Fact]
    public void CompleteRun_AlreadyFinished_ThrowsConflict()
    {
        using var f = new StoreFixture();
        var run = f.WriteRun("ds", WriteMode.Direct, StoreFixture.Person("p1", ("name", "A")));
        f.Store.CompleteRun(run);
        Assert.Throws<ConflictException>(() => f.Store.CompleteRun(run));
        Assert.Throws<ConflictException>(() => f.Store.OpenWriter(f.Store.GetRun(run.Id)!));
    }

    [Fact]
    public void GetEntity_SameIdInTwoDatasets_MergesValuesAndNarrowsSchema()
    {
        using var f = new StoreFixture();
        var legal = new Entity("LegalEntity", "x1").Add("name", "Korea Mining Development Trading Corporation");
        var company = new Entity("Company", "x1").Add("name", "KOMID").Add("jurisdiction", "kp");
        f.Store.CompleteRun(f.WriteRun("a", WriteMode.Direct, legal));
        f.Store.CompleteRun(f.WriteRun("b", WriteMode.Direct, company));

        var merged = f.Store.GetEntity("x1")!;
        Assert.Equal("Company", merged.Schema.Name);
        Assert.Equal(2, merged.Get("name").Count());
        Assert.Equal(["a", "b"], merged.Datasets);
        var onlyA = f.Store.GetEntity("x1", new ReadOptions { Datasets = ["a"] })!;
        Assert.Equal("LegalEntity", onlyA.Schema.Name);
    }

    [Fact]
    public void ReadEntities_FilterBySchemaAndDataset_StreamsInIdOrder()
    {
        using var f = new StoreFixture();
        f.Store.CompleteRun(f.WriteRun("a", WriteMode.Direct,
            StoreFixture.Person("p2", ("name", "B")), StoreFixture.Person("p1", ("name", "A")),
            new Entity("Vessel", "v1").Add("name", "CHON MA SAN").Add("imoNumber", "8660313")));
        f.Store.CompleteRun(f.WriteRun("b", WriteMode.Direct, StoreFixture.Person("p3", ("name", "C"))));

        Assert.Equal(["p1", "p2", "p3", "v1"], f.Store.ReadEntities().Select(e => e.Id));
        Assert.Equal(["p1", "p2", "p3"], f.Store.ReadEntities(new ReadOptions { Schemata = ["LegalEntity"] }).Select(e => e.Id));
        Assert.Equal(["p1", "p2", "v1"], f.Store.ReadEntities(new ReadOptions { Datasets = ["a"] }).Select(e => e.Id));
    }

    [Fact]
    public void GetReferrers_SanctionAndOwnership_PointAtTheirEntities()
    {
        using var f = new StoreFixture();
        var company = new Entity("Company", "c1").Add("name", "Dandong Hongxiang");
        var owner = StoreFixture.Person("p1", ("name", "Ma Xiaohong"));
        var ownership = new Entity("Ownership", "o1").Add("owner", "p1").Add("asset", "c1").Add("percentage", "51");
        var sanction = new Entity("Sanction", "s1").Add("entity", "c1").Add("authority", "OFAC");
        f.Store.CompleteRun(f.WriteRun("a", WriteMode.Direct, company, owner, ownership, sanction));

        var refs = f.Store.GetReferrers("c1").OrderBy(r => r.SourceId).ToList();
        Assert.Equal([("o1", "asset"), ("s1", "entity")], refs);
        Assert.Equal([("o1", "owner")], f.Store.GetReferrers("p1"));
    }

    [Fact]
    public void GetStats_CountsCurrentEntitiesByDatasetAndSchema()
    {
        using var f = new StoreFixture();
        f.Store.CompleteRun(f.WriteRun("a", WriteMode.Direct, StoreFixture.Person("p1", ("name", "A")), StoreFixture.Person("p2", ("name", "B"))));
        f.Time.Advance(TimeSpan.FromMinutes(5));
        f.Store.CompleteRun(f.WriteRun("a", WriteMode.Direct, StoreFixture.Person("p1", ("name", "A"))));

        var stats = f.Store.GetStats();
        Assert.Equal([("a", "Person", 1L)], stats.Entities);
        Assert.Equal(2, stats.Statements);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad name")]
    [InlineData("drop;table")]
    public void BeginRun_InvalidDatasetName_Throws(string name)
    {
        using var f = new StoreFixture();
        Assert.Throws<InvalidInputException>(() => f.Store.BeginRun(name, RunKind.Import, WriteMode.Direct));
    }

    [Fact]
    public void FindUnfinishedRun_AfterCrash_ReturnsTheRunningRun()
    {
        using var f = new StoreFixture();
        var run = f.Store.BeginRun("un", RunKind.Crawl, WriteMode.Staged);
        var reopened = new EntityStore(new StoreOptions { DataDir = f.Dir });
        Assert.Equal(run.Id, reopened.FindUnfinishedRun("un", RunKind.Crawl)!.Id);
        Assert.Null(reopened.FindUnfinishedRun("un", RunKind.Import));
    }

    [Fact]
    public void Statements_RowKey_IsEntityThenStatementId()
    {
        using var f = new StoreFixture();
        f.WriteRun("a", WriteMode.Direct, StoreFixture.Person("p1", ("name", "A")));
        using var c = f.Store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO statements (entity_id, id, schema, prop, value, dataset, first_seen, last_seen) SELECT entity_id, id, schema, prop, value, dataset, 0, 0 FROM statements";
        Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery());
    }
}
