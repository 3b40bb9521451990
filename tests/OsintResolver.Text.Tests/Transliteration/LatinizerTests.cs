using OsintResolver.Text.Transliteration;

namespace OsintResolver.Text.Tests.Transliteration;

public class LatinizerTests
{
    [Theory]
    [InlineData("丹东鸿祥实业发展有限公司", "dan dong hong xiang shi ye fa zhan you xian gong si")]
    [InlineData("Ходорковский Михаил Борисович", "khodorkovskiy mikhail borisovich")]
    [InlineData("ООО «Газпром»", "ooo gazprom")]
    [InlineData("Шевченко Тарас", "shevchenko taras")]
    [InlineData("김정은", "gim jeong eun")]
    [InlineData("Αλέξης Τσίπρας", "alexes tsipras")]
    [InlineData("محمد بن سلمان", "mhmd bn slman")]
    [InlineData("Müller-Lüdenscheidt Straße Łódź", "muller ludenscheidt strasse lodz")]
    [InlineData("O'Brien & Sons", "obrien sons")]
    [InlineData("ＡＢＣ　Ｔｒａｄｉｎｇ", "abc trading")]
    [InlineData("株式会社トヨタ", "zhu shi hui she toyota")]
    public void ToAscii_ScriptsAndPunctuation_GivesLowerCaseAsciiWords(string input, string expected)
    {
        Assert.Equal(expected, Latinizer.ToAscii(input));
    }

    [Fact]
    public void ToAscii_ManyThreads_GiveTheSameResult()
    {
        var inputs = new[] { "丹东鸿祥", "김정은", "Αθήνα", "محمد", "Zürich" };
        var expected = inputs.Select(Latinizer.ToAscii).ToArray();
        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 200, i => results.Add(Latinizer.ToAscii(inputs[i % inputs.Length]) == expected[i % inputs.Length]));
        Assert.All(results, Assert.True);
    }

    [Theory]
    [InlineData("Ivan Petrov", false)]
    [InlineData("Zoë Łukasz", false)]
    [InlineData("Иван Петров", true)]
    [InlineData("Kim 정은", true)]
    public void HasNonLatin_DetectsOtherScripts(string input, bool expected)
    {
        Assert.Equal(expected, Latinizer.HasNonLatin(input));
    }
}
