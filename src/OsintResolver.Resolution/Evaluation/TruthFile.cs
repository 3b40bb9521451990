using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using OsintResolver.Model.Entities;
using OsintResolver.Model.Errors;

namespace OsintResolver.Resolution.Evaluation;

/// <summary>
/// Ground truth as a CSV file with the columns <c>id,cluster</c>. Ids may be entity ids or the
/// source's own record ids; with a dataset name, a record id is mapped the way CSV mappings
/// with <c>id_column</c> map it (<c>&lt;dataset&gt;-&lt;id&gt;</c>).
/// </summary>
public static class TruthFile
{
    public static Dictionary<string, string> Read(string path, string? dataset = null)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"no such truth file: {path}");
        }

        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            throw new InvalidInputException($"{path}: empty truth file; expected a header 'id,cluster'");
        }

        var idIndex = Array.FindIndex(csv.HeaderRecord, h => h.Equals("id", StringComparison.OrdinalIgnoreCase));
        var clusterIndex = Array.FindIndex(csv.HeaderRecord, h => h.Equals("cluster", StringComparison.OrdinalIgnoreCase));
        if (idIndex < 0 || clusterIndex < 0)
        {
            throw new InvalidInputException($"{path}: the header must name the columns 'id' and 'cluster' (got '{string.Join(",", csv.HeaderRecord)}')");
        }

        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var id = csv.GetField(idIndex);
            var cluster = csv.GetField(clusterIndex);
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(cluster))
            {
                throw new InvalidInputException($"{path} line {csv.Parser.RawRow}: empty id or cluster");
            }

            truth[dataset is null ? id : EntityIds.MakeReadable(dataset, id)] = cluster;
        }

        return truth;
    }
}
