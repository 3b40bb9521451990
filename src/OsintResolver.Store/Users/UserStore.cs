using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using OsintResolver.Model.Errors;

namespace OsintResolver.Store.Users;

/// <summary>What a user may do. Each role includes the ones before it.</summary>
public enum UserRole
{
    /// <summary>Reads: search, profiles, networks, crawl status.</summary>
    Viewer,

    /// <summary>Also judges match suggestions and starts crawls.</summary>
    Analyst,

    /// <summary>Also manages users and sources.</summary>
    Admin,
}

/// <summary>A user as stored: the hash, never the password.</summary>
public sealed record UserRecord(string Name, UserRole Role, string PasswordHash, string SecurityStamp,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An API key as listed: its public id, never its secret.</summary>
public sealed record ApiKeyRecord(string Id, string UserName, string? Label, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// Users and API keys in the store's SQLite file (tables from migration 0400). Password hashing
/// is the caller's (the web layer uses ASP.NET Core's hasher); this class only keeps hashes.
/// </summary>
public sealed class UserStore
{
    /// <summary>Every API key starts with this, so leaked keys are easy to recognise and scan for.</summary>
    public const string KeyPrefix = "osk_";

    private readonly EntityStore _store;

    public UserStore(EntityStore store) => _store = store;

    public static UserRole ParseRole(string role) => role.Trim().ToLowerInvariant() switch
    {
        "viewer" => UserRole.Viewer,
        "analyst" => UserRole.Analyst,
        "admin" => UserRole.Admin,
        _ => throw new InvalidInputException($"unknown role '{role}': use viewer, analyst or admin"),
    };

    public static string RoleName(UserRole role) => role switch
    {
        UserRole.Admin => "admin",
        UserRole.Analyst => "analyst",
        _ => "viewer",
    };

    /// <summary>Checks a user name: 1–64 letters, digits, '.', '_', '-' or '@'.</summary>
    public static string ValidateName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 64 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
        {
            throw new InvalidInputException("a user name is 1–64 letters, digits, '.', '_', '-' or '@'");
        }

        return trimmed;
    }

    public UserRecord Add(string name, UserRole role, string passwordHash)
    {
        name = ValidateName(name);
        var now = EntityStore.Ms(_store.Time.GetUtcNow());
        using var c = _store.OpenConnection();
        try
        {
            EntityStore.Exec(c, null, """
                INSERT INTO users (name, role, password_hash, security_stamp, created_at, updated_at)
                VALUES ($n, $r, $h, $s, $t, $t)
                """, ("$n", name), ("$r", RoleName(role)), ("$h", passwordHash), ("$s", NewStamp()), ("$t", now));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            throw new ConflictException($"user '{name}' already exists");
        }

        return Get(name)!;
    }

    public UserRecord? Get(string name)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, password_hash, security_stamp, created_at, updated_at FROM users WHERE name = $n";
        cmd.Parameters.AddWithValue("$n", name);
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadUser(r) : null;
    }

    public IReadOnlyList<UserRecord> List()
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name, role, password_hash, security_stamp, created_at, updated_at FROM users ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<UserRecord>();
        while (r.Read())
        {
            list.Add(ReadUser(r));
        }

        return list;
    }

    /// <summary>Changes the password hash and/or role; either change ends the user's sessions.</summary>
    public UserRecord Update(string name, UserRole? role = null, string? passwordHash = null)
    {
        using var c = _store.OpenConnection();
        var changed = EntityStore.Exec(c, null, """
            UPDATE users SET role = coalesce($r, role), password_hash = coalesce($h, password_hash),
              security_stamp = $s, updated_at = $t WHERE name = $n
            """, ("$n", name), ("$r", role is { } x ? RoleName(x) : null), ("$h", passwordHash),
            ("$s", NewStamp()), ("$t", EntityStore.Ms(_store.Time.GetUtcNow())));
        return changed == 0 ? throw new NotFoundException($"no user '{name}'") : Get(name)!;
    }

    /// <summary>Removes a user and their API keys. Their judgements stay in the log, under their name.</summary>
    public bool Remove(string name)
    {
        using var c = _store.OpenConnection();
        return EntityStore.Exec(c, null, "DELETE FROM users WHERE name = $n", ("$n", name)) > 0;
    }

    public int Count()
    {
        using var c = _store.OpenConnection();
        return Convert.ToInt32(EntityStore.Scalar(c, null, "SELECT count(*) FROM users"), System.Globalization.CultureInfo.InvariantCulture);
    }

    // ---- API keys -----------------------------------------------------------------------------

    /// <summary>
    /// Creates an API key for a user and returns it in full. This is the only time the secret
    /// exists outside the caller: only its hash is stored.
    /// </summary>
    public (ApiKeyRecord Key, string Secret) CreateApiKey(string userName, string? label = null)
    {
        var user = Get(userName) ?? throw new NotFoundException($"no user '{userName}'");
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = $"{KeyPrefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var now = _store.Time.GetUtcNow();
        using var c = _store.OpenConnection();
        EntityStore.Exec(c, null, """
            INSERT INTO api_keys (id, user_name, secret_hash, label, created_at) VALUES ($id, $u, $h, $l, $t)
            """, ("$id", id), ("$u", user.Name), ("$h", Hash(secret)), ("$l", label), ("$t", EntityStore.Ms(now)));
        return (new ApiKeyRecord(id, user.Name, label, now, null, null), secret);
    }

    /// <summary>The user an API key belongs to, or null when the key is unknown, revoked or malformed.</summary>
    public UserRecord? FindByApiKey(string key)
    {
        if (!TryParseKeyId(key, out var id))
        {
            return null;
        }

        string? userName;
        long? lastUsed;
        using (var c = _store.OpenConnection())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT user_name, secret_hash, last_used_at FROM api_keys WHERE id = $id AND revoked_at IS NULL";
            cmd.Parameters.AddWithValue("$id", id);
            using var r = cmd.ExecuteReader();
            if (!r.Read())
            {
                return null;
            }

            var expected = Convert.FromHexString(r.GetString(1));
            var actual = SHA256.HashData(Encoding.UTF8.GetBytes(key));
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
            {
                return null;
            }

            userName = r.GetString(0);
            lastUsed = r.IsDBNull(2) ? null : r.GetInt64(2);
        }

        // Recorded at most once a minute: a script making many calls must not turn every read into a write.
        var now = EntityStore.Ms(_store.Time.GetUtcNow());
        if (lastUsed is null || now - lastUsed.Value >= 60_000)
        {
            using var c = _store.OpenConnection();
            EntityStore.Exec(c, null, "UPDATE api_keys SET last_used_at = $t WHERE id = $id", ("$t", now), ("$id", id));
        }

        return Get(userName);
    }

    public IReadOnlyList<ApiKeyRecord> ListApiKeys(string? userName = null)
    {
        using var c = _store.OpenConnection();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, user_name, label, created_at, last_used_at, revoked_at FROM api_keys " +
                          (userName is null ? "" : "WHERE user_name = $u ") + "ORDER BY created_at, id";
        if (userName is not null)
        {
            cmd.Parameters.AddWithValue("$u", userName);
        }

        using var r = cmd.ExecuteReader();
        var list = new List<ApiKeyRecord>();
        while (r.Read())
        {
            list.Add(new ApiKeyRecord(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                EntityStore.TimeAt(r, 3)!.Value, EntityStore.TimeAt(r, 4), EntityStore.TimeAt(r, 5)));
        }

        return list;
    }

    public bool RevokeApiKey(string id)
    {
        using var c = _store.OpenConnection();
        return EntityStore.Exec(c, null, "UPDATE api_keys SET revoked_at = $t WHERE id = $id AND revoked_at IS NULL",
            ("$t", EntityStore.Ms(_store.Time.GetUtcNow())), ("$id", id)) > 0;
    }

    private static bool TryParseKeyId(string key, out string id)
    {
        id = "";
        if (key.Length is < 20 or > 200 || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = key.IndexOf('_', KeyPrefix.Length);
        if (end < 0)
        {
            return false;
        }

        id = key[KeyPrefix.Length..end];
        return id.Length == 12 && id.All(char.IsAsciiHexDigitLower);
    }

    private static UserRecord ReadUser(SqliteDataReader r) => new(
        r.GetString(0), ParseRole(r.GetString(1)), r.GetString(2), r.GetString(3),
        EntityStore.TimeAt(r, 4)!.Value, EntityStore.TimeAt(r, 5)!.Value);

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
