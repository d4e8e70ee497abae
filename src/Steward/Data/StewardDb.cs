using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Steward.Features.Audit;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Data;

/// <summary>The one model. Each provider has a subclass with its own migrations (EF's documented way
/// to ship migrations for two providers).</summary>
public abstract class StewardDb : IdentityUserContext<StewardUser, int>, IDataProtectionKeyContext
{
    readonly IHttpContextAccessor? _http;
    readonly List<AuditCapture.Pending> _queued = [];
    bool _writingAudit;

    protected StewardDb(DbContextOptions options, IHttpContextAccessor? http) : base(options) => _http = http;

    public DbSet<Site> Sites => Set<Site>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<AccountRegistration> AccountRegistrations => Set<AccountRegistration>();
    public DbSet<SchoolYearOpening> SchoolYearOpenings => Set<SchoolYearOpening>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Features.Compliance.Student> Students => Set<Features.Compliance.Student>();
    public DbSet<Features.Compliance.Consent> Consents => Set<Features.Compliance.Consent>();
    public DbSet<Features.Compliance.Post> Posts => Set<Features.Compliance.Post>();
    public DbSet<Features.Compliance.ProtectedContact> ProtectedContacts => Set<Features.Compliance.ProtectedContact>();
    public DbSet<Features.Vault.Credential> Credentials => Set<Features.Vault.Credential>();
    public DbSet<Features.Vault.CredentialVersion> CredentialVersions => Set<Features.Vault.CredentialVersion>();

    /// <summary>Who is acting when no HTTP request is (seeding, the command line).</summary>
    public string SystemActor { get; set; } = "system";

    /// <summary>Queues an event that is not an entity change (a reveal, a sign-in, an export); it is
    /// written, chained, in the next SaveChanges.</summary>
    public void RecordAudit(string action, string entityType, string entityId, string? reason = null, JsonObject? details = null) =>
        _queued.Add(new AuditCapture.Pending
        {
            Entry = null, Action = action, EntityType = entityType, EntityId = entityId,
            Changes = details ?? [], Reason = reason,
        });

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StewardDb).Assembly, t => t.Namespace == typeof(StewardDb).Namespace || t.Namespace?.StartsWith("Steward.Features", StringComparison.Ordinal) == true);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>Serialises appends to the audit chain across connections and nodes.</summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_writingAudit) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The audit reads the tracker's changes: find them even where automatic detection is off.
        if (!ChangeTracker.AutoDetectChangesEnabled) ChangeTracker.DetectChanges();
        StampVersions();
        var pending = AuditCapture.Capture(ChangeTracker);
        pending.AddRange(_queued);
        _queued.Clear();
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await AppendAuditAsync(pending, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    void StampVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
            if (entry.State is EntityState.Added or EntityState.Modified)
                entry.Entity.Version = Guid.NewGuid();
    }

    async Task AppendAuditAsync(List<AuditCapture.Pending> pending, CancellationToken ct)
    {
        await LockAuditChainAsync(ct);
        var head = await AuditHeads.SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is null)
        {
            head = new AuditHead { Id = 1, Sequence = 0, Hash = AuditChain.Genesis };
            AuditHeads.Add(head);
        }

        var (actorId, actorName) = Actor();
        var now = AuditChain.ToStoredPrecision(DateTime.UtcNow);
        foreach (var p in pending)
        {
            if (p.Entry is not null) p.FillGenerated();
            var e = new AuditEvent
            {
                Sequence = head.Sequence + 1,
                OccurredAt = now,
                ActorUserId = actorId,
                ActorName = actorName,
                Action = p.Action,
                EntityType = p.EntityType,
                EntityId = p.ResolveEntityId(),
                Changes = p.Changes.ToJsonString(),
                Reason = p.Reason,
                PreviousHash = head.Hash,
                Hash = "",
            };
            e.Hash = AuditChain.ComputeHash(e);
            AuditEvents.Add(e);
            head.Sequence = e.Sequence;
            head.Hash = e.Hash;
        }

        _writingAudit = true;
        try
        {
            ChangeTracker.DetectChanges(); // the head moved
            await base.SaveChangesAsync(true, ct);
        }
        finally { _writingAudit = false; }
    }

    (int? Id, string Name) Actor()
    {
        var user = _http?.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated == true && int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return (id, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return (null, _http?.HttpContext is null ? SystemActor : "anonymous");
    }
}
