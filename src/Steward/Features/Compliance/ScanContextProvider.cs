using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steward.Data;
using Steward.Features.Vault;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>Holds the compiled scanner context for the whole district: roster with consents and opt-outs,
/// sites' public contacts, protected home contacts of staff and officials (decrypted only here, in memory),
/// allowed email domains. A change builds a new context beside the old one and then
/// swaps the reference, so scans in progress finish on the one they started with. Other nodes notice a
/// change through <see cref="ComplianceState.RosterVersion"/> and the sites' contacts, checked at most every
/// <see cref="ComplianceOptions.RefreshSeconds"/>.</summary>
public sealed class ScanContextProvider(IServiceScopeFactory scopes, IOptions<ComplianceOptions> options, TimeProvider clock,
    MasterKey master, ILogger<ScanContextProvider> log) : IDisposable
{
    sealed record Snapshot(ScanContext Context, long RosterVersion, string SitesKey, DateOnly BuiltFor, DateOnly? NextExpiry, long CheckedAt);

    readonly SemaphoreSlim _gate = new(1, 1);
    readonly Lazy<ScannerRules> _rules = new(() => options.Value.RulesDirectory is { Length: > 0 } dir
        ? ScannerRules.LoadFromDirectory(dir) : ScannerRules.Default);
    // No roster and no contacts: tells whether a text is a phone number or a street address at all.
    ScanContext? _bare;
    volatile Snapshot? _current;
    int _stale;

    /// <summary>This node changed the roster, a consent or a site: the next scan waits for the new context.</summary>
    public void MarkChanged() => Interlocked.Exchange(ref _stale, 1);

    public async Task<ScanContext> GetAsync(CancellationToken ct)
    {
        var snap = _current;
        var stale = Volatile.Read(ref _stale) == 1;
        if (snap is not null && !stale && !Due(snap)) return snap.Context;
        // A routine check already running elsewhere: keep scanning on what we have.
        if (snap is not null && !stale)
        {
            if (!await _gate.WaitAsync(0, ct)) return snap.Context;
        }
        else
        {
            await _gate.WaitAsync(ct);
        }
        try
        {
            snap = _current;
            if (snap is not null && Volatile.Read(ref _stale) == 0 && !Due(snap)) return snap.Context;
            Interlocked.Exchange(ref _stale, 0);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            var version = await db.Set<ComplianceState>().AsNoTracking().Where(s => s.Id == 1).Select(s => s.RosterVersion).FirstOrDefaultAsync(ct);
            var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Id)
                .Select(s => new { s.Code, s.PublicPhone, s.PublicEmail, s.PublicAddress }).ToListAsync(ct);
            var sitesKey = string.Join('\u001f', sites.Select(s => $"{s.Code}\u001e{s.PublicPhone}\u001e{s.PublicEmail}\u001e{s.PublicAddress}"));
            var today = Today;
            if (snap is not null && snap.RosterVersion == version && snap.SitesKey == sitesKey && !(snap.NextExpiry < today) && snap.BuiltFor <= today)
            {
                _current = snap with { CheckedAt = clock.GetTimestamp() };
                return snap.Context;
            }

            var started = clock.GetTimestamp();
            var students = await db.Students.AsNoTracking().Select(s => new
            {
                s.StudentNumber, s.FirstName, s.LastName, s.PreferredName, SiteCode = s.Site!.Code, s.DirectoryOptOut,
                Consents = s.Consents.Where(c => c.Kind == ConsentKind.PhotoWithName && c.RevokedAt == null && c.GrantedOn <= today
                    && (c.ExpiresOn == null || c.ExpiresOn >= today)).Select(c => c.ExpiresOn).ToList(),
            }).ToListAsync(ct);

            var builder = ScanContext.CreateBuilder(_rules.Value).AddStudents(students.Select(s => new RosterStudent
            {
                StudentId = s.StudentNumber, FirstName = s.FirstName, LastName = s.LastName, PreferredName = s.PreferredName,
                SiteCode = s.SiteCode, DirectoryOptOut = s.DirectoryOptOut, HasCurrentPhotoWithNameConsent = s.Consents.Count > 0,
            }));
            foreach (var site in sites)
                builder.AddSite(new SitePublicContacts
                {
                    SiteCode = site.Code, Phones = Listed(site.PublicPhone), Emails = Listed(site.PublicEmail), Addresses = Listed(site.PublicAddress),
                });
            var protectedCount = await AddProtectedContactsAsync(db, builder, ct);
            foreach (var domain in options.Value.EmailDomains()) builder.AllowEmailDomain(domain);
            var context = builder.Build();

            // A consent that ends makes the next day's context different: rebuild then.
            DateOnly? nextExpiry = students.SelectMany(s => s.Consents).Where(e => e is not null).Min();
            _current = new Snapshot(context, version, sitesKey, today, nextExpiry, clock.GetTimestamp());
            log.LogInformation("Scanner context built: {Students} students, {Sites} sites, {Protected} protected contacts, roster version {Version}, in {Elapsed} ms",
                students.Count, sites.Count, protectedCount, version, (int)clock.GetElapsedTime(started).TotalMilliseconds);
            return context;
        }
        finally
        {
            _gate.Release();
        }
    }

    DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    bool Due(Snapshot snap) =>
        clock.GetElapsedTime(snap.CheckedAt).TotalSeconds >= options.Value.RefreshSeconds || snap.NextExpiry < Today || snap.BuiltFor != Today;

    /// <summary>Staff and officials' home contacts (Privacy §5, §6). The plaintext lives only in the builder
    /// and the compiled context; an entry that fails its integrity check is left out and logged by id.</summary>
    async Task<int> AddProtectedContactsAsync(StewardDb db, ScanContextBuilder builder, CancellationToken ct)
    {
        var count = 0;
        foreach (var c in await db.Set<ProtectedContact>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct))
        {
            HomeContactSecret secret;
            try
            {
                secret = ProtectedContactCommands.Open(master, c);
            }
            catch (VaultIntegrityException)
            {
                log.LogError("Protected contact {Id} failed its integrity check and is not in the scanner context: store it again", c.Id);
                continue;
            }
            builder.AddHomeContact(new HomeContact
            {
                PersonName = c.PersonName, Owner = c.Owner, Phones = secret.Phones,
                Addresses = secret.Addresses, // the builder also keys each by the street part the scanner reads
                HasWrittenPermission = c.Owner == HomeContactOwner.Official && c.HasWrittenPermission,
            });
            count++;
        }
        return count;
    }

    /// <summary>A phone number as a whole, as the scanner reads one in a post.</summary>
    public bool IsPhoneNumber(string text) =>
        Bare.Scan(new Steward.Scanning.Post { Text = text }).Findings.Any(f => f.RuleId == PolicyRules.Phone && f.Start == 0 && f.Length == text.Length);

    // Two threads may build it at once; either result is the same.
    ScanContext Bare => _bare ??= ScanContext.CreateBuilder(_rules.Value).Build();

    /// <summary>A street address or PO box as the scanner reads one in a post (so a stored one can be found).</summary>
    public bool IsStreetAddress(string text) =>
        Bare.Scan(new Steward.Scanning.Post { Text = text }).Findings.Any(f => f.RuleId == PolicyRules.Address);

    /// <summary>
    /// Which of the texts the scanner reads as one of the sites' published contacts, "fine to publish" (more Info
    /// contact findings beside the sites than without them), so the same spellings match as in a post.
    /// </summary>
    public bool IsSitePublicContact(string text, IReadOnlyList<SitePublicContacts> sites)
    {
        if (sites.Count == 0) return false;
        var builder = ScanContext.CreateBuilder(_rules.Value);
        foreach (var site in sites) builder.AddSite(site);
        var post = new Steward.Scanning.Post { Text = text };
        static int Public(ScanResult r) => r.Findings.Count(f => f.Category == FindingCategory.ContactInfo && f.Severity == Severity.Info);
        return Public(builder.Build().Scan(post)) > Public(Bare.Scan(post));
    }

    internal static SitePublicContacts PublicContacts(Sites.Site site) => new()
    {
        SiteCode = site.Code, Phones = Listed(site.PublicPhone), Emails = Listed(site.PublicEmail), Addresses = Listed(site.PublicAddress),
    };

    static string[] Listed(string? value) => string.IsNullOrWhiteSpace(value) ? [] : [value.Trim()];

    public void Dispose() => _gate.Dispose();

    public async Task<ScanResult> ScanAsync(Steward.Scanning.Post post, CancellationToken ct) => (await GetAsync(ct)).Scan(post);
}
