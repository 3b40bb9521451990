using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OsintResolver.Model.Errors;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;

namespace OsintResolver.Web.Pages;

/// <summary>Admins add and remove users and issue API keys. Every change is a POST with an antiforgery token.</summary>
public sealed class UsersModel(UserAccounts accounts) : PageModel
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];
    public IReadOnlyList<ApiKeyRecord> Keys { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? NewKey { get; private set; }
    public string? NewKeyUser { get; private set; }

    public void OnGet(string? added, string? removed)
    {
        Message = added is not null ? $"Added {added}." : removed is not null ? $"Removed {removed}." : null;
        Load();
    }

    public IActionResult OnPostAdd(string name, string role, string password)
    {
        try
        {
            var user = accounts.Create(name ?? "", UserStore.ParseRole(role ?? ""), password ?? "");
            return Redirect("/users?added=" + Uri.EscapeDataString(user.Name));
        }
        catch (OsintException ex) when (ex.StatusCode is 400 or 409)
        {
            Error = ex.Message;
            Response.StatusCode = ex.StatusCode;
            Load();
            return Page();
        }
    }

    public IActionResult OnPostRemove(string name)
    {
        if (string.Equals(name, User.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("an admin cannot remove their own account");
        }

        return accounts.Store.Remove(name) ? Redirect("/users?removed=" + Uri.EscapeDataString(name)) : NotFound();
    }

    /// <summary>Shows the new key on this response only; it is never stored or shown again.</summary>
    public IActionResult OnPostKey(string name)
    {
        var (key, secret) = accounts.Store.CreateApiKey(name, $"created by {User.Identity?.Name}");
        NewKey = secret;
        NewKeyUser = key.UserName;
        Load();
        return Page();
    }

    private void Load()
    {
        Users = accounts.Store.List();
        Keys = accounts.Store.ListApiKeys();
    }
}
