using System.Globalization;
using Microsoft.Data.Sqlite;

namespace OsintResolver.Store;

/// <summary>
/// Versioned schema migrations: embedded <c>Migrations/NNNN_name.sql</c> files, each applied once
/// in its own transaction, in version order. Number ranges keep areas apart: 0001–0099 statements
/// and resolution, 0100–0199 crawling, 0200–0299 resolution, 0300–0399 index, 0400–0499 web.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    public static void Apply(SqliteConnection connection)
    {
        Database.Execute(connection,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var applied = new HashSet<int>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT version FROM schema_migrations";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, name, sql) in All)
        {
            if (applied.Contains(version))
            {
                continue;
            }

            using var tx = connection.BeginTransaction();
            Database.Execute(connection, sql, tx);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT OR IGNORE INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            // Two processes may open a fresh store at once; the loser's insert is ignored and its
            // DDL fails inside the transaction, which rolls back harmlessly.
            record.ExecuteNonQuery();
            tx.Commit();
        }
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(Migrations).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith("Migrations.", StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = resource["Migrations.".Length..^".sql".Length];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(file[..underscore], CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((version, file[(underscore + 1)..], reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Item1 == list[i - 1].Item1)
            {
                throw new InvalidOperationException($"two migrations share version {list[i].Item1}");
            }
        }

        return list;
    }
}
