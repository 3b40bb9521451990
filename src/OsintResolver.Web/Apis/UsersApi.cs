using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OsintResolver.Model.Errors;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;

namespace OsintResolver.Web.Apis;

/// <summary><c>/api/me</c> for anyone who can read; <c>/api/users</c> for admins.</summary>
internal static class UsersApi
{
    public sealed record MeJson(string? Name, string? Role, bool Authenticated);

    public sealed record UserJson(string Name, string Role, DateTimeOffset CreatedAt);

    public sealed record CreateUserRequest(string Name, string Role, string Password);

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(
            new MeJson(user.Identity?.Name, Roles.Highest(user), user.Identity?.IsAuthenticated == true)));
        var group = api.MapGroup("/users").RequireAuthorization(Roles.AdminPolicy);
        group.MapGet("", (UserAccounts accounts) => TypedResults.Ok(accounts.Store.List().Select(Json).ToList()));
        group.MapPost("", Create);
        group.MapDelete("/{name}", Remove);
        return group;
    }

    internal static Created<UserJson> Create(CreateUserRequest request, UserAccounts accounts)
    {
        var user = accounts.Create(request.Name ?? "", UserStore.ParseRole(request.Role ?? ""), request.Password ?? "");
        return TypedResults.Created($"/api/users/{Uri.EscapeDataString(user.Name)}", Json(user));
    }

    internal static NoContent Remove(string name, UserAccounts accounts, ClaimsPrincipal admin)
    {
        if (string.Equals(name, admin.Identity?.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("an admin cannot remove their own account");
        }

        return accounts.Store.Remove(name) ? TypedResults.NoContent() : throw new NotFoundException($"no user '{name}'");
    }

    private static UserJson Json(UserRecord u) => new(u.Name, UserStore.RoleName(u.Role), u.CreatedAt);
}
