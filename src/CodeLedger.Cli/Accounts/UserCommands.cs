using System.CommandLine;
using System.Globalization;
using CodeLedger.Cli.Coding;
using CodeLedger.Cli.CodeSets;
using CodeLedger.Cli.Database;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Storage.Accounts;

namespace CodeLedger.Cli.Accounts;

/// <summary>
/// <c>codeledger users add|list|disable|reset-password|second-factor|token</c>: accounts, run by the
/// operator who holds the database (docs/ACCOUNTS.md). Each change is a ledger event whose actor
/// is the operator (<c>cli:LOGIN</c>); no password, key or token is ever in the ledger, and a
/// password or token is printed once, to standard output only.
/// </summary>
internal static class UserCommands
{
    public static Command Create(CliConsole console)
    {
        var users = new Command("users", "User accounts: add or update, list, disable, reset a password, enrol a second factor, personal access tokens.");
        users.Subcommands.Add(Add(console));
        users.Subcommands.Add(List(console));
        users.Subcommands.Add(Disable(console));
        users.Subcommands.Add(ResetPassword(console));
        users.Subcommands.Add(SecondFactor(console));
        users.Subcommands.Add(Token(console));
        return users;
    }

    private static Argument<string> UserArgument() => new("USER") { Description = "the user name" };

    private static Command Add(CliConsole console)
    {
        var user = UserArgument();
        var name = new Option<string>("--name") { Description = "the display name", Required = true };
        var org = new Option<string>("--org") { Description = "the organization's code", Required = true };
        var role = new Option<string>("--role") { Description = "one of: " + string.Join(", ", UserRoles.All), Required = true };
        var coder = new Option<string?>("--coder") { Description = "a coder or lead: the coder record's user name (default: the same user name)" };
        var npi = new Option<string?>("--npi") { Description = "a physician: the NPI enrolled at the practice" };
        var email = new Option<string?>("--email") { Description = "the email address (contact only: no self-service reset)" };
        var command = new Command("add", "Add a user, or bring an existing one to these values (idempotent: the same values change nothing).");
        command.Arguments.Add(user);
        foreach (var o in new Option[] { name, org, role, coder, npi, email })
        {
            command.Options.Add(o);
        }

        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var change = await new AccountDesk(store).ApplyAsync(CliDates.Actor, new UserSpec(parse.GetValue(user)!, parse.GetValue(name)!, parse.GetValue(email),
                parse.GetValue(org)!, parse.GetValue(role)!, parse.GetValue(coder), parse.GetValue(npi)), ct);
            await console.Out.WriteLineAsync($"user {change.UserName} {(change.Added ? "added" : change.Changed ? "updated" : "unchanged")}"
                + (change.Added ? "; set a password with: codeledger users reset-password " + change.UserName : string.Empty));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "Every user: organization, role, link, disabled, second factor, lockout.");
        command.Options.Add(json);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var users = await new AccountDesk(store).ListUsersAsync(ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(users));
                return ExitCodes.Success;
            }

            foreach (var u in users)
            {
                var link = u.PhysicianNpi is { } n ? " npi " + n : u.Coder is { } c ? " coder " + c : string.Empty;
                var flags = (u.Disabled ? " disabled" : string.Empty) + (u.SecondFactor ? " 2fa" : string.Empty)
                    + (u.LockedOutUntil is { } l ? " locked-until " + Instants.Format(l) : string.Empty);
                await console.Out.WriteLineAsync($"{u.UserName,-20} {u.Role,-15} {u.Organization,-12}{link}{flags}  {u.DisplayName}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Disable(CliConsole console)
    {
        var user = UserArgument();
        var command = new Command("disable", "Disable a user: no sign-in, tokens refused, not usable with --as; history is kept.");
        command.Arguments.Add(user);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var changed = await new AccountDesk(store).DisableAsync(CliDates.Actor, parse.GetValue(user)!, ct);
            await console.Out.WriteLineAsync($"user {parse.GetValue(user)} {(changed ? "disabled" : "was already disabled")}");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ResetPassword(CliConsole console)
    {
        var user = UserArgument();
        var stdin = new Option<bool>("--password-stdin") { Description = "read the new password from standard input (else a random one is printed once)" };
        var command = new Command("reset-password", "Set a user's password (an admin's reset; lifts a lockout). Prints a random one unless --password-stdin.");
        command.Arguments.Add(user);
        command.Options.Add(stdin);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var given = parse.GetValue(stdin) ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n') : null;
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var password = await new AccountDesk(store).ResetPasswordAsync(CliDates.Actor, parse.GetValue(user)!, given, ct);
            await console.Out.WriteLineAsync(given is null ? $"password of {parse.GetValue(user)}: {password}" : $"password of {parse.GetValue(user)} set");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command SecondFactor(CliConsole console)
    {
        var user = UserArgument();
        var code = new Option<string?>("--code") { Description = "confirm enrolment with a code from the authenticator app" };
        var command = new Command("second-factor", "Enrol a TOTP second factor: without --code prints the key and otpauth URI to add to an authenticator app; with --code confirms it.");
        command.Arguments.Add(user);
        command.Options.Add(code);
        command.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var desk = new AccountDesk(store);
            var name = parse.GetValue(user)!;
            if (parse.GetValue(code) is { } c)
            {
                await desk.ConfirmSecondFactorAsync(name, c, ct);
                await console.Out.WriteLineAsync($"second factor of {name} enrolled");
                return ExitCodes.Success;
            }

            var key = await desk.StartSecondFactorAsync(name, ct);
            await console.Out.WriteLineAsync($"key {Base32.Encode(key)}");
            await console.Out.WriteLineAsync(Totp.Uri("CodeLedger", name, key));
            await console.Out.WriteLineAsync($"confirm with: codeledger users second-factor {name} --code NNNNNN");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Token(CliConsole console)
    {
        var token = new Command("token", "Personal access tokens for the API (Authorization: Bearer cl_...).");

        var user = UserArgument();
        var name = new Option<string>("--name") { Description = "what the token is for", Required = true };
        var days = new Option<int>("--days") { Description = "days until it expires (at most 90)", DefaultValueFactory = _ => 30 };
        var create = new Command("create", "Issue a token to a user; it is printed once and stored only as its SHA-256.");
        create.Arguments.Add(user);
        create.Options.Add(name);
        create.Options.Add(days);
        create.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var issued = await new AccountDesk(store).IssueTokenAsync(CliDates.Actor, parse.GetValue(user)!, parse.GetValue(name),
                console.Time.GetUtcNow().AddDays(parse.GetValue(days)), ct);
            await console.Out.WriteLineAsync(issued.Token);
            await console.Error.WriteLineAsync($"token {issued.Id} ({issued.Prefix}) expires {Instants.Format(issued.ExpiresAt)}; it is shown this once");
            return ExitCodes.Success;
        }));
        token.Subcommands.Add(create);

        var listUser = UserArgument();
        var json = CommonOptions.Json();
        var list = new Command("list", "A user's tokens: id, prefix, name, expiry, status (never the token).");
        list.Arguments.Add(listUser);
        list.Options.Add(json);
        list.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var tokens = await new AccountDesk(store).ListTokensAsync(parse.GetValue(listUser)!, ct);
            if (parse.GetValue(json))
            {
                await console.Out.WriteLineAsync(WorkflowCli.Serialize(tokens));
                return ExitCodes.Success;
            }

            foreach (var t in tokens)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{t.Id} {t.Prefix}… {t.Status,-8} expires {Instants.Format(t.ExpiresAt)}  {t.Name}"));
            }

            return ExitCodes.Success;
        }));
        token.Subcommands.Add(list);

        var revokeUser = UserArgument();
        var which = new Argument<string>("TOKEN") { Description = "the token's id, or its listed prefix (cl_ and six characters)" };
        var revoke = new Command("revoke", "Revoke one of a user's tokens: refused from now on.");
        revoke.Arguments.Add(revokeUser);
        revoke.Arguments.Add(which);
        revoke.SetAction((parse, ct) => WorkflowCli.RunAsync(async () =>
        {
            var store = await CliStore.OpenAsync(parse, console.Time, ct);
            var changed = await new AccountDesk(store).RevokeTokenAsync(CliDates.Actor, parse.GetValue(revokeUser)!, parse.GetValue(which)!.TrimEnd('…'), ct);
            await console.Out.WriteLineAsync(changed ? "token revoked" : "token was already revoked");
            return ExitCodes.Success;
        }));
        token.Subcommands.Add(revoke);
        return token;
    }
}
