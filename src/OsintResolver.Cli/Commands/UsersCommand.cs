using System.CommandLine;
using OsintResolver.Model.Errors;
using OsintResolver.Store.Users;
using OsintResolver.Web.Auth;
using Spectre.Console;

namespace OsintResolver.Cli.Commands;

/// <summary>
/// <c>osint users add|list|remove|password|role|key|revoke</c>: web accounts and API keys. The
/// password is read from <c>--password</c>, else <c>$OSINT_PASSWORD</c>, else generated and printed once.
/// </summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "OSINT_PASSWORD";

    public static Command Create()
    {
        var command = new Command("users", "Manage web users (viewer, analyst, admin) and their API keys");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        command.Subcommands.Add(Password());
        command.Subcommands.Add(Role());
        command.Subcommands.Add(Key());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Option<string> RoleOption(bool required) => new("--role")
    {
        Description = "viewer (reads), analyst (judges), admin (manages users and sources)",
        Required = required,
        DefaultValueFactory = required ? null! : _ => "analyst",
    };

    private static readonly Option<string?> PasswordOption = new("--password")
    {
        Description = $"The password (else ${PasswordVariable}, else one is generated and printed)",
    };

    private static Command Add()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var role = RoleOption(required: false);
        var command = new Command("add", "Add a user") { name, role, PasswordOption };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var (password, generated) = ResolvePassword(ctx.Parse.GetValue(PasswordOption));
            var user = new UserAccounts(ctx.Store).Create(ctx.Parse.GetValue(name)!, UserStore.ParseRole(ctx.Parse.GetValue(role)!), password);
            Report(ctx, user, generated ? password : null, "added");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List users and their API keys");
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var accounts = new UserAccounts(ctx.Store);
            var users = accounts.Store.List();
            var keys = accounts.Store.ListApiKeys();
            if (ctx.Json)
            {
                ctx.WriteJson(users.Select(u => new
                {
                    name = u.Name,
                    role = UserStore.RoleName(u.Role),
                    created_at = u.CreatedAt,
                    api_keys = keys.Where(k => k.UserName == u.Name).Select(k => new { id = k.Id, label = k.Label, created_at = k.CreatedAt, last_used_at = k.LastUsedAt, revoked = k.RevokedAt is not null }),
                }));
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("name", "role", "created", "API keys");
            foreach (var u in users)
            {
                table.AddRow(Markup.Escape(u.Name), UserStore.RoleName(u.Role), u.CreatedAt.ToString("yyyy-MM-dd"),
                    Markup.Escape(string.Join(", ", keys.Where(k => k.UserName == u.Name && k.RevokedAt is null).Select(k => k.Id))));
            }

            ctx.Console.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var command = new Command("remove", "Remove a user and their API keys (their judgements stay in the log)") { name };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var userName = ctx.Parse.GetValue(name)!;
            if (!new UserStore(ctx.Store).Remove(userName))
            {
                throw new NotFoundException($"no user '{userName}'");
            }

            Done(ctx, new { removed = userName }, $"removed {userName}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Password()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var command = new Command("password", "Set a user's password (ends their sessions)") { name, PasswordOption };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var (password, generated) = ResolvePassword(ctx.Parse.GetValue(PasswordOption));
            var user = new UserAccounts(ctx.Store).SetPassword(ctx.Parse.GetValue(name)!, password);
            Report(ctx, user, generated ? password : null, "password set for");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Role()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var role = RoleOption(required: true);
        var command = new Command("role", "Change a user's role (ends their sessions)") { name, role };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var user = new UserAccounts(ctx.Store).SetRole(ctx.Parse.GetValue(name)!, UserStore.ParseRole(ctx.Parse.GetValue(role)!));
            Report(ctx, user, null, "role changed for");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Key()
    {
        var name = new Argument<string>("name") { Description = "User name" };
        var label = new Option<string?>("--label") { Description = "What the key is for" };
        var command = new Command("key", "Create an API key for a user (printed once; send it as 'Authorization: Bearer KEY')") { name, label };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var (key, secret) = new UserStore(ctx.Store).CreateApiKey(ctx.Parse.GetValue(name)!, ctx.Parse.GetValue(label));
            if (ctx.Json)
            {
                ctx.WriteJson(new { id = key.Id, user = key.UserName, key = secret });
            }
            else
            {
                ctx.Error.WriteLine($"API key {key.Id} for {key.UserName} (shown once; only its hash is stored):");
                ctx.Output.WriteLine(secret);
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id (see `osint users list`)" };
        var command = new Command("revoke", "Revoke an API key") { id };
        command.SetAction(CliContext.Action((ctx, _) =>
        {
            var keyId = ctx.Parse.GetValue(id)!;
            if (!new UserStore(ctx.Store).RevokeApiKey(keyId))
            {
                throw new NotFoundException($"no active API key '{keyId}'");
            }

            Done(ctx, new { revoked = keyId }, $"revoked API key {keyId}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static (string Password, bool Generated) ResolvePassword(string? option)
    {
        if (!string.IsNullOrEmpty(option))
        {
            return (option, false);
        }

        return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } env
            ? (env, false)
            : (UserAccounts.GeneratePassword(), true);
    }

    private static void Report(CliContext ctx, UserRecord user, string? generatedPassword, string verb)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new { name = user.Name, role = UserStore.RoleName(user.Role), password = generatedPassword });
            return;
        }

        ctx.Output.WriteLine($"{verb} {user.Name} ({UserStore.RoleName(user.Role)})");
        if (generatedPassword is not null)
        {
            ctx.Output.WriteLine($"password: {generatedPassword}");
        }
    }

    private static void Done(CliContext ctx, object json, string text)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(json);
        }
        else
        {
            ctx.Output.WriteLine(text);
        }
    }
}
