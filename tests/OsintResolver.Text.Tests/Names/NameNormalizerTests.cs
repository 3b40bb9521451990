using OsintResolver.Text.Names;

namespace OsintResolver.Text.Tests.Names;

public class NameNormalizerTests
{
    [Fact]
    public void Normalize_ChineseAndEnglishCompanyNames_ShareTheLegalForm()
    {
        var han = NameNormalizer.Normalize("丹东鸿祥实业发展有限公司", NameKind.Organization);
        var english = NameNormalizer.Normalize("Dandong Hongxiang Industrial Development Co., Ltd.", NameKind.Organization);

        Assert.Equal("dan dong hong xiang shi ye fa zhan", string.Join(' ', han.Tokens));
        Assert.Equal("ltd", Assert.Single(han.LegalForms).Canonical);
        Assert.Equal("ltd", Assert.Single(english.LegalForms).Canonical);
        Assert.Equal(["dandong", "hongxiang", "industrial", "development"], english.Tokens);
        Assert.True(han.Transliterated);
        Assert.False(english.Transliterated);
    }

    [Theory]
    [InlineData("ООО «Ромашка»", "romashka", "llc", "limited")]
    [InlineData("Romashka LLC", "romashka", "llc", "limited")]
    [InlineData("ОАО Газпром", "gazprom", "ojsc", "stock")]
    [InlineData("ЗАО Альфа", "alfa", "cjsc", "stock")]
    [InlineData("Siemens AG", "siemens", "ag", "stock")]
    [InlineData("Bosch GmbH", "bosch", "gmbh", "limited")]
    [InlineData("Petrobras S.A.", "petrobras", "sa", "stock")]
    [InlineData("Korea Kwangson Banking Corp.", "korea kwangson banking", "corp", "corp")]
    [InlineData("Golden Star Trading Co.", "golden star", "co", "company")]
    [InlineData("株式会社トヨタ", "toyota", "kk", "stock")]
    [InlineData("Sberbank JSC", "sberbank", "jsc", "stock")]
    public void Normalize_LegalForms_MapToCanonicalForms(string name, string tokens, string canonical, string family)
    {
        var normalized = NameNormalizer.Normalize(name, NameKind.Organization);

        Assert.Equal(tokens, string.Join(' ', normalized.Tokens));
        var form = Assert.Single(normalized.LegalForms);
        Assert.Equal(canonical, form.Canonical);
        Assert.Equal(family, form.Family);
    }

    [Fact]
    public void Normalize_NameThatIsOnlyALegalForm_KeepsIt()
    {
        var normalized = NameNormalizer.Normalize("Limited", NameKind.Organization);

        Assert.Equal(["limited"], normalized.Tokens);
        Assert.Empty(normalized.LegalForms);
    }

    [Fact]
    public void Normalize_Person_DropsTitlesAndStopwordsButNotLegalLookingWords()
    {
        var normalized = NameNormalizer.Normalize("Dr. Ali Sa", NameKind.Person);

        Assert.Equal(["ali", "sa"], normalized.Tokens);
        Assert.Empty(normalized.LegalForms);
    }

    [Fact]
    public void Normalize_ReorderedTokens_GiveTheSameSortedKey()
    {
        var a = NameNormalizer.Normalize("KIM Jong Un", NameKind.Person);
        var b = NameNormalizer.Normalize("Jong-Un Kim", NameKind.Person);

        Assert.Equal(a.Sorted, b.Sorted);
        Assert.Equal("jong kim un", a.Sorted);
        Assert.Equal("kju", a.Initials);
        Assert.Equal("juk", b.Initials);
    }

    [Fact]
    public void Normalize_ArabicScript_SharesTheConsonantSkeletonWithTheEnglishSpelling()
    {
        var arabic = NameNormalizer.Normalize("محمد", NameKind.Person);
        var english = NameNormalizer.Normalize("Mohammed", NameKind.Person);

        Assert.Equal(english.Skeleton, arabic.Skeleton);
    }

    [Fact]
    public void Normalize_PhoneticCodes_CollideForSpellingVariants()
    {
        var a = NameNormalizer.Normalize("Catherine Smith", NameKind.Person);
        var b = NameNormalizer.Normalize("Katherine Smyth", NameKind.Person);

        Assert.Equal(a.Phonetic, b.Phonetic);
    }

    [Theory]
    [InlineData("Co., Ltd.", "ltd")]
    [InlineData("有限公司", "ltd")]
    [InlineData("Общество с ограниченной ответственностью", "llc")]
    [InlineData("Kabushiki Kaisha", "kk")]
    [InlineData("Acme", null)]
    public void LegalFormsLookup_Variant_GivesCanonicalForm(string variant, string? canonical)
    {
        Assert.Equal(canonical, LegalForms.Lookup(variant)?.Canonical);
    }

    [Fact]
    public void LegalFormsConflict_DifferentFamilies_Conflict()
    {
        Assert.True(LegalForms.Conflict(LegalForms.Lookup("GmbH")!, LegalForms.Lookup("AG")!));
        Assert.False(LegalForms.Conflict(LegalForms.Lookup("GmbH")!, LegalForms.Lookup("ООО")!));
        Assert.False(LegalForms.Conflict(LegalForms.Lookup("Co.")!, LegalForms.Lookup("AG")!));
    }
}

public class HanPersonNameTests
{
    [Fact]
    public void Normalize_HanPersonName_JoinsTheGivenName()
    {
        Assert.Equal(["wang", "fanggui"], NameNormalizer.Normalize("王芳桂", NameKind.Person).Tokens);
        Assert.Equal(["wang", "fang"], NameNormalizer.Normalize("王芳", NameKind.Person).Tokens);
        Assert.Equal("fanggui wang", NameNormalizer.Normalize("Fanggui Wang", NameKind.Person).Sorted);
    }
}
