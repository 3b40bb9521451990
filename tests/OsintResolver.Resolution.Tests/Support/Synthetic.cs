using OsintResolver.Model.Entities;
using OsintResolver.Resolution.Training;

namespace OsintResolver.Resolution.Tests.Support;

/// <summary>
/// Seeded synthetic people with duplicates (typos, reordering, missing fields): enough for a
/// real, fast ML.NET training run in tests.
/// </summary>
internal static class Synthetic
{
    private static readonly string[] Given = ["anna", "boris", "chen", "dmitri", "elena", "farid", "grace", "hassan", "irina", "jamal", "kim", "lena", "mikhail", "nadia", "omar", "pavel", "qing", "rosa", "sergei", "tariq"];
    private static readonly string[] Family = ["ivanov", "petrova", "wang", "smith", "rahimi", "karimi", "novak", "garcia", "tanaka", "okafor", "hussein", "volkov", "zhou", "santos", "müller", "kowalski", "nasser", "lindqvist", "moreau", "costa"];

    public static LabelledRecords People(int clusters, int seed)
    {
        var random = new Random(seed);
        var noise = new Perturbations(random);
        var records = new List<(Entity, string)>();
        for (var c = 0; c < clusters; c++)
        {
            var name = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}";
            var birth = $"{1940 + random.Next(60)}-{1 + random.Next(12):D2}-{1 + random.Next(28):D2}";
            var country = new[] { "ru", "cn", "ir", "gb", "de" }[random.Next(5)];
            var passport = $"P{random.Next(1_000_000, 9_999_999)}";
            var copies = 1 + random.Next(3);
            for (var k = 0; k < copies; k++)
            {
                var entity = new Entity("Person", $"syn-{seed}-{c}-{k}");
                entity.Add("name", k == 0 ? name : noise.Name(name, person: true));
                if (k == 0 || random.Next(3) > 0)
                {
                    entity.Add("birthDate", birth);
                }

                if (random.Next(2) == 0)
                {
                    entity.Add("nationality", country);
                }

                if (random.Next(3) == 0)
                {
                    entity.Add("passportNumber", passport);
                }

                entity.Datasets.Add("synthetic");
                records.Add((entity, $"syn-{c}"));
            }
        }

        return new LabelledRecords("synthetic", records);
    }
}
