using OsintResolver.Model.Entities;
using OsintResolver.Model.Ftm;

namespace OsintResolver.Index.Tests.Support;

/// <summary>The entities every backend is tested on: names in Han, Cyrillic and Latin script, identifiers, topics.</summary>
public static class ContractEntities
{
    public static IReadOnlyList<Entity> Load()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "contract.ftm.json"));
        var records = new FtmJsonReader().Read(file).ToList();
        Assert.All(records, r => Assert.Null(r.Error));
        return records.Select(r => r.Entity!).ToList();
    }
}
