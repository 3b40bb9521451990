using OsintResolver.Model.Errors;
using OsintResolver.Model.Mapping;
using OsintResolver.Resolution.Evaluation;

namespace OsintResolver.Resolution.Training;

/// <summary>Labelled records from a CSV file read through a mapping, with truth from an <c>id,cluster</c> file.</summary>
public static class LabelledCsv
{
    public static LabelledRecords Read(string csvPath, string mappingPath, string truthPath)
    {
        var mapping = MappingDefinition.Load(mappingPath);
        var dataset = mapping.Dataset ?? Path.GetFileNameWithoutExtension(csvPath);
        var truth = TruthFile.Read(truthPath, dataset);
        var raw = TruthFile.Read(truthPath);
        var mapper = new CsvMapper(mapping, dataset);
        var records = new List<(Model.Entities.Entity, string)>();
        using var reader = new StreamReader(csvPath, CsvMapper.Utf8Replacing);
        foreach (var row in mapper.Read(reader))
        {
            foreach (var entity in row.Entities)
            {
                if (truth.TryGetValue(entity.Id, out var cluster) || raw.TryGetValue(entity.Id, out cluster))
                {
                    entity.Datasets.Add(dataset);
                    records.Add((entity, $"{dataset}:{cluster}"));
                }
            }
        }

        if (records.Count == 0)
        {
            throw new InvalidInputException($"no record of {csvPath} has a cluster in {truthPath}; are the ids the same?");
        }

        return new LabelledRecords(dataset, records);
    }
}
