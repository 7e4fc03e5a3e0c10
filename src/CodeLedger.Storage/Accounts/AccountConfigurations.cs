using CodeLedger.Core.Accounts;
using CodeLedger.Core.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CodeLedger.Storage.Accounts;

internal sealed class CodeLedgerUserConfiguration : IEntityTypeConfiguration<CodeLedgerUser>
{
    private static readonly ValueConverter<UserRole, string> RoleNames = new(r => r.Name(), s => AccountRules.Role(s));

    public void Configure(EntityTypeBuilder<CodeLedgerUser> b)
    {
        b.ToTable("users");
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Role).HasConversion(RoleNames).HasMaxLength(20);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PhysicianNpi).HasMaxLength(10);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("user_logins");
}

/// <summary>Identity's per-user secrets; here the authenticator key of the second factor.</summary>
internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("user_tokens");
}

internal sealed class AccessTokenRowConfiguration : IEntityTypeConfiguration<AccessTokenRow>
{
    public void Configure(EntityTypeBuilder<AccessTokenRow> b)
    {
        b.ToTable("access_tokens");
        b.HasKey(t => t.Id);
        b.HasOne<CodeLedgerUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(9);
        b.Property(t => t.Sha256).HasMaxLength(64);
        b.HasIndex(t => t.Sha256).IsUnique();
    }
}
