using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Features.Registry;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.Demo;

/// <summary>The demo district: <c>dotnet run --project src/Steward -- --demo</c>.</summary>
internal static class Demo
{
    public const string Password = "Steward-demo-2026";

    /// <summary>The demo runs on its own SQLite file, so it never touches a real database.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Steward:Database:Provider"] = "Sqlite",
        ["Steward:Database:FileName"] = "steward-demo.db",
        ["ConnectionStrings:Steward"] = "",
        ["Steward:Bootstrap:AdminEmail"] = "",
    };

    static readonly (string Code, string Name, SiteKind Kind, string[] Aliases, string? Mascot, string Phone, string Address)[] Sites =
    [
        ("WHS", "Woodrow Wilson High School", SiteKind.School, ["Wilson High", "Wilson", "WHS"], "Bruins", "(562) 555-0100", "4400 E. 10th St., Long Beach, CA 90804"),
        ("MHS", "Millikan High School", SiteKind.School, ["Millikan High", "Millikan", "MHS"], "Rams", "(562) 555-0200", "2800 Snowden Ave., Long Beach, CA 90815"),
        ("PHS", "Polytechnic High School", SiteKind.School, ["Poly High", "Poly", "PHS"], "Jackrabbits", "(562) 555-0300", "1600 Atlantic Ave., Long Beach, CA 90813"),
        ("HMS", "Hoover Middle School", SiteKind.School, ["Hoover Middle", "Hoover", "HMS"], "Huskies", "(562) 555-0400", "3501 Country Club Dr., Long Beach, CA 90807"),
        ("LES", "Lincoln Elementary School", SiteKind.School, ["Lincoln Elementary", "Lincoln", "LES"], "Lions", "(562) 555-0500", "1175 E. 11th St., Long Beach, CA 90813"),
        ("CMS", "Communications Department", SiteKind.Department, ["District Communications"], null, "(562) 555-0600", "1515 Hughes Way, Long Beach, CA 90810"),
        ("EDS", "Education Services", SiteKind.Office, ["Ed Services"], null, "(562) 555-0700", "1515 Hughes Way, Long Beach, CA 90810"),
    ];

    static readonly (string Email, string Name, string Title, Role Role, string? Site)[] People =
    [
        ("admin@steward.example", "Dana Whitfield", "Superintendent's Designee for Social Media", Role.DistrictAdmin, null),
        ("deputy@steward.example", "Marcus Oyelaran", "Deputy Superintendent of Education Services", Role.DeputySuperintendent, null),
        ("ethics@steward.example", "Priya Raman", "Director, Employee Relations and Ethics", Role.EthicsOffice, null),
        ("socialmedia@steward.example", "Leah Kowalczyk", "Education Services Social Media Administrator", Role.SocialMediaAdmin, null),
        ("pio@steward.example", "Tomás Echeverría", "Director of Public Information", Role.PublicInformation, null),
        ("principal.whs@steward.example", "Angela Brooks", "Principal, Wilson High School", Role.Principal, "WHS"),
        ("designee.whs@steward.example", "Kevin Tran", "Assistant Principal, Wilson High School", Role.SiteDesignee, "WHS"),
        ("coach.whs@steward.example", "Rosa Delgado", "Head Coach, Girls' Volleyball", Role.Staff, "WHS"),
        ("teacher.whs@steward.example", "Samuel Okafor", "Teacher, Biology", Role.Staff, "WHS"),
        ("principal.mhs@steward.example", "Helen Park", "Principal, Millikan High School", Role.Principal, "MHS"),
        ("advisor.mhs@steward.example", "Jordan Ellis", "Teacher, ASB Advisor", Role.Staff, "MHS"),
        ("principal.phs@steward.example", "Curtis Langley", "Principal, Polytechnic High School", Role.Principal, "PHS"),
        ("principal.hms@steward.example", "Maribel Santos", "Principal, Hoover Middle School", Role.Principal, "HMS"),
        ("principal.les@steward.example", "Gregory Bell", "Principal, Lincoln Elementary School", Role.Principal, "LES"),
        ("staff.cms@steward.example", "Nadia Farouk", "Communications Specialist", Role.Staff, "CMS"),
    ];

    public static async Task SeedAsync(IServiceProvider services, ILogger log, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StewardDb>();
        db.SystemActor = "demo seed";
        if (!await db.Sites.AnyAsync(ct))
        {
            var now = DateTime.UtcNow;
            foreach (var s in Sites)
                db.Sites.Add(new Site
                {
                    Code = s.Code, Name = s.Name, Kind = s.Kind, Aliases = [.. s.Aliases], Mascot = s.Mascot,
                    PublicPhone = s.Phone, PublicAddress = s.Address,
                    PublicEmail = $"{s.Code.ToLowerInvariant()}-office@steward.example", CreatedAt = now,
                });
            await db.SaveChangesAsync(ct);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StewardUser>>();
            var sites = await db.Sites.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            foreach (var p in People)
            {
                var user = new StewardUser
                {
                    UserName = p.Email, Email = p.Email, EmailConfirmed = true, FullName = p.Name, Title = p.Title, CreatedAt = now,
                };
                user.Roles.Add(new RoleAssignment { Role = p.Role, SiteId = p.Site is null ? null : sites[p.Site], AssignedAt = now });
                var result = await users.CreateAsync(user, Password);
                if (!result.Succeeded)
                    throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        if (!await db.Accounts.AnyAsync(ct)) await SeedRegistryAsync(scope.ServiceProvider, db, log, ct);
        if (!await db.Students.AnyAsync(ct)) await SeedRosterAsync(db, ct);
        if (!await db.ProtectedContacts.AnyAsync(ct)) await SeedProtectedContactsAsync(scope.ServiceProvider, db, ct);
        if (!await db.Posts.AnyAsync(ct)) await SeedPostsAsync(scope.ServiceProvider, db, log, ct);

        Console.WriteLine();
        Console.WriteLine("Steward demo district. Sign in with any of these (password: " + Password + "):");
        foreach (var p in People)
            Console.WriteLine($"  {p.Role,-21} {(p.Site ?? "district"),-9} {p.Email}");
        Console.WriteLine();
        log.LogInformation("Demo data ready");
    }
    /// <summary>Accounts in every category and status across the demo sites, requested by their staff and
    /// decided by their principals through the registry's own operations, and one list sent by WHS.</summary>
    /// <summary>A small roster for the compliance checks: one student with photo-and-name consent, one
    /// without, one whose family opted out of directory information (Privacy §3, §4).</summary>
    static async Task SeedRosterAsync(StewardDb db, CancellationToken ct)
    {
        var sites = await db.Sites.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var admin = await db.Users.Where(u => u.Email == People[0].Email).Select(u => u.Id).SingleAsync(ct);
        var now = DateTime.UtcNow;
        Compliance.Student Student(string number, string first, string last, string site, string grade, bool optOut = false) => new()
        {
            StudentNumber = number, FirstName = first, LastName = last, SiteId = sites[site], Grade = grade, DirectoryOptOut = optOut, ImportedAt = now,
        };
        var consented = Student("10000101", "Jordan", "Reyes", "WHS", "11");
        consented.Consents.Add(new Compliance.Consent
        {
            Kind = Compliance.ConsentKind.PhotoWithName, GrantedBy = "Elena Reyes (mother)", GrantedOn = DateOnly.FromDateTime(now.AddDays(-60)),
            DocumentReference = "WHS-media-release-2026-0412", RecordedByUserId = admin, RecordedAt = now,
        });
        db.Students.AddRange(
            consented,
            Student("10000102", "Maya", "Okafor", "WHS", "10"),
            Student("10000103", "Ana Lucía", "Pérez", "WHS", "12", optOut: true),
            Student("10000201", "Ethan", "Nguyen", "MHS", "9"),
            Student("10000301", "Sofia", "Hernandez", "PHS", "11"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Home contacts the scanner blocks: coach Rosa Delgado's (staff, Privacy §5) and a board member's
    /// (official, no written permission: Privacy §6). Sealed like any entry, through the same commands.</summary>
    static async Task SeedProtectedContactsAsync(IServiceProvider services, StewardDb db, CancellationToken ct)
    {
        var admin = await db.Users.Where(u => u.Email == People[0].Email).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        var coach = await db.Users.Where(u => u.Email == "coach.whs@steward.example").Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        if (admin is null || coach is null) return;
        var actor = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, admin.Value.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Role, nameof(Role.DistrictAdmin)),
        ], "demo"));
        var contacts = services.GetRequiredService<Compliance.ProtectedContactCommands>();
        foreach (var request in new[]
        {
            new Compliance.ProtectedContactRequest(Scanning.HomeContactOwner.Staff, UserId: coach, Phones: ["(562) 555-0147"], Addresses: ["2219 Orchard Ave., Long Beach, CA 90806"]),
            new Compliance.ProtectedContactRequest(Scanning.HomeContactOwner.Official, "Trustee Diane Whitaker", Phones: ["(562) 555-0181"],
                Addresses: ["418 Bayshore Ave., Long Beach, CA 90803"]),
        })
        {
            var (_, refusal) = await contacts.CreateAsync(actor, request, ct);
            if (refusal is not null) throw new InvalidOperationException($"Demo protected contact: {refusal.Detail}");
        }
    }

    /// <summary>
    /// Posts in every state of the review, written and decided through the workflow's own operations so each carries
    /// its real scan: published, approved, awaiting the principal with a Review finding, and a coach's draft that the
    /// scanner blocks (a family's phone number and a student named beside her photo without consent).
    /// </summary>
    static async Task SeedPostsAsync(IServiceProvider services, StewardDb db, ILogger log, CancellationToken ct)
    {
        var posts = services.GetRequiredService<Compliance.PostCommands>();
        var transformation = new StewardClaimsTransformation(db, services.GetRequiredService<IHttpContextAccessor>());
        var people = await db.Users.AsNoTracking().Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        var volleyball = await db.Accounts.SingleOrDefaultAsync(a => a.Handle == "whs_girls_volleyball", ct);
        var boosters = await db.Accounts.SingleOrDefaultAsync(a => a.Handle == "westside_volleyball_parents", ct);
        if (volleyball is null || boosters is null || !people.TryGetValue("coach.whs@steward.example", out var coachUser)
            || !people.TryGetValue("principal.whs@steward.example", out var principalUser))
        {
            log.LogWarning("Demo posts not seeded: the demo accounts or people are missing from this database");
            return;
        }

        var coach = await SignedIn(transformation, coachUser);
        var principal = await SignedIn(transformation, principalUser);

        async Task<Compliance.Post> Write(Account account, string text, string[]? photo = null)
        {
            var (post, refusal) = await posts.CreateAsync(coach, new Compliance.PostRequest(account.Id, text,
                ImageSubjects: photo?.Select(id => new Compliance.ImageSubjectRequest(id, null)).ToList()), ct);
            return post ?? throw new InvalidOperationException($"Demo post: {refusal!.Detail}");
        }

        static void Check(Refusal? refusal, string what)
        {
            if (refusal is not null) throw new InvalidOperationException($"Demo post {what}: {refusal.Detail}");
        }

        var published = await Write(volleyball, "Girls' volleyball swept Lakewood 25-18, 25-20, 25-16 to stay undefeated in league play! "
            + "Next match: Thursday at 6 pm in the Wilson gym. Go Bruins!");
        Check(await posts.SubmitAsync(published, ct), "submit");
        Check(await posts.ApproveAsync(principal, published, null, ct), "approval");
        Check(await posts.PublishAsync(coach, published, ct), "publication");

        // Jordan Reyes's family gave written photo-and-name consent: named beside the photo, it passes.
        var approved = await Write(volleyball, "Congratulations to Jordan Reyes, named to the All-CIF first team! Photo: Jordan at the section final.",
            photo: ["10000101"]);
        Check(await posts.SubmitAsync(approved, ct), "submit");
        Check(await posts.ApproveAsync(principal, approved, null, ct), "approval");

        var awaiting = await Write(boosters, "Spirit wear is on sale now: hoodies $35, T-shirts $15. Order at the snack bar by Friday; "
            + "every dollar goes to the team's travel fund.");
        Check(await posts.SubmitAsync(awaiting, ct), "submit");

        await Write(volleyball, "Congratulations to Maya Okafor on her first varsity start! Carpool for Saturday: call (562) 555-0134 to sign up.",
            photo: ["10000102"]);
        log.LogInformation("Demo posts: published, approved, awaiting review, and a blocked draft");
    }

    /// <summary>A demo person as the app sees them when they sign in: their roles and sites from the database.</summary>
    static Task<ClaimsPrincipal> SignedIn(StewardClaimsTransformation transformation, StewardUser user) =>
        transformation.TransformAsync(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(StewardClaims.Epoch, user.SessionEpoch.ToString(CultureInfo.InvariantCulture)),
        ], IdentityConstants.ApplicationScheme)));

    static async Task SeedRegistryAsync(IServiceProvider services, StewardDb db, ILogger log, CancellationToken ct)
    {
        var registry = services.GetRequiredService<RegistryCommands>();
        var authz = services.GetRequiredService<IAuthorizationService>();
        var transformation = new StewardClaimsTransformation(db, services.GetRequiredService<IHttpContextAccessor>());
        var people = await db.Users.AsNoTracking().Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        if (People.Any(p => !people.ContainsKey(p.Email)))
        {
            log.LogWarning("Demo registry not seeded: the demo people are missing from this database");
            return;
        }
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, ct);

        Task<ClaimsPrincipal> As(string who) => SignedIn(transformation, people[$"{who}@steward.example"]);

        int Id(string who) => people[$"{who}@steward.example"].Id;

        async Task<Account> Request(string by, string site, Platform platform, string handle, string name, AccountCategory category, string purpose,
            string? manager = null, string? backup = null, DateOnly? notified = null, bool booster = false)
        {
            var (account, refusal) = await registry.RequestAsync(await As(by), new AccountRequest(sites[site], platform, handle, null, name, category,
                purpose, Id(manager ?? by), backup is null ? null : Id(backup), notified, booster ? true : null), ct);
            return account ?? throw new InvalidOperationException($"Demo account {handle}: {refusal!.Detail}");
        }

        async Task Approve(Account account, string by)
        {
            if (await registry.ApproveAsync(await As(by), account, ct) is { } refusal)
                throw new InvalidOperationException($"Demo approval of {account.Handle}: {refusal.Detail}");
        }

        async Task Decide(Account account, string by, Action<Account, int> decision, bool approval = false)
        {
            if (await registry.DecideAsync(await As(by), account, decision, approval, ct) is { } refusal)
                throw new InvalidOperationException($"Demo decision on {account.Handle}: {refusal.Detail}");
        }

        var year = await registry.CurrentSchoolYearAsync(ct);
        var lastYear = SchoolYears.Format(SchoolYears.FirstYear(year) - 1);
        var today = DateOnly.FromDateTime(registry.Now);

        // Registered last year and not yet renewed for this one (Registry §1).
        async Task ApprovedLastYear(Account account, string by)
        {
            account.Approve(Id(by), registry.Now.AddYears(-1), lastYear);
            account.OpenYear(year);
            await db.SaveChangesAsync(ct);
        }

        // Wilson High (mascot: Bruins).
        var whsMain = await Request("designee.whs", "WHS", Platform.Instagram, "@WoodrowWilsonHS", "Woodrow Wilson High School", AccountCategory.SiteMain,
            "The school's news, events and celebrations for families and the community.", backup: "principal.whs");
        await Approve(whsMain, "principal.whs");
        var volleyball = await Request("coach.whs", "WHS", Platform.Instagram, "https://www.instagram.com/whs_girls_volleyball/", "WHS Girls' Volleyball",
            AccountCategory.Athletics, "Match schedules, results and team news for players and families.", backup: "designee.whs");
        await Approve(volleyball, "principal.whs");
        var boosters = await Request("coach.whs", "WHS", Platform.Instagram, "@westside_volleyball_parents", "Westside Volleyball Parents", AccountCategory.Booster,
            "The volleyball booster club's fundraisers and volunteer sign-ups.", booster: true);
        await Approve(boosters, "designee.whs");
        await Request("teacher.whs", "WHS", Platform.YouTube, "mrokafor_biology", "Mr. Okafor's Biology", AccountCategory.Curricular,
            "Lab demonstrations and review videos for Biology students.", notified: today.AddDays(-3));
        var robotics = await Request("teacher.whs", "WHS", Platform.TikTok, "whs_robotics_club", "WHS Robotics Club", AccountCategory.Club,
            "Build-season updates from the robotics club.");
        await Decide(robotics, "principal.whs", (a, me) => a.Reject(me, "The robotics club's charter is not renewed yet: request again once ASB approves it."), approval: true);
        var whsFacebook = await Request("designee.whs", "WHS", Platform.Facebook, "wilsonhighschoolLB", "Wilson High School", AccountCategory.SiteMain,
            "The school's page for parents and alumni.");
        await ApprovedLastYear(whsFacebook, "principal.whs");

        // Millikan High (mascot: Rams).
        var asb = await Request("advisor.mhs", "MHS", Platform.Instagram, "millikan_asb", "Millikan ASB", AccountCategory.Program,
            "Student government announcements, spirit weeks and elections.");
        await Approve(asb, "principal.mhs");
        var engineering = await Request("advisor.mhs", "MHS", Platform.Instagram, "millikan_engineering", "Millikan Engineering Pathway", AccountCategory.Pathway,
            "Projects, internships and showcases of the engineering pathway.");
        await ApprovedLastYear(engineering, "principal.mhs");
        var debate = await Request("advisor.mhs", "MHS", Platform.X, "millikan_debate", "Millikan Debate", AccountCategory.Club,
            "Tournament results of the debate club.");
        await Approve(debate, "principal.mhs");
        await Decide(debate, "principal.mhs", (a, me) => a.Suspend(me, "A complaint about a post is under review; the account is paused until it is resolved."));

        // Polytechnic High, Hoover Middle, Lincoln Elementary: their principals request, the district decides.
        var polyOld = await Request("principal.phs", "PHS", Platform.Facebook, "polyhigh_1895", "Poly High (old page)", AccountCategory.SiteMain,
            "The school's former page, kept until followers moved to the new one.");
        await Approve(polyOld, "admin");
        await Decide(polyOld, "admin", (a, me) => a.Retire(me));
        await Request("principal.hms", "HMS", Platform.Instagram, "hoover_middle_school", "Hoover Middle School", AccountCategory.SiteMain,
            "News and reminders for Hoover families.");
        var lincoln = await Request("principal.les", "LES", Platform.Facebook, "lincolnelementarylb", "Lincoln Elementary School", AccountCategory.SiteMain,
            "Announcements and celebrations for Lincoln families.");
        await Approve(lincoln, "admin");

        // The Communications Department's own account.
        var communications = await Request("staff.cms", "CMS", Platform.LinkedIn, "https://www.linkedin.com/company/district-communications/",
            "District Communications", AccountCategory.Department, "District news, job openings and board meeting summaries.");
        await Approve(communications, "admin");

        // Wilson sends its list to the Ethics Office (Registry §5).
        var (submission, refused) = await SubmissionsApi.SubmitCoreAsync(sites["WHS"], await As("principal.whs"), db, authz, registry, ct);
        if (submission is null) throw new InvalidOperationException($"Demo submission: {refused!.Detail}");
        log.LogInformation("Demo registry: {Count} accounts, one submission", await db.Accounts.CountAsync(ct));
    }
}
