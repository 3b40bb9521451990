using OsintResolver.Resolution.Tests.Support;
using OsintResolver.Resolution.Training;

namespace OsintResolver.Resolution.Tests.Training;

public class TrainingDataTests
{
    [Fact]
    public void OfacAliasGroups_CsvFixture_GivesOneClusterPerEntryWithFacts()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("sdn.csv"), """
            100,"PETROV, Ivan",individual,UKRAINE-EO13660,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Jan 1960; nationality Russia; Passport 7301234567 (Russia)."
            200,GOLDEN STAR SHIPPING CO. LTD.,-0- ,DPRK,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- 
            300,OCEAN PEARL,vessel,DPRK,-0- ,-0- ,Bulk Carrier,-0- ,-0- ,Korea North,-0- ,"Vessel Registration Identification IMO 9176187."
            """);
        File.WriteAllText(dir.File("alt.csv"), """
            100,1,aka,"PETROV, Ivan Sergeevich",-0- 
            200,2,aka,GOLDEN STAR SHIPPING COMPANY LIMITED,-0- 
            200,3,fka,KUMSONG SHIPPING,-0- 
            """);
        File.WriteAllText(dir.File("add.csv"), """
            200,10,"Sungri Street","Pyongyang","Korea, North",-0- 
            """);

        var records = OfacAliasGroups.Read(dir.Path, seed: 1, keepFact: 1.0, perturbShare: 0);

        Assert.Equal(6, records.Records.Count);
        Assert.Equal(3, records.Records.Select(r => r.Cluster).Distinct().Count());
        var petrov = records.Records.First(r => r.Cluster == "ofac-100").Entity;
        Assert.Equal("Person", petrov.Schema.Name);
        Assert.Equal("1960-01-12", petrov.First("birthDate"));
        Assert.Equal("ru", petrov.First("nationality"));
        Assert.Equal("7301234567", petrov.First("passportNumber"));
        var vessel = records.Records.Single(r => r.Cluster == "ofac-300").Entity;
        Assert.Equal("9176187", vessel.First("imoNumber"));
        Assert.Equal("kp", vessel.First("flag"));
        Assert.Equal("kp", records.Records.First(r => r.Cluster == "ofac-200").Entity.First("country"));
    }

    [Fact]
    public void PairSampler_VariantsOnly_DropsUnrelatedAliasesAndAddsHardNegatives()
    {
        var records = new LabelledRecords("t",
        [
            (Entities.Company("a1", "Golden Star Shipping Co Ltd"), "a"),
            (Entities.Company("a2", "Golden Star Shipping Company Limited"), "a"),
            (Entities.Company("a3", "Kumsong"), "a"),
            (Entities.Company("b1", "Golden Sun Shipping Co Ltd"), "b"),
        ]);

        var pairs = PairSampler.Sample(records, seed: 1, variantsOnly: true, augmentShare: 0, namesakesPerRecord: 0, randomNegativesPerRecord: 0);

        var positives = pairs.Where(p => p.Match).Select(p => (p.Left.Id, p.Right.Id)).ToList();
        Assert.Equal([("a1", "a2")], positives);
        Assert.Contains(pairs, p => !p.Match && p.LeftGroup != p.RightGroup);
    }

    [Fact]
    public void PairsFile_WriteRead_RoundTripsTheOpenSanctionsFormat()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pairs.jsonl");
        var pairs = new List<LabelledPair>
        {
            new(Entities.Person("x", "Ivan Petrov"), Entities.Person("y", "Иван Петров"), true, "g1", "g1", "t"),
            new(Entities.Person("x", "Ivan Petrov"), Entities.Person("z", "Anna Smith"), false, "g1", "g2", "t"),
        };

        PairsFile.Write(path, pairs);
        var read = PairsFile.Read(path).ToList();
        var labelled = PairsFile.ToLabelled(read, "file");

        Assert.Equal(2, read.Count);
        Assert.Equal("Иван Петров", read[0].Right.First("name"));
        Assert.Equal([true, false], read.Select(p => p.Match!.Value));
        Assert.Equal(labelled[0].LeftGroup, labelled[0].RightGroup);
        Assert.NotEqual(labelled[1].LeftGroup, labelled[1].RightGroup);
    }

    [Fact]
    public void PairsFile_BadLine_NamesTheLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pairs.jsonl");
        File.WriteAllText(path, "{\"left\": {\"id\": \"a\", \"schema\": \"Person\", \"properties\": {}}}\n");

        var error = Assert.Throws<Model.Errors.InvalidInputException>(() => PairsFile.Read(path).ToList());

        Assert.Contains("line 1", error.Message);
    }
}

public class PerturbationsTests
{
    [Fact]
    public void LegalForm_PrefixForm_KeepsTheCoreName()
    {
        var noise = new Perturbations(new Random(3));
        for (var i = 0; i < 20; i++)
        {
            var variant = noise.LegalForm("ООО «Ромашка»");
            Assert.Contains("Ромашка", variant);
        }
    }

    [Fact]
    public void Cyrillic_LatinName_TransliteratesBack()
    {
        var cyrillic = Perturbations.Cyrillic("Mikhail Khodorkovsky");

        Assert.Equal("михаил ходорковскй", cyrillic);
        Assert.Equal("mikhail khodorkovsky", Text.Transliteration.Latinizer.ToAscii(cyrillic));
    }
}
