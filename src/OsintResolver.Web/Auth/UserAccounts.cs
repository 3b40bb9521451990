using Microsoft.AspNetCore.Identity;
using OsintResolver.Model.Errors;
using OsintResolver.Store;
using OsintResolver.Store.Users;

namespace OsintResolver.Web.Auth;

/// <summary>
/// Users with hashed passwords (ASP.NET Core's <see cref="PasswordHasher{TUser}"/>: PBKDF2,
/// salted, versioned, upgraded on sign-in) and API keys. The CLI's <c>osint users</c> and the
/// admin page both go through here.
/// </summary>
public sealed class UserAccounts
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 256;

    private readonly UserStore _users;
    private readonly PasswordHasher<UserRecord> _hasher = new();

    public UserAccounts(EntityStore store) => _users = new UserStore(store);

    public UserStore Store => _users;

    public UserRecord Create(string name, UserRole role, string password)
    {
        CheckPassword(password);
        return _users.Add(name, role, _hasher.HashPassword(null!, password));
    }

    public UserRecord SetPassword(string name, string password)
    {
        CheckPassword(password);
        return _users.Update(name, passwordHash: _hasher.HashPassword(null!, password));
    }

    public UserRecord SetRole(string name, UserRole role) => _users.Update(name, role: role);

    /// <summary>The user when the password is right; null otherwise (unknown user or wrong password alike).</summary>
    public UserRecord? Verify(string name, string password)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || password.Length > MaxPasswordLength)
        {
            return null;
        }

        var user = _users.Get(name.Trim());
        if (user is null)
        {
            // Hash anyway, so a wrong name takes as long as a wrong password.
            _hasher.HashPassword(null!, password);
            return null;
        }

        switch (_hasher.VerifyHashedPassword(user, user.PasswordHash, password))
        {
            case PasswordVerificationResult.Success:
                return user;
            case PasswordVerificationResult.SuccessRehashNeeded:
                // The stamp is kept: re-hashing with stronger parameters is not a change of password.
                _users.Update(user.Name, passwordHash: _hasher.HashPassword(user, password));
                return _users.Get(user.Name);
            default:
                return null;
        }
    }

    /// <summary>A readable random password for generated accounts (the demo analyst).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    private static void CheckPassword(string password)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            throw new InvalidInputException($"a password has {MinPasswordLength}–{MaxPasswordLength} characters");
        }
    }
}
