using System.Text;
using CodeLedger.Core.Agreements;
using CodeLedger.Core.Coders;
using CodeLedger.Core.Coding;
using CodeLedger.Core.Contracts;
using CodeLedger.Core.Encounters;
using CodeLedger.Core.Organizations;
using CodeLedger.Core.Physicians;
using CodeLedger.Storage.Accounts;
using CodeLedger.Storage.Ledger;
using CodeLedger.Storage.Protection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CodeLedger.Storage;

/// <summary>
/// One EF Core model for both providers. The two subclasses exist only so that each provider
/// keeps its own migrations (SQLite and PostgreSQL differ in types and DDL). Every entity
/// configuration in this assembly is applied, so feature folders add tables without editing this file.
/// Identity's user tables live in the same database (<see cref="IdentityUserContext{TUser, TKey}"/>:
/// users, their logins, claims and secrets, no role tables: a user's one role is a column of the
/// user, Storage/Accounts), so an account and the ledger event that records it commit together.
/// </summary>
public abstract partial class CodeLedgerDbContext(DbContextOptions options) : IdentityUserContext<CodeLedgerUser, Guid>(options)
{
    public DbSet<AccessTokenRow> AccessTokens => Set<AccessTokenRow>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<BusinessAssociateAgreement> BusinessAssociateAgreements => Set<BusinessAssociateAgreement>();

    public DbSet<Physician> Physicians => Set<Physician>();

    public DbSet<Coder> Coders => Set<Coder>();

    public DbSet<Encounter> Encounters => Set<Encounter>();

    public DbSet<CodingResult> CodingResults => Set<CodingResult>();

    public DbSet<SlaContract> SlaContracts => Set<SlaContract>();

    public DbSet<Core.Claims.VendorClaimCoding> VendorClaimCodings => Set<Core.Claims.VendorClaimCoding>();

    public DbSet<LedgerEventRow> LedgerEvents => Set<LedgerEventRow>();

    public DbSet<StoredCheckpointRow> LedgerCheckpoints => Set<StoredCheckpointRow>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The PHI cipher the model's converters use (part of the model cache key).</summary>
    public PhiCipher Phi { get; init; } = PhiCipher.Without("this database was opened without a PHI key");

    /// <summary>Set while this context serves <see cref="CodeLedgerStore.WriteAsync{T}"/>: the write's transaction begins at its first change.</summary>
    internal WriteAttempt? Write { get; set; }

    /// <summary>
    /// Inside a write, saving begins the write's transaction first (and, on PostgreSQL, makes the
    /// change conflict with any other write about the same encounters: <see cref="WriteAttempt"/>),
    /// so no change is ever committed on its own, apart from its ledger events.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Write is { } write && ChangeTracker.HasChanges())
        {
            await write.BeforeSaveAsync(cancellationToken);
        }

        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Writes are asynchronous; a synchronous save inside a write would begin no transaction of the write's own.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        Write is null ? base.SaveChanges(acceptAllChangesOnSuccess) : throw new InvalidOperationException("inside CodeLedgerStore.WriteAsync, save with SaveChangesAsync");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CodeLedgerDbContext).Assembly);
        PhiColumns.Apply(modelBuilder, Phi);
        ApplyTenantFilters(modelBuilder);

        // snake_case columns, so the schema reads naturally from psql and sqlite3.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
