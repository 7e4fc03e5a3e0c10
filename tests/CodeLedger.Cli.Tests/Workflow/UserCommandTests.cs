using System.Text.Json;

namespace CodeLedger.Cli.Tests.Workflow;

/// <summary><c>codeledger users ...</c> and the <c>--as</c> every workflow command now checks against the accounts.</summary>
public sealed class UserCommandTests
{
    private static string RaiseQuery(CliWorld world)
    {
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");
        var raise = world.Run("queries", "raise", "EHR-1", "--category", "laterality", "--question", "Which knee was examined?", "--as", "jdoe");
        Assert.True(raise.Exit == 0, raise.Err);
        return raise.Out.Split(' ')[1];
    }

    [Fact]
    public async Task Only_the_querys_physician_answers_it_and_the_ledger_names_them()
    {
        using var world = await CliWorld.CreateAsync();
        var query = RaiseQuery(world);

        var coder = world.Run("queries", "answer", query, "--text", "left", "--as", "jdoe");
        var stranger = world.Run("queries", "answer", query, "--text", "left", "--as", "ghost");
        var otherPractice = world.Run("queries", "answer", query, "--text", "left", "--as", "dr-haddad");
        var own = world.Run("queries", "answer", query, "--text", "left", "--as", "dr-chen");
        var exported = world.Run("ledger", "export", "--out", Path.Combine(world.Folder, "ledger.jsonl"));

        Assert.Equal((1, 1, 1, 0, 0), (coder.Exit, stranger.Exit, otherPractice.Exit, own.Exit, exported.Exit));
        Assert.StartsWith("ACCESS-ROLE-REFUSED", coder.Err.Replace("codeledger: ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("USER-UNKNOWN", stranger.Err, StringComparison.Ordinal);
        Assert.Contains("QUERY-UNKNOWN", otherPractice.Err, StringComparison.Ordinal);
        var answered = File.ReadAllLines(Path.Combine(world.Folder, "ledger.jsonl")).Single(l => l.Contains("\"query.answered\"", StringComparison.Ordinal));
        Assert.Equal("dr-chen", JsonDocument.Parse(answered).RootElement.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_disabled_user_can_no_longer_act()
    {
        using var world = await CliWorld.CreateAsync();
        world.Run("import", "encounters", world.Write("visit.json", CliWorld.Bundle("EHR-1")), "--practice", "FM-NORTH", "--vendor", "ACME");

        var disabled = world.Run("users", "disable", "jdoe");
        var again = world.Run("users", "disable", "jdoe");
        var read = world.Run("encounters", "show", "EHR-1", "--as", "jdoe");

        Assert.Equal((0, 0, 1), (disabled.Exit, again.Exit, read.Exit));
        Assert.Contains("was already disabled", again.Out, StringComparison.Ordinal);
        Assert.Contains("USER-DISABLED", read.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Quintanilla", read.Out + read.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_add_is_idempotent_and_refuses_a_role_that_does_not_fit_the_organization()
    {
        using var world = await CliWorld.CreateAsync();

        var added = world.Run("users", "add", "sam", "--name", "Sam Lee", "--org", "ACME", "--role", "vendor-admin");
        var same = world.Run("users", "add", "sam", "--name", "Sam Lee", "--org", "ACME", "--role", "vendor-admin");
        var wrong = world.Run("users", "add", "pat", "--name", "Pat", "--org", "ACME", "--role", "physician", "--npi", CliWorld.Npi);
        var list = world.Run("users", "list", "--json");

        Assert.Equal((0, 0, 1), (added.Exit, same.Exit, wrong.Exit));
        Assert.Contains("user sam added", added.Out, StringComparison.Ordinal);
        Assert.Equal("user sam unchanged", same.Out.Trim());
        Assert.Contains("USER-ROLE-ORGANIZATION", wrong.Err, StringComparison.Ordinal);
        using var users = JsonDocument.Parse(list.Out);
        Assert.Equal(["dr-chen", "dr-haddad", "jdoe", "mallory", "sam"], users.RootElement.EnumerateArray().Select(u => u.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task A_token_is_printed_once_listed_by_prefix_and_revoked()
    {
        using var world = await CliWorld.CreateAsync();

        var created = world.Run("users", "token", "create", "dr-chen", "--name", "laptop", "--days", "30");
        var tooLong = world.Run("users", "token", "create", "dr-chen", "--name", "forever", "--days", "365");
        var token = created.Out.Trim();
        var listed = world.Run("users", "token", "list", "dr-chen");
        var revoked = world.Run("users", "token", "revoke", "dr-chen", token[..9]);
        var after = world.Run("users", "token", "list", "dr-chen", "--json");
        var exported = world.Run("ledger", "export", "--out", Path.Combine(world.Folder, "ledger.jsonl"));

        Assert.Equal((0, 1, 0, 0, 0), (created.Exit, tooLong.Exit, listed.Exit, revoked.Exit, exported.Exit));
        Assert.StartsWith("cl_", token, StringComparison.Ordinal);
        Assert.Equal(46, token.Length);
        Assert.Contains("TOKEN-TERMS-INVALID", tooLong.Err, StringComparison.Ordinal);
        Assert.Contains(token[..9], listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed.Out, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"revoked\"", after.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(token[3..12], File.ReadAllText(Path.Combine(world.Folder, "ledger.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reset_password_is_printed_once_and_never_ledgered()
    {
        using var world = await CliWorld.CreateAsync();

        var reset = world.Run("users", "reset-password", "mallory");
        var password = reset.Out.Trim().Split(' ')[^1];
        world.Run("ledger", "export", "--out", Path.Combine(world.Folder, "ledger.jsonl"));
        var ledger = File.ReadAllText(Path.Combine(world.Folder, "ledger.jsonl"));

        Assert.Equal(0, reset.Exit);
        Assert.True(password.Length >= 12, reset.Out);
        Assert.Contains("\"user.password-reset\"", ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(password, ledger, StringComparison.Ordinal);
    }
}
