using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Data;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Features.Sites;

namespace Steward.Registry.Bench;

/// <summary>What the seeder made: the sites with their principals, and a district reader.</summary>
internal sealed record SeededDistrict(IReadOnlyList<SeededSite> Sites, string ReaderEmail, int Accounts, int NotRetired, int Users,
    int AuditEvents, TimeSpan Elapsed);

internal sealed record SeededSite(int Id, string Code, string PrincipalEmail, int Accounts);

/// <summary>
/// A seeded (2026) district: sites with a principal, a designee and staff who manage the accounts, and accounts
/// with realistic handles ("wilsonhigh_football", "lakewoodms.band") across the platforms, in every category and
/// status, with registrations for approved and renewing ones. Sites and people go through the DbContext (audited);
/// accounts and registrations through <see cref="BulkInsert"/>.
/// </summary>
internal static class Seeder
{
    static readonly string[] Names =
    [
        "Wilson", "Lakewood", "Millikan", "Poly", "Jordan", "Cabrillo", "Jefferson", "Lincoln", "Roosevelt", "Hughes",
        "Stanford", "Marshall", "Hoover", "Franklin", "Washington", "Madison", "Adams", "Monroe", "Bancroft", "Rogers",
        "Hamilton", "Lindbergh", "Stephens", "Keller", "Newcomb", "Burbank", "Carver", "Emerson", "Whittier", "Longfellow",
        "Twain", "Muir", "Garfield", "Grant", "Harte", "Hill", "Mann", "Prisk", "Tincher", "Bixby",
    ];

    static readonly (string Kind, string Short)[] Kinds = [("High School", "high"), ("Middle School", "ms"), ("Elementary", "elem")];

    static readonly string[] Mascots =
    [
        "Bruins", "Vikings", "Rams", "Jackrabbits", "Panthers", "Jaguars", "Patriots", "Lions", "Rough Riders", "Hawks",
        "Mustangs", "Eagles", "Falcons", "Wildcats", "Bears", "Tigers", "Chargers", "Knights", "Titans", "Dolphins",
    ];

    /// <summary>Programs, teams and clubs a school runs accounts for, with their category.</summary>
    static readonly (string Slug, string Display, AccountCategory Category)[] Programs =
    [
        ("", "", AccountCategory.SiteMain), ("official", "Official", AccountCategory.SiteMain), ("news", "News", AccountCategory.SiteMain),
        ("athletics", "Athletics", AccountCategory.Athletics), ("football", "Football", AccountCategory.Athletics),
        ("basketball", "Basketball", AccountCategory.Athletics), ("volleyball", "Volleyball", AccountCategory.Athletics),
        ("soccer", "Soccer", AccountCategory.Athletics), ("baseball", "Baseball", AccountCategory.Athletics),
        ("softball", "Softball", AccountCategory.Athletics), ("track", "Track & Field", AccountCategory.Athletics),
        ("xc", "Cross Country", AccountCategory.Athletics), ("swim", "Swim & Dive", AccountCategory.Athletics),
        ("waterpolo", "Water Polo", AccountCategory.Athletics), ("tennis", "Tennis", AccountCategory.Athletics),
        ("golf", "Golf", AccountCategory.Athletics), ("wrestling", "Wrestling", AccountCategory.Athletics),
        ("cheer", "Cheer", AccountCategory.Athletics), ("band", "Band", AccountCategory.Club), ("choir", "Choir", AccountCategory.Club),
        ("drama", "Drama", AccountCategory.Club), ("asb", "ASB", AccountCategory.Club), ("robotics", "Robotics", AccountCategory.Club),
        ("debate", "Speech & Debate", AccountCategory.Club), ("key_club", "Key Club", AccountCategory.Club),
        ("yearbook", "Yearbook", AccountCategory.Club), ("mun", "Model UN", AccountCategory.Club), ("chess", "Chess Club", AccountCategory.Club),
        ("stem", "STEM Academy", AccountCategory.Pathway), ("ib", "IB Programme", AccountCategory.Pathway),
        ("cte", "CTE Pathways", AccountCategory.Pathway), ("engineering", "Engineering Pathway", AccountCategory.Pathway),
        ("medical", "Health Careers Academy", AccountCategory.Pathway), ("library", "Library", AccountCategory.Department),
        ("counseling", "Counseling", AccountCategory.Department), ("science", "Science Department", AccountCategory.Department),
        ("art", "Visual Arts", AccountCategory.Department), ("pe", "Physical Education", AccountCategory.Department),
        ("pta", "PTA News", AccountCategory.Program), ("afterschool", "After School Program", AccountCategory.Program),
        ("summer", "Summer Bridge", AccountCategory.Program), ("ap_bio", "AP Biology", AccountCategory.Curricular),
        ("journalism", "Journalism Class", AccountCategory.Curricular), ("photo", "Photography Class", AccountCategory.Curricular),
        ("boosters", "Boosters", AccountCategory.Booster), ("athletic_boosters", "Athletic Boosters", AccountCategory.Booster),
        ("band_parents", "Band Parents", AccountCategory.Booster),
    ];

    static readonly Platform[] CommonPlatforms =
        [Platform.Instagram, Platform.Instagram, Platform.Instagram, Platform.Facebook, Platform.Facebook, Platform.X, Platform.YouTube, Platform.TikTok];

    static readonly string[] FirstNames =
        ["Maria", "James", "Aiyana", "Chen", "Olivia", "Diego", "Fatima", "Noah", "Priya", "Samuel", "Grace", "Luis", "Hannah", "Tuan", "Keisha", "Ethan"];

    static readonly string[] LastNames =
        ["Garcia", "Nguyen", "Johnson", "Martinez", "Kim", "Okafor", "Smith", "Patel", "Lopez", "Brown", "Tran", "Davis", "Hernandez", "Wilson", "Lee", "Clark"];

    public static async Task<SeededDistrict> SeedAsync(IServiceProvider services, int siteCount, int accountCount, string schoolYear)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(2026);
        var now = DateTime.UtcNow;
        var previousYear = PreviousYear(schoolYear);

        string passwordHash;
        await using (var scope = services.CreateAsyncScope())
            passwordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StewardUser>>().HashPassword(null!, BenchHost.Password);

        // Sites and people: one save (a few thousand rows).
        var sites = new List<(Site Site, StewardUser Principal, StewardUser Designee, List<StewardUser> Staff)>();
        var reader = NewUser("ethics.office@bench.example", "Ethics Office Reader", "Ethics Officer", passwordHash, now);
        reader.Roles.Add(new RoleAssignment { Role = Role.EthicsOffice, AssignedAt = now });
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            db.SystemActor = "bench-seed";
            db.Users.Add(reader);
            for (var i = 0; i < siteCount; i++)
            {
                var (kind, kindShort) = Kinds[i % Kinds.Length];
                var name = Names[i / Kinds.Length % Names.Length] + (i >= Names.Length * Kinds.Length ? $" {i / (Names.Length * Kinds.Length) + 1}" : "");
                var code = string.Create(CultureInfo.InvariantCulture, $"{name[..Math.Min(3, name.Length)].ToUpperInvariant()}{kindShort[0]}{i:D3}");
                var site = new Site
                {
                    Code = code, Name = $"{name} {kind}", Kind = SiteKind.School, Aliases = [$"{name} {kindShort}"],
                    Mascot = Mascots[i % Mascots.Length], CreatedAt = now,
                };
                db.Sites.Add(site);
                var slug = code.ToLowerInvariant();
                var principal = NewUser($"principal.{slug}@bench.example", Person(random), "Principal", passwordHash, now);
                principal.Roles.Add(new RoleAssignment { Role = Role.Principal, Site = site, AssignedAt = now });
                var designee = NewUser($"designee.{slug}@bench.example", Person(random), "Assistant Principal", null, now);
                designee.Roles.Add(new RoleAssignment { Role = Role.SiteDesignee, Site = site, AssignedAt = now });
                var staff = new List<StewardUser>();
                for (var s = 0; s < 8; s++)
                {
                    var member = NewUser($"staff{s}.{slug}@bench.example", Person(random), s % 2 == 0 ? "Teacher" : "Coach", null, now);
                    member.Roles.Add(new RoleAssignment { Role = Role.Staff, Site = site, AssignedAt = now });
                    staff.Add(member);
                }
                db.Users.AddRange([principal, designee, .. staff]);
                sites.Add((site, principal, designee, staff));
            }
            await db.SaveChangesAsync();
        }

        // Accounts and their registrations: a raw bulk path (one prepared-style INSERT per row in one transaction),
        // built from the EF model so columns, enum strings and provider types match what EF writes. Through the
        // DbContext the audit chain made the seeding take minutes here (50,000 accounts + registrations = ~90,000
        // chained events); these rows are therefore not in the audit log.
        var taken = new HashSet<(Platform, string)>();
        var perSite = new int[siteCount];
        var notRetired = 0;
        var accounts = new List<Account>(accountCount);
        for (var i = 0; i < accountCount; i++)
        {
            var siteIndex = i % siteCount;
            var (site, principal, designee, staff) = sites[siteIndex];
            var account = NewAccount(random, site, principal, designee, staff, perSite[siteIndex]++, taken, schoolYear, previousYear, now);
            if (account.Status != AccountStatus.Retired) notRetired++;
            accounts.Add(account);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await BulkInsert.InsertAsync(db, accounts, (a, id) => a.Id = id);
            var registrations = accounts.SelectMany(a => a.Registrations.Select(r => { r.AccountId = a.Id; return r; })).ToList();
            await BulkInsert.InsertAsync(db, registrations, (r, id) => r.Id = id);
            await tx.CommitAsync();
        }
        var made = accounts.Count;

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
            var users = await db.Users.CountAsync();
            var events = await db.AuditEvents.CountAsync();
            return new SeededDistrict(
                sites.Select((s, i) => new SeededSite(s.Site.Id, s.Site.Code, s.Principal.Email!, perSite[i])).ToList(),
                reader.Email!, made, notRetired, users, events, clock.Elapsed);
        }
    }

    static Account NewAccount(Random random, Site site, StewardUser principal, StewardUser designee, List<StewardUser> staff, int n,
        HashSet<(Platform, string)> taken, string schoolYear, string previousYear, DateTime now)
    {
        var program = Programs[n % Programs.Length];
        var platform = n < Programs.Length ? Platform.Instagram : CommonPlatforms[random.Next(CommonPlatforms.Length)];
        if (random.Next(20) == 0) platform = (Platform)random.Next((int)Platform.Other);
        // "wilsonhigh", "wilsonhigh_football", "wilsonhigh.football2": platforms allow different separators.
        var schoolSlug = new string(site.Name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (schoolSlug.Length > 18) schoolSlug = schoolSlug[..18];
        var separator = platform is Platform.Instagram or Platform.TikTok ? "." : "_";
        // Booster clubs may not use the school's name or mascot (Booster §3).
        var booster = program.Category == AccountCategory.Booster;
        var handle = program.Slug.Length == 0 ? schoolSlug
            : booster ? $"{program.Slug}{separator}{site.Code.ToLowerInvariant()}" : $"{schoolSlug}{separator}{program.Slug}";
        var suffix = n / Programs.Length;
        var candidate = suffix == 0 ? handle : string.Create(CultureInfo.InvariantCulture, $"{handle}{suffix + 1}");
        while (!taken.Add((platform, candidate))) candidate = string.Create(CultureInfo.InvariantCulture, $"{handle}{random.Next(100, 99_999)}");

        var manager = staff[random.Next(staff.Count)];
        var status = random.Next(100) switch
        {
            < 70 => AccountStatus.Approved,
            < 80 => AccountStatus.Pending,
            < 88 => AccountStatus.NeedsRenewal,
            < 91 => AccountStatus.Suspended,
            < 95 => AccountStatus.Rejected,
            _ => AccountStatus.Retired,
        };
        var requestedAt = now.AddDays(-random.Next(30, 900));
        var approver = random.Next(3) == 0 ? designee : principal;
        var account = new Account
        {
            SiteId = site.Id, Platform = platform, Handle = candidate, Url = RegistryCommands.CanonicalUrl(platform, candidate),
            DisplayName = program.Display.Length == 0 ? site.Name : booster ? $"{program.Display} Club {site.Code}" : $"{site.Name} {program.Display}",
            Category = program.Category,
            Purpose = program.Display.Length == 0
                ? $"News, events and announcements of {site.Name} for families and the community."
                : $"Schedules, results and news of {site.Name} {program.Display} for students and families.",
            ManagerUserId = manager.Id, BackupManagerUserId = random.Next(3) == 0 ? staff[random.Next(staff.Count)].Id : null,
            Version = Guid.NewGuid(), Status = status, SchoolYear = status == AccountStatus.NeedsRenewal ? previousYear : schoolYear,
            RequestedByUserId = manager.Id, RequestedAt = requestedAt,
            PrincipalNotifiedOn = program.Category == AccountCategory.Curricular ? DateOnly.FromDateTime(requestedAt.AddDays(-3)) : null,
            BoosterGuidelinesAttested = program.Category == AccountCategory.Booster,
        };
        // The requester is the manager; the approver a site lead (nobody approves their own request).
        if (status is AccountStatus.Approved or AccountStatus.NeedsRenewal or AccountStatus.Suspended or AccountStatus.Retired)
        {
            account.ApprovedByUserId = approver.Id;
            account.ApprovedAt = requestedAt.AddDays(random.Next(1, 14));
            account.DecidedByUserId = approver.Id;
            account.Registrations.Add(new AccountRegistration { SchoolYear = previousYear, ApprovedByUserId = approver.Id, ApprovedAt = account.ApprovedAt.Value });
            if (status == AccountStatus.Approved)
                account.Registrations.Add(new AccountRegistration { SchoolYear = schoolYear, ApprovedByUserId = approver.Id, ApprovedAt = now.AddDays(-random.Next(1, 60)) });
        }
        if (status == AccountStatus.Suspended) { account.StatusBeforeSuspension = AccountStatus.Approved; account.DecisionReason = "Posted without review; under investigation."; }
        if (status == AccountStatus.Rejected) { account.DecidedByUserId = approver.Id; account.DecisionReason = "Duplicates the school's main account."; }
        return account;
    }

    static StewardUser NewUser(string email, string fullName, string title, string? passwordHash, DateTime now) => new()
    {
        UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, PasswordHash = passwordHash, SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, FullName = fullName, Title = title, CreatedAt = now,
    };

    static string Person(Random random) => $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";

    public static string SchoolYearFor(DateTime utc, int startMonth = 7)
    {
        var first = utc.Month >= startMonth ? utc.Year : utc.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first}-{(first + 1) % 100:D2}");
    }

    static string PreviousYear(string year)
    {
        var first = int.Parse(year[..4], CultureInfo.InvariantCulture) - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{first}-{(first + 1) % 100:D2}");
    }
}
