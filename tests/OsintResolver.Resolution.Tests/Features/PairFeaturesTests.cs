using OsintResolver.Resolution.Features;
using OsintResolver.Resolution.Profiles;
using OsintResolver.Resolution.Tests.Support;

namespace OsintResolver.Resolution.Tests.Features;

public class PairFeaturesTests
{
    private static float[] Compute(Model.Entities.Entity a, Model.Entities.Entity b, PairDetails? details = null)
    {
        var f = new float[PairFeatures.Count];
        PairFeatures.Compute(ProfileBuilder.Build(a), ProfileBuilder.Build(b), TokenStatistics.Uniform, f, details);
        return f;
    }

    private static float F(float[] f, string name) => f[PairFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Names_AreInVectorOrderAndUnique()
    {
        Assert.Equal(PairFeatures.Count, PairFeatures.Names.Count);
        Assert.Equal(PairFeatures.Count, PairFeatures.Names.Distinct().Count());
    }

    [Fact]
    public void Compute_HanAndPinyinCompanyNames_AgreeAfterTransliteration()
    {
        var details = new PairDetails();
        var f = Compute(Entities.Company("a", "丹东鸿祥实业发展有限公司", "cn"), Entities.Company("b", "Dandong Hongxiang Shiye Fazhan Co., Ltd.", "cn"), details);

        Assert.True(F(f, "name_jaro_winkler") > 0.9);
        Assert.Equal(1f, F(f, "name_transliterated"));
        Assert.Equal(1f, F(f, "legal_form"));
        Assert.Equal(1f, F(f, "country"));
        Assert.Equal("cn", details.SharedCountry);
    }

    [Fact]
    public void Compute_SameImo_MatchesAndDifferentImo_Conflicts()
    {
        var same = Compute(Entities.Vessel("a", "Golden Star", "IMO 9176187"), Entities.Vessel("b", "GOLDEN STAR 1", "9176187"));
        var other = Compute(Entities.Vessel("a", "Golden Star", "IMO 9176187"), Entities.Vessel("b", "Golden Star", "IMO 9187629"));

        Assert.Equal(1f, F(same, "identifier_match"));
        Assert.Equal(0f, F(same, "identifier_conflict"));
        Assert.Equal(0f, F(other, "identifier_match"));
        Assert.Equal(1f, F(other, "identifier_conflict"));
    }

    [Fact]
    public void Compute_MissingData_IsMinusOneNotDisagreement()
    {
        var f = Compute(Entities.Person("a", "Ivan Petrov"), Entities.Person("b", "Ivan Petrov", "1970-01-01", "ru"));

        Assert.Equal(-1f, F(f, "date_similarity"));
        Assert.Equal(-1f, F(f, "country"));
        Assert.Equal(-1f, F(f, "identifier_match"));
        Assert.Equal(1f, F(f, "name_exact"));
    }

    [Fact]
    public void Compute_DifferentBirthDates_ReportYearDifference()
    {
        var f = Compute(Entities.Person("a", "Ivan Petrov", "1970-01-01"), Entities.Person("b", "Ivan Petrov", "1985-06-01"));

        Assert.Equal(0f, F(f, "date_similarity"));
        Assert.Equal(15f, F(f, "date_year_difference"));
    }

    [Fact]
    public void Compute_DistinctiveWordDiffers_RaisesRareUnmatched()
    {
        var stats = new TokenStatistics();
        for (var i = 0; i < 100; i++)
        {
            stats.AddDocument(["korea", "trading", $"word{i}"]);
        }

        var f = new float[PairFeatures.Count];
        PairFeatures.Compute(ProfileBuilder.Build(Entities.Company("a", "Korea Ryengwang Trading Corporation")),
            ProfileBuilder.Build(Entities.Company("b", "Korea Taejin Trading Corporation")), stats, f);

        Assert.True(F(f, "name_rare_unmatched") > 0.9);
        Assert.True(F(f, "name_idf_overlap") < F(f, "name_token_set"));
    }

    [Fact]
    public void Compute_Acronym_IsRecognised()
    {
        var f = Compute(Entities.Company("a", "CEC"), Entities.Company("b", "Central Election Commission"));

        Assert.Equal(1f, F(f, "name_acronym"));
    }

    [Fact]
    public void Compute_SharedNeighbours_AreCounted()
    {
        var a = ProfileBuilder.Build(Entities.Company("a", "Alpha"));
        var b = ProfileBuilder.Build(Entities.Company("b", "Alpha Ltd"));
        a.Neighbours = [1, 5, 9];
        b.Neighbours = [2, 5, 9];
        var f = new float[PairFeatures.Count];

        PairFeatures.Compute(a, b, TokenStatistics.Uniform, f);

        Assert.Equal(2f, F(f, "shared_neighbours"));
    }
}
