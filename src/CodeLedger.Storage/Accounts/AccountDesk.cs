using System.Security.Cryptography;
using CodeLedger.Core.Accounts;
using CodeLedger.Core.Common;
using CodeLedger.Core.Ledger.Events;
using CodeLedger.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage.Accounts;

/// <summary>
/// Accounts: users from a <see cref="UserSpec"/> (idempotent), disabling, admin password resets,
/// the second factor, personal access tokens, sign-in with lockout, and the <see cref="Principal"/>
/// a user name, a password or a token stands for. Every change that matters to an auditor is a
/// ledger event in the same write; lockout counters and a pending authenticator key are not.
/// Identity supplies the tables and the password hasher (PBKDF2); the clock is the store's, so
/// lockout and one-time codes are tested on a fixed clock.
/// </summary>
public sealed class AccountDesk(CodeLedgerStore store, AccountPolicy? policy = null)
{
    /// <summary>Identity's names for the authenticator key among a user's tokens (its own UserManager reads the same row).</summary>
    internal const string KeyProvider = "[AspNetUserStore]";
    internal const string KeyName = "AuthenticatorKey";

    private static readonly PasswordHasher<CodeLedgerUser> Hasher = new();

    public AccountPolicy Policy { get; } = policy ?? AccountPolicy.Default;

    /// <summary>
    /// Creates the user, or brings an existing one to the spec; nothing is written when it already
    /// matches. A spec never moves a user to another organization (USER-CONFLICT): that would hand
    /// their history to another tenant. A new user has no password until an admin sets one.
    /// </summary>
    public Task<UserChange> ApplyAsync(string actor, UserSpec spec, CancellationToken ct = default)
    {
        var userName = AccountRules.UserName(spec.UserName);
        var role = AccountRules.Role(spec.Role);
        AccountRules.RequireDisplayName(userName, spec.DisplayName);

        return store.WriteAsync(actor, async (db, ledger) =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == spec.Organization, ct)
                ?? throw new DomainException(OrganizationErrors.Unknown, $"user {userName}: no organization with code {spec.Organization}");
            AccountRules.RequireFits(userName, role, org);

            var (coderId, npi) = await LinkAsync(db, userName, role, org, spec, ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
            AccountRules.RequireNotMoved(userName, user?.OrganizationId, org.Id);

            return Put(db, ledger, user, org, userName, role, spec.DisplayName, spec.Email, coderId, npi);
        }, ct);
    }

    /// <summary>
    /// Adds the user, or brings <paramref name="user"/> to these fields, with its ledger event
    /// (user.added or user.updated); nothing when it already matches. The caller has checked the
    /// role against the organization and resolved the link: <see cref="ApplyAsync"/> from the
    /// database, the setup desk from the rows of the same apply (so a file's users join its write).
    /// </summary>
    internal static UserChange Put(CodeLedgerDbContext db, Ledger.LedgerAppender ledger, CodeLedgerUser? user, Organization org, string userName, UserRole role,
        string displayName, string? email, Guid? coderId, string? npi)
    {
        var fields = UserFields.Stated(role, displayName, email, coderId, npi);
        var apply = fields.ApplyTo(user is null ? null : new UserFields(user.Role, user.DisplayName, user.Email, user.CoderId, user.PhysicianNpi));
        (displayName, email) = (fields.DisplayName, fields.Email);
        if (user is null) // UserApply.Add
        {
            // A new user's id is derived from its name: the same spec gives the same id on every
            // database, so the demo's ledger stays deterministic and a retried write reads the same.
            var newId = DerivedId(userName);
            user = new CodeLedgerUser
            {
                Id = newId,
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email?.ToUpperInvariant(),
                SecurityStamp = Stamp(newId, 0),
                ConcurrencyStamp = Stamp(newId, 1),
                LockoutEnabled = true,
                OrganizationId = org.Id,
                Role = role,
                DisplayName = displayName,
                CoderId = coderId,
                PhysicianNpi = npi,
            };
            db.Users.Add(user);
            ledger.Append(userName, new UserAdded(user.Id, userName, org.Code, role.Name(), displayName, coderId, npi));
            return new UserChange(user.Id, userName, Added: true, Changed: true);
        }

        if (apply == UserApply.Unchanged)
        {
            return new UserChange(user.Id, userName, Added: false, Changed: false);
        }

        user.Role = role;
        user.DisplayName = displayName;
        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        user.CoderId = coderId;
        user.PhysicianNpi = npi;

        // A changed role ends the sessions that were granted under the old one.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        ledger.Append(userName, new UserUpdated(user.Id, userName, org.Code, role.Name(), displayName, coderId, npi));
        return new UserChange(user.Id, userName, Added: false, Changed: true);
    }

    /// <summary>Disables <paramref name="user"/> with its user.disabled event; false when it already is.</summary>
    internal static bool Disable(CodeLedgerUser user, Ledger.LedgerAppender ledger)
    {
        if (user.Disabled)
        {
            return false;
        }

        user.Disabled = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        ledger.Append(user.UserName!, new UserDisabled(user.Id, user.UserName!));
        return true;
    }

    /// <summary>Disables a user: no sign-in, no token, no <c>--as</c>; idempotent (false when already disabled).</summary>
    public Task<bool> DisableAsync(string actor, string userName, CancellationToken ct = default) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var user = await FindAsync(db, userName, ct);
            return Disable(user, ledger);
        }, ct);

    /// <summary>
    /// An admin sets a user's password (the one given, or a new random one, returned to be handed
    /// over once) and lifts a lockout. Users have no self-service reset: there is no email path.
    /// </summary>
    public async Task<string> ResetPasswordAsync(string actor, string userName, string? password = null, CancellationToken ct = default)
    {
        password = Policy.CheckPassword(password ?? RandomPassword());
        var user0 = await ReadUserAsync(userName, ct);

        // Hashed before the write (the salt is random), so a retried write stores the same hash.
        var hash = Hasher.HashPassword(user0, password);
        await store.WriteAsync(actor, async (db, ledger) =>
        {
            var user = await FindAsync(db, userName, ct);
            user.PasswordHash = hash;
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            ledger.Append(user.UserName!, new UserPasswordReset(user.Id, user.UserName!));
        }, ct);
        return password;
    }

    /// <summary>
    /// The authenticator key to enrol: the pending one when enrolment was started and not finished
    /// (a page shown twice shows one key), else a new one. Nothing is ledgered until a code proves it.
    /// </summary>
    public async Task<byte[]> StartSecondFactorAsync(string userName, CancellationToken ct = default)
    {
        var fresh = RandomNumberGenerator.GetBytes(Totp.KeyBytes);
        return await store.WriteAsync(userName, async (db, _) =>
        {
            var user = await FindAsync(db, userName, ct);
            var row = await db.UserTokens.SingleOrDefaultAsync(t => t.UserId == user.Id && t.LoginProvider == KeyProvider && t.Name == KeyName, ct);
            if (SecondFactorEnrolment.PendingKey(user.TwoFactorEnabled, row is null ? null : Base32.Decode(row.Value)) is { } pending)
            {
                return pending;
            }

            if (row is null)
            {
                db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = KeyProvider, Name = KeyName, Value = Base32.Encode(fresh) });
            }
            else
            {
                row.Value = Base32.Encode(fresh);
            }

            // A new key replaces the old factor only once it is proven.
            user.TwoFactorEnabled = false;
            return fresh;
        }, ct);
    }

    /// <summary>Proves the pending key with a code from the user's app: the second factor is on from now.</summary>
    public Task ConfirmSecondFactorAsync(string userName, string? code, CancellationToken ct = default) =>
        store.WriteAsync(userName, async (db, ledger) =>
        {
            var user = await FindAsync(db, userName, ct);
            var key = SecondFactorEnrolment.RequireKeyToConfirm(userName, await KeyAsync(db, user, ct));
            var step = Totp.Verify(key, code, store.Time.GetUtcNow(), user.SecondFactorLastStep)
                ?? throw new DomainException(AccountErrors.SecondFactorInvalid, "the code does not match the authenticator key");
            user.SecondFactorLastStep = step;
            user.TwoFactorEnabled = true;
            ledger.Append(user.UserName!, new UserSecondFactorEnrolled(user.Id, user.UserName!));
        }, ct);

    /// <summary>
    /// The first step of sign-in. A wrong password counts towards the lockout (the policy's failed
    /// attempts lock the account for its lockout time); an unknown user and a wrong password get the
    /// same answer, so sign-in does not tell who has an account.
    /// </summary>
    public async Task<SignInStep> SignInAsync(string? userName, string? password, CancellationToken ct = default)
    {
        var user = userName is { Length: > 0 } ? await TryReadUserAsync(userName, ct) : null;
        if (user?.PasswordHash is null || password is null)
        {
            throw AccountPolicy.WrongUserOrPassword();
        }

        EnsureUsable(user);
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await FailAsync(user.UserName!, ct);
            throw AccountPolicy.WrongUserOrPassword();
        }

        await ClearFailuresAsync(user, ct);
        var principal = user.ToPrincipal();
        return new(Policy.AfterPassword(user.TwoFactorEnabled, user.Role) switch
        {
            SecondFactorDue.Code => SignInNext.SecondFactorCode,
            SecondFactorDue.Enrolment => SignInNext.SecondFactorEnrolment,
            _ => SignInNext.Done,
        }, principal);
    }

    /// <summary>The second step: a one-time code, used once; a wrong code counts towards the lockout.</summary>
    public async Task<Principal> VerifySecondFactorAsync(string userName, string? code, CancellationToken ct = default)
    {
        var user = await ReadUserAsync(userName, ct);
        EnsureUsable(user);
        await using (var db = store.CreateContext())
        {
            var key = SecondFactorEnrolment.RequireEnrolledKey(userName, user.TwoFactorEnabled, user.TwoFactorEnabled ? await KeyAsync(db, user, ct) : null);

            long step;
            try
            {
                step = AccountPolicy.RequireUnusedStep(Totp.Verify(key, code, store.Time.GetUtcNow(), user.SecondFactorLastStep), user.SecondFactorLastStep);
            }
            catch (DomainException)
            {
                await FailAsync(user.UserName!, ct);
                throw;
            }

            await store.WriteAsync(user.UserName!, async (w, _) =>
            {
                var u = await FindAsync(w, userName, ct);

                // Read again inside the write: another request may have used this code first.
                u.SecondFactorLastStep = AccountPolicy.RequireUnusedStep(step, u.SecondFactorLastStep);
                u.AccessFailedCount = 0;
            }, ct);
        }

        return user.ToPrincipal();
    }

    /// <summary>
    /// The principal the CLI's <c>--as</c> or a signed-in session stands for: the user exists, is
    /// enabled, and (when <paramref name="roles"/> is given) holds one of the roles the work needs.
    /// </summary>
    public async Task<Principal> ResolveAsync(string userName, IReadOnlySet<UserRole>? roles = null, string? work = null, CancellationToken ct = default)
    {
        var user = await ReadUserAsync(userName, ct);
        AccountPolicy.RequireEnabled(user.UserName!, user.Disabled);
        var principal = user.ToPrincipal();
        if (roles is not null)
        {
            AccountRules.Require(principal, roles, work ?? "this");
        }

        return principal;
    }

    /// <summary>The security stamp a session was issued under; a disable, a reset or a role change moves it and ends the session.</summary>
    public async Task<string?> StampAsync(string userName, CancellationToken ct = default) =>
        (await TryReadUserAsync(userName, ct)) is { Disabled: false } u ? u.SecurityStamp : null;

    /// <summary>
    /// Issues a personal access token to an enabled user: shown once (the returned text), stored as
    /// its SHA-256 with a name and an expiry no later than the policy's longest life.
    /// </summary>
    public async Task<IssuedToken> IssueTokenAsync(string actor, string userName, string? name, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        var now = store.Time.GetUtcNow();
        var tokenName = Policy.RequireTokenTerms(name, expiresAt, now);

        // Drawn before the write: a retried write stores the same token it will return.
        var token = AccessTokenText.New();
        var id = Guid.CreateVersion7(now);
        await store.WriteAsync(actor, async (db, ledger) =>
        {
            var user = await FindAsync(db, userName, ct);
            EnsureUsable(user);
            db.AccessTokens.Add(new AccessTokenRow { Id = id, UserId = user.Id, Name = tokenName, Prefix = token.Prefix, Sha256 = token.Sha256, CreatedAt = now, ExpiresAt = expiresAt });
            ledger.Append(user.UserName!, new TokenIssued(id, user.UserName!, tokenName, expiresAt));
        }, ct);
        return new IssuedToken(id, tokenName, token.Text, token.Prefix, expiresAt);
    }

    public async Task<IReadOnlyList<TokenView>> ListTokensAsync(string userName, CancellationToken ct = default)
    {
        var user = await ReadUserAsync(userName, ct);
        await using var db = store.CreateContext();
        var rows = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync(ct);
        return [.. AccessTokenList.List(rows.Select(t => new AccessTokenList.Token(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt)), store.Time.GetUtcNow())
            .Select(l => new TokenView(l.Token.Id, l.Token.Name, l.Token.Prefix, l.Token.CreatedAt, l.Token.ExpiresAt, l.Token.RevokedAt, l.Status))];
    }

    /// <summary>Revokes one of the user's tokens, by id or by its listed prefix; false when it already was.</summary>
    public Task<bool> RevokeTokenAsync(string actor, string userName, string token, CancellationToken ct = default) =>
        store.WriteAsync(actor, async (db, ledger) =>
        {
            var user = await FindAsync(db, userName, ct);
            var mine = db.AccessTokens.Where(t => t.UserId == user.Id);
            var named = AccessTokenList.Named(token);
            var matches = named.Id is { } id
                ? await mine.Where(t => t.Id == id).ToListAsync(ct)
                : await mine.Where(t => t.Prefix == named.Prefix).ToListAsync(ct);
            var row = AccessTokenList.RequireOne(user.UserName!, token, matches);
            if (!AccessTokenList.Revokes(row.RevokedAt))
            {
                return false;
            }

            row.RevokedAt = store.Time.GetUtcNow();
            ledger.Append(user.UserName!, new TokenRevoked(row.Id, user.UserName!));
            return true;
        }, ct);

    /// <summary>
    /// The principal a bearer token acts as: its user, with that user's role now (a changed role
    /// changes what the token may do; a disabled user's tokens stop working).
    /// </summary>
    public async Task<Principal> AuthenticateTokenAsync(string? bearer, CancellationToken ct = default)
    {
        var token = AccessTokenText.TryParse(bearer) ?? throw new DomainException(AccountErrors.TokenInvalid, "not a CodeLedger access token");
        var hash = token.Sha256;
        await using var db = store.CreateContext();
        var row = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Sha256 == hash, ct)
            ?? throw new DomainException(AccountErrors.TokenInvalid, "no such access token");
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == row.UserId, ct);
        if (AccountPolicy.TokenRefusal(row.Prefix, row.RevokedAt, row.ExpiresAt, user.UserName!, user.Disabled, store.Time.GetUtcNow()) is { } refusal)
        {
            throw new DomainException(refusal.Code, refusal.Message);
        }

        return user.ToPrincipal();
    }

    public async Task<IReadOnlyList<UserView>> ListUsersAsync(CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var orgs = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var users = await db.Users.AsNoTracking().ToListAsync(ct);
        var now = store.Time.GetUtcNow();
        return [.. users.OrderBy(u => u.UserName, StringComparer.Ordinal)
            .Select(u => new UserView(u.UserName!, u.DisplayName, orgs[u.OrganizationId], u.Role.Name(), u.CoderId, u.PhysicianNpi, u.Disabled, u.TwoFactorEnabled,
                AccountPolicy.LockedUntil(u.LockoutEnd, now)))];
    }

    /// <summary>A new user's id: a name-based GUID, the same for the same name everywhere.</summary>
    internal static Guid DerivedId(string userName)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("codeledger-user:" + userName));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Stamp(Guid id, int n) => Convert.ToHexStringLower(SHA256.HashData(id.ToByteArray().Append((byte)n).ToArray()))[..32];

    /// <summary>A coder or lead links to a coder record of the same vendor; a physician to an NPI enrolled at that practice; other roles link to nothing.</summary>
    private static async Task<(Guid? Coder, string? Npi)> LinkAsync(CodeLedgerDbContext db, string userName, UserRole role, Organization org, UserSpec spec, CancellationToken ct)
    {
        var (coderName, npi) = AccountRules.Link(userName, role, spec.CoderUserName, spec.PhysicianNpi);
        if (coderName is not null)
        {
            var named = await db.Coders.AsNoTracking().Where(x => x.UserName == coderName).Select(x => new { x.Id, x.VendorId }).ToListAsync(ct);
            return (AccountRules.CoderOfOwnVendor(userName, coderName, org, named.Select(x => (x.Id, x.VendorId))), null);
        }

        if (npi is not null)
        {
            var parsed = Core.Codes.Npi.Parse(npi);
            var enrolledAt = await db.Physicians.AsNoTracking().Where(p => p.Npi == parsed).Select(p => p.PracticeId).ToListAsync(ct);
            return (null, AccountRules.NpiOfOwnPractice(userName, npi, org, enrolledAt));
        }

        return (null, null);
    }

    private void EnsureUsable(CodeLedgerUser user) =>
        AccountPolicy.RequireUsable(user.UserName!, user.Disabled, user.LockoutEnd, store.Time.GetUtcNow());

    /// <summary>One more failed attempt; at the policy's limit the account locks for the lockout time and the count starts again.</summary>
    private Task FailAsync(string userName, CancellationToken ct) =>
        store.WriteAsync(userName, async (db, _) =>
        {
            var user = await FindAsync(db, userName, ct);
            (user.AccessFailedCount, user.LockoutEnd) = Policy.AfterFailedSignIn(user.AccessFailedCount, user.LockoutEnd, store.Time.GetUtcNow());
        }, ct);

    private async Task ClearFailuresAsync(CodeLedgerUser read, CancellationToken ct)
    {
        if (!AccountPolicy.HasFailures(read.AccessFailedCount, read.LockoutEnd))
        {
            return;
        }

        await store.WriteAsync(read.UserName!, async (db, _) =>
        {
            var user = await FindAsync(db, read.UserName!, ct);
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
        }, ct);
    }

    private static async Task<byte[]?> KeyAsync(CodeLedgerDbContext db, CodeLedgerUser user, CancellationToken ct) =>
        Base32.Decode(await db.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id && t.LoginProvider == KeyProvider && t.Name == KeyName).Select(t => t.Value).SingleOrDefaultAsync(ct));

    private static async Task<CodeLedgerUser> FindAsync(CodeLedgerDbContext db, string userName, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct)
        ?? throw new DomainException(AccountErrors.UserUnknown, $"no user {Echo(userName)}");

    private async Task<CodeLedgerUser?> TryReadUserAsync(string userName, CancellationToken ct)
    {
        await using var db = store.CreateContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, ct);
    }

    private async Task<CodeLedgerUser> ReadUserAsync(string userName, CancellationToken ct) =>
        await TryReadUserAsync(userName, ct) ?? throw new DomainException(AccountErrors.UserUnknown, $"no user {Echo(userName)}");

    /// <summary>A user name as typed may be anything (even a patient's name by mistake): echo it only when it is a valid user name.</summary>
    private static string Echo(string userName)
    {
        try
        {
            return AccountRules.UserName(userName);
        }
        catch (DomainException)
        {
            return "(not a valid user name)";
        }
    }

    /// <summary>20 random bytes in Base32: 32 characters, 100 bits, within the policy.</summary>
    private static string RandomPassword() => Base32.Encode(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
}
