using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Queries;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Tests.Workflow;
using CodeLedger.Storage.Workflow;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Tests.Accounts;

/// <summary>Accounts on a real database, once on SQLite and once on PostgreSQL, on a fake clock.</summary>
public abstract class AccountSuite(DatabaseProvider provider)
{
    private const string Password = "correct horse battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Harness(TestDatabase Database, CodeLedgerStore Store, WorkflowWorld World, AccountDesk Desk) : IAsyncDisposable
    {
        public async Task<List<Core.Ledger.LedgerEntry>> LedgerAsync() => await StorageSuite.ToListAsync(Store.ReadLedgerAsync(Ct));

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static readonly UserSpec Chen = new("dr-chen", "Dr. Maya Chen", "chen@example.org", "FM-NORTH", "physician", PhysicianNpi: WorkflowWorld.Npi);
    private static readonly UserSpec Jdoe = new("jdoe", "Jane Doe", null, "ACME", "coder");
    private static readonly UserSpec Admin = new("pat-admin", "Pat Admin", null, "FM-NORTH", "practice-admin");

    private async Task<Harness> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(provider);
        var store = await database.OpenAsync();
        var world = new WorkflowWorld();
        await world.SaveAsync(store);
        return new Harness(database, store, world, new AccountDesk(store));
    }

    private static async Task<DomainException> RefusedAsync(Func<Task> action, ErrorCode code)
    {
        var e = await Assert.ThrowsAsync<DomainException>(action);
        Assert.Equal(code, e.Error);
        return e;
    }

    [Fact]
    public async Task The_same_spec_twice_adds_once_and_a_changed_spec_records_only_the_change()
    {
        await using var h = await StartAsync();

        var first = await h.Desk.ApplyAsync("setup", Chen, Ct);
        var again = await h.Desk.ApplyAsync("setup", Chen, Ct);
        var renamed = await h.Desk.ApplyAsync("setup", Chen with { DisplayName = "Dr. Maya Chen-Ortiz" }, Ct);

        Assert.Equal((true, true), (first.Added, first.Changed));
        Assert.Equal((false, false), (again.Added, again.Changed));
        Assert.Equal((false, true), (renamed.Added, renamed.Changed));
        var events = (await h.LedgerAsync()).Where(e => e.Type.StartsWith("user.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["user.added", "user.updated"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.DoesNotContain("chen@example.org", e.Payload, StringComparison.Ordinal));
        var principal = await h.Desk.ResolveAsync("dr-chen", ct: Ct);
        Assert.Equal((UserRole.Physician, h.World.Practice.Id, WorkflowWorld.Npi), (principal.Role, principal.OrganizationId, principal.PhysicianNpi));
    }

    [Fact]
    public async Task A_coder_user_links_to_the_coder_record_of_its_vendor()
    {
        await using var h = await StartAsync();

        await h.Desk.ApplyAsync("setup", Jdoe, Ct);
        var principal = await h.Desk.ResolveAsync("jdoe", AccountRules.Coding, "coding", Ct);

        Assert.Equal(h.World.Jdoe.Id, principal.CoderId);
    }

    [Fact]
    public async Task A_spec_that_breaks_a_rule_is_refused_and_writes_nothing()
    {
        await using var h = await StartAsync();
        var before = (await h.LedgerAsync()).Count;

        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Jdoe with { Organization = "FM-NORTH" }, Ct), AccountErrors.RoleOrganizationMismatch);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Jdoe with { UserName = "nobody" }, Ct), AccountErrors.LinkInvalid);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Chen with { Organization = "NO-BAA" }, Ct), AccountErrors.LinkInvalid);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Chen with { PhysicianNpi = "1234567890" }, Ct), AccountErrors.LinkInvalid);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Chen with { Role = "surgeon" }, Ct), AccountErrors.RoleUnknown);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Admin with { Organization = "NOWHERE" }, Ct), Core.Organizations.OrganizationErrors.Unknown);
        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Admin with { PhysicianNpi = WorkflowWorld.Npi }, Ct), AccountErrors.LinkInvalid);

        Assert.Equal(before, (await h.LedgerAsync()).Count);
        await using var db = h.Store.CreateContext();
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task A_user_is_never_moved_to_another_organization()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Admin, Ct);

        await RefusedAsync(() => h.Desk.ApplyAsync("setup", Admin with { Organization = "NO-BAA" }, Ct), AccountErrors.UserConflict);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes_even_against_the_right_password()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Admin, Ct);
        await h.Desk.ResetPasswordAsync("setup", "pat-admin", Password, Ct);

        for (var i = 0; i < 5; i++)
        {
            await RefusedAsync(() => h.Desk.SignInAsync("pat-admin", "wrong password " + i, Ct), AccountErrors.SignInFailed);
        }

        var locked = await RefusedAsync(() => h.Desk.SignInAsync("pat-admin", Password, Ct), AccountErrors.LockedOut);
        h.Database.Time.Advance(TimeSpan.FromMinutes(14));
        await RefusedAsync(() => h.Desk.SignInAsync("pat-admin", Password, Ct), AccountErrors.LockedOut);
        h.Database.Time.Advance(TimeSpan.FromMinutes(1));
        var signedIn = await h.Desk.SignInAsync("pat-admin", Password, Ct);

        Assert.DoesNotContain(Password, locked.Message, StringComparison.Ordinal);
        Assert.Equal((SignInNext.Done, "pat-admin"), (signedIn.Next, signedIn.Principal.UserName));
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Admin, Ct);
        await h.Desk.ResetPasswordAsync("setup", "pat-admin", Password, Ct);

        var unknown = await RefusedAsync(() => h.Desk.SignInAsync("nobody", Password, Ct), AccountErrors.SignInFailed);
        var wrong = await RefusedAsync(() => h.Desk.SignInAsync("pat-admin", "not the password", Ct), AccountErrors.SignInFailed);

        Assert.Equal(unknown.Message, wrong.Message);
    }

    [Fact]
    public async Task A_physician_without_a_second_factor_must_enrol_then_signs_in_with_a_code_used_once()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Chen, Ct);
        await h.Desk.ResetPasswordAsync("setup", "dr-chen", Password, Ct);

        var first = await h.Desk.SignInAsync("dr-chen", Password, Ct);
        await RefusedAsync(() => h.Desk.VerifySecondFactorAsync("dr-chen", "000000", Ct), AccountErrors.SecondFactorRequired);
        var key = await h.Desk.StartSecondFactorAsync("dr-chen", Ct);
        Assert.Equal(key, await h.Desk.StartSecondFactorAsync("dr-chen", Ct));
        await RefusedAsync(() => h.Desk.ConfirmSecondFactorAsync("dr-chen", "000000" == Code(h, key) ? "111111" : "000000", Ct), AccountErrors.SecondFactorInvalid);
        await h.Desk.ConfirmSecondFactorAsync("dr-chen", Code(h, key), Ct);
        h.Database.Time.Advance(TimeSpan.FromSeconds(30));
        var second = await h.Desk.SignInAsync("dr-chen", Password, Ct);
        var code = Code(h, key);
        var principal = await h.Desk.VerifySecondFactorAsync("dr-chen", code, Ct);
        await RefusedAsync(() => h.Desk.VerifySecondFactorAsync("dr-chen", code, Ct), AccountErrors.SecondFactorInvalid);

        Assert.Equal(SignInNext.SecondFactorEnrolment, first.Next);
        Assert.Equal(SignInNext.SecondFactorCode, second.Next);
        Assert.Equal("dr-chen", principal.UserName);
        var ledger = await h.LedgerAsync();
        Assert.Single(ledger, e => e.Type == UserSecondFactorEnrolled.Type);
        Assert.All(ledger, e => Assert.DoesNotContain(Base32.Encode(key), e.Payload, StringComparison.Ordinal));
    }

    private static string Code(Harness h, byte[] key) => Totp.Code(key, Totp.StepAt(h.Database.Time.GetUtcNow()));

    [Fact]
    public async Task A_token_acts_as_its_user_until_it_expires_is_revoked_or_its_user_is_disabled()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Chen, Ct);
        await h.Desk.ApplyAsync("setup", Admin, Ct);
        var now = h.Database.Time.GetUtcNow();

        var shortLived = await h.Desk.IssueTokenAsync("dr-chen", "dr-chen", "laptop", now.AddHours(1), Ct);
        var revoked = await h.Desk.IssueTokenAsync("dr-chen", "dr-chen", "old phone", now.AddDays(30), Ct);
        var admins = await h.Desk.IssueTokenAsync("pat-admin", "pat-admin", "reports", now.AddDays(30), Ct);

        Assert.Equal("dr-chen", (await h.Desk.AuthenticateTokenAsync(shortLived.Token, Ct)).UserName);
        Assert.True(await h.Desk.RevokeTokenAsync("dr-chen", "dr-chen", revoked.Prefix, Ct));
        Assert.False(await h.Desk.RevokeTokenAsync("dr-chen", "dr-chen", revoked.Id.ToString(), Ct));
        await RefusedAsync(() => h.Desk.AuthenticateTokenAsync(revoked.Token, Ct), AccountErrors.TokenRevoked);
        await RefusedAsync(() => h.Desk.RevokeTokenAsync("dr-chen", "dr-chen", admins.Id.ToString(), Ct), AccountErrors.TokenUnknown);
        h.Database.Time.Advance(TimeSpan.FromHours(1));
        await RefusedAsync(() => h.Desk.AuthenticateTokenAsync(shortLived.Token, Ct), AccountErrors.TokenExpired);
        Assert.Equal("pat-admin", (await h.Desk.AuthenticateTokenAsync(admins.Token, Ct)).UserName);
        await h.Desk.DisableAsync("setup", "pat-admin", Ct);
        await RefusedAsync(() => h.Desk.AuthenticateTokenAsync(admins.Token, Ct), AccountErrors.UserDisabled);
        await RefusedAsync(() => h.Desk.AuthenticateTokenAsync(AccessTokenText.New().Text, Ct), AccountErrors.TokenInvalid);
        await RefusedAsync(() => h.Desk.AuthenticateTokenAsync("Bearer nonsense", Ct), AccountErrors.TokenInvalid);

        Assert.Equal(["expired laptop", "revoked old phone"], (await h.Desk.ListTokensAsync("dr-chen", Ct)).Select(t => t.Status + " " + t.Name));
        var ledger = await h.LedgerAsync();
        Assert.Equal(3, ledger.Count(e => e.Type == TokenIssued.Type));
        Assert.Single(ledger, e => e.Type == TokenRevoked.Type);
        foreach (var token in new[] { shortLived, revoked, admins })
        {
            var text = AccessTokenText.TryParse(token.Token)!;
            Assert.All(ledger, e => Assert.DoesNotContain(text.Sha256, e.Payload, StringComparison.Ordinal));
            Assert.All(ledger, e => Assert.DoesNotContain(text.Prefix, e.Payload, StringComparison.Ordinal));
        }

        await using var db = h.Store.CreateContext();
        Assert.DoesNotContain(await db.AccessTokens.Select(t => t.Sha256 + t.Prefix + t.Name).ToListAsync(Ct), s => s.Contains(shortLived.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_has_a_name_and_an_expiry_within_ninety_days()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Admin, Ct);
        var now = h.Database.Time.GetUtcNow();

        await RefusedAsync(() => h.Desk.IssueTokenAsync("pat-admin", "pat-admin", " ", now.AddDays(1), Ct), AccountErrors.TokenTermsInvalid);
        await RefusedAsync(() => h.Desk.IssueTokenAsync("pat-admin", "pat-admin", "x", now, Ct), AccountErrors.TokenTermsInvalid);
        await RefusedAsync(() => h.Desk.IssueTokenAsync("pat-admin", "pat-admin", "x", now.AddDays(91), Ct), AccountErrors.TokenTermsInvalid);
        await RefusedAsync(() => h.Desk.IssueTokenAsync("pat-admin", "nobody", "x", now.AddDays(1), Ct), AccountErrors.UserUnknown);
    }

    [Fact]
    public async Task Resolving_refuses_an_unknown_user_a_disabled_one_and_a_role_the_work_does_not_take()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Jdoe, Ct);
        await h.Desk.ApplyAsync("setup", Admin, Ct);
        await h.Desk.DisableAsync("setup", "pat-admin", Ct);

        await RefusedAsync(() => h.Desk.ResolveAsync("nobody", ct: Ct), AccountErrors.UserUnknown);
        await RefusedAsync(() => h.Desk.ResolveAsync("pat-admin", ct: Ct), AccountErrors.UserDisabled);
        await RefusedAsync(() => h.Desk.ResolveAsync("jdoe", AccountRules.AnswerQuery, "answering a query", Ct), CodeLedger.Core.Tenancy.TenancyErrors.RoleRefused);
        await RefusedAsync(() => h.Desk.SignInAsync("pat-admin", Password, Ct), AccountErrors.SignInFailed);
    }

    [Fact]
    public async Task Only_the_querys_own_physician_answers_it_and_another_one_is_told_it_does_not_exist()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Chen, Ct);
        var other = new Core.Physicians.Physician(Guid.NewGuid(), h.World.Unbound.Id, "Dr. Omar Haddad", Core.Codes.Npi.Parse("1245319599"),
            Core.Codes.TaxonomyCode.Parse("207Q00000X"), Core.Codes.Specialty.Parse("family-medicine"));
        await h.Store.WriteAsync("setup", (db, ledger) =>
        {
            db.Add(other);
            ledger.Append(other.Npi.Value, new PhysicianEnrolled(other.Id, "NO-BAA", other.Name, other.Npi.Value, other.Taxonomy.Value, other.Specialty.Value));
            return Task.CompletedTask;
        }, Ct);
        await h.Desk.ApplyAsync("setup", new UserSpec("dr-haddad", "Dr. Omar Haddad", null, "NO-BAA", "physician", PhysicianNpi: "1245319599"), Ct);
        await new EncounterIntake(h.Store).ImportAsync("FM-NORTH", "ACME", () => [WorkflowWorld.Visit("EHR-1", h.Database.Time.GetUtcNow().AddHours(-1))], "intake-test", ct: Ct);
        var query = await new QueryDesk(h.Store).RaiseAsync("EHR-1", "lead", QueryCategory.Laterality, "Which knee was examined?", [], Ct);

        var haddad = await h.Desk.ResolveAsync("dr-haddad", ct: Ct);
        var chen = await h.Desk.ResolveAsync("dr-chen", ct: Ct);
        var refused = await RefusedAsync(() => new QueryDesk(h.Store).AnswerAsync(query.Id, "left", haddad, Ct), QueryErrors.Unknown);
        var missing = await RefusedAsync(() => new QueryDesk(h.Store).AnswerAsync(Guid.NewGuid(), "left", chen, Ct), QueryErrors.Unknown);
        var answered = await new QueryDesk(h.Store).AnswerAsync(query.Id, "left", chen, Ct);

        Assert.Equal($"no query {query.Id}", refused.Message);
        Assert.StartsWith("no query ", missing.Message, StringComparison.Ordinal);
        Assert.Equal(QueryStatus.Answered, answered.Status);
        Assert.Equal("dr-chen", (await h.LedgerAsync()).Single(e => e.Type == QueryAnswered.Type).Actor);
    }

    [Fact]
    public async Task Account_events_replay_clean()
    {
        await using var h = await StartAsync();
        await h.Desk.ApplyAsync("setup", Chen, Ct);
        await h.Desk.ResetPasswordAsync("setup", "dr-chen", Password, Ct);
        await h.Desk.IssueTokenAsync("dr-chen", "dr-chen", "laptop", h.Database.Time.GetUtcNow().AddDays(1), Ct);
        await h.Desk.DisableAsync("setup", "dr-chen", Ct);

        var verification = await new Storage.Ledger.ReplayVerifier(h.Store).VerifyAsync(Ct);

        Assert.Empty(verification.Divergences.Select(d => d.ToString()));
    }
}

public sealed class SqliteAccountTests() : AccountSuite(DatabaseProvider.Sqlite);

public sealed class PostgresAccountTests() : AccountSuite(DatabaseProvider.PostgreSql);
